/**
 * The rest of the extension (dist/main.js), loaded the first time something needs it: a command,
 * the explorer asking for rows, a document of ours opening, the extension's API. Until then,
 * activation has cost only its registrations (see extension.ts). Loading is a synchronous
 * `require`, so a forwarder can answer VS Code in the same call.
 */
import vscode = require('vscode');
import type * as mainModule from '../main';
import type { ExplorerNode } from '../explorer/explorerNode';
import type { Main } from '../main';
import { Surface } from './surface';

type MainModule = typeof mainModule;

export class LazyMain {
  private main: Main | undefined;
  private readonly waiting: ((main: Main) => void)[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly surface: () => Surface<ExplorerNode>,
  ) {}

  get isLoaded(): boolean {
    return this.main !== undefined;
  }

  /** The loaded extension, loading it now if nothing has; `reason` is logged with what loading cost. */
  get(reason: string): Main {
    if (!this.main) {
      const requestedAt = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, found at run time
      const module = require(this.context.asAbsolutePath('dist/main.js')) as MainModule;
      this.main = module.start(this.context, this.surface(), { reason, requestedAt });
      for (const listener of this.waiting.splice(0)) listener(this.main);
    }
    return this.main;
  }

  /** Runs once the extension is loaded (now, if it is): how forwarders connect their events. */
  whenLoaded(listener: (main: Main) => void): void {
    if (this.main) listener(this.main);
    else this.waiting.push(listener);
  }
}
