/**
 * "Run Hook…" and "Debug Hook…" above each top-level function of a script document: the way into running that
 * function locally as the hook it is (commands/hookCommands.ts).
 */
import * as path from 'path';
import vscode = require('vscode');
import { isPulledFolder } from '../iac/bindings';
import { parseResourceUri } from '../identity';

/** The function a Run Hook… lens names: a class instance, which a command link cannot pass. */
export class ChosenHook {
  constructor(
    readonly uri: vscode.Uri,
    readonly functionName: string,
  ) {}
}

/** `<folder>/scripts/<slug>.js` of a pulled folder (one with a binding file), else undefined. */
export async function pulledScriptOf(uri: vscode.Uri): Promise<{ folder: string; slug: string } | undefined> {
  if (uri.scheme !== 'file' || !uri.fsPath.endsWith('.js')) return undefined;
  const scriptsDir = path.dirname(uri.fsPath);
  if (path.basename(scriptsDir) !== 'scripts') return undefined;
  const folder = path.dirname(scriptsDir);
  return (await isPulledFolder(folder)) ? { folder, slug: path.basename(uri.fsPath, '.js') } : undefined;
}

/**
 * A script document: opened from the explorer, or a `.js` file under `scripts/` (a pulled
 * folder's, which Run Hook… checks when it runs).
 */
export function isScriptDocument(uri: vscode.Uri): boolean {
  return parseResourceUri(uri)?.kind === 'scripts' || (uri.scheme === 'file' && /[\\/]scripts[\\/][^\\/]+\.js$/.test(uri.fsPath));
}

const FUNCTION = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/;

/** Top-level function declarations (at the start of a line), with their lines. */
export function hookFunctions(text: string): { name: string; line: number }[] {
  return text.split('\n').flatMap((line, i) => {
    const match = FUNCTION.exec(line);
    return match ? [{ name: match[1]!, line: i }] : [];
  });
}

export class HookCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  // Trusting the workspace turns a folder script's "needs trust" lens into Run and Debug.
  private readonly trustWatch = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());

  dispose(): void {
    this.trustWatch.dispose();
    this.changed.dispose();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!isScriptDocument(document.uri)) return [];
    // A file: only a pulled folder's script, whose uses the folder's files tell.
    if (document.uri.scheme === 'file' && !(await pulledScriptOf(document.uri))) return [];
    const restricted = document.uri.scheme === 'file' && !vscode.workspace.isTrusted;
    return hookFunctions(document.getText()).flatMap(({ name, line }) => {
      const range = new vscode.Range(line, 0, line, 0);
      const chosen = new ChosenHook(document.uri, name);
      // Restricted Mode: one lens that says so; its click says why, with the way to trust the folder.
      if (restricted)
        return [
          new vscode.CodeLens(range, {
            title: '$(workspace-untrusted) Run Hook… needs a trusted workspace',
            tooltip: 'In Restricted Mode, scripts from a workspace folder are not run',
            command: 'integratorIo.runHook',
            arguments: [chosen],
          }),
        ];
      return [
        new vscode.CodeLens(range, {
          title: '$(play) Run Hook…',
          tooltip: `Run ${name} here, on a sample of real data, and check what it returns`,
          command: 'integratorIo.runHook',
          arguments: [chosen],
        }),
        new vscode.CodeLens(range, {
          title: '$(debug-alt) Debug Hook…',
          tooltip: `Run ${name} under the debugger: breakpoints in this script stop it`,
          command: 'integratorIo.debugHook',
          arguments: [chosen],
        }),
      ];
    });
  }
}
