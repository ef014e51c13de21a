/**
 * What activation registers with VS Code in place of the real providers: each forwards every
 * call to its provider in the loaded extension (loading it on the first call), and relays the
 * provider's change events once it exists. Before that nothing can have changed.
 */
import vscode = require('vscode');
import type { ExplorerNode } from '../explorer/explorerNode';
import type { Main } from '../main';
import { Disposable } from '../util/disposable';
import { LazyMain } from './lazyMain';

/** An event of the forwarder's own that repeats the loaded provider's `source` event from then on. */
abstract class Relaying<T> extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<T>());
  protected readonly relayed = this.emitter.event;

  constructor(lazy: LazyMain, source: (main: Main) => vscode.Event<T>) {
    super();
    lazy.whenLoaded((main) => this.register(source(main)((e) => this.emitter.fire(e))));
  }
}

export class ForwardingTreeProvider extends Relaying<ExplorerNode | undefined | void> implements vscode.TreeDataProvider<ExplorerNode> {
  readonly onDidChangeTreeData = this.relayed;

  constructor(private readonly lazy: LazyMain) {
    super(lazy, (main) => main.explorer.onDidChangeTreeData);
  }

  private get explorer() {
    return this.lazy.get('the explorer').explorer;
  }

  getTreeItem(node: ExplorerNode) {
    return this.explorer.getTreeItem(node);
  }

  getChildren(node?: ExplorerNode) {
    return this.explorer.getChildren(node);
  }

  getParent(node: ExplorerNode) {
    return this.explorer.getParent(node);
  }
}

export class ForwardingFileSystem extends Relaying<vscode.FileChangeEvent[]> implements vscode.FileSystemProvider {
  readonly onDidChangeFile = this.relayed;

  constructor(
    private readonly lazy: LazyMain,
    private readonly reason: string,
    private readonly pick: (main: Main) => vscode.FileSystemProvider,
  ) {
    super(lazy, (main) => pick(main).onDidChangeFile);
  }

  private get target(): vscode.FileSystemProvider {
    return this.pick(this.lazy.get(this.reason));
  }

  watch(uri: vscode.Uri, options: { readonly recursive: boolean; readonly excludes: readonly string[] }) {
    return this.target.watch(uri, options);
  }
  stat(uri: vscode.Uri) {
    return this.target.stat(uri);
  }
  readDirectory(uri: vscode.Uri) {
    return this.target.readDirectory(uri);
  }
  createDirectory(uri: vscode.Uri) {
    return this.target.createDirectory(uri);
  }
  readFile(uri: vscode.Uri) {
    return this.target.readFile(uri);
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }) {
    return this.target.writeFile(uri, content, options);
  }
  delete(uri: vscode.Uri, options: { readonly recursive: boolean }) {
    return this.target.delete(uri, options);
  }
  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }) {
    return this.target.rename(oldUri, newUri, options);
  }
}

export class ForwardingContentProvider implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly lazy: LazyMain,
    private readonly reason: string,
    private readonly pick: (main: Main) => vscode.TextDocumentContentProvider,
  ) {}

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken) {
    return this.pick(this.lazy.get(this.reason)).provideTextDocumentContent(uri, token);
  }
}

/**
 * Decorations are asked for every URI VS Code shows (files in the explorer too): only the
 * extension's own schemes load it, and those exist only once it is loaded.
 */
export class ForwardingDecorations extends Relaying<vscode.Uri | vscode.Uri[] | undefined> implements vscode.FileDecorationProvider {
  readonly onDidChangeFileDecorations = this.relayed;

  constructor(
    private readonly lazy: LazyMain,
    private readonly schemes: ReadonlySet<string>,
  ) {
    super(lazy, (main) => main.decorations.onDidChangeFileDecorations);
  }

  provideFileDecoration(uri: vscode.Uri) {
    if (!this.schemes.has(uri.scheme) || !this.lazy.isLoaded) return undefined;
    return this.lazy.get('a decoration').decorations.provideFileDecoration(uri);
  }
}

/**
 * A language model tool as activation registers it (VS Code asks for a tool by name as soon as a
 * chat may use it); the first call loads the rest and goes on to the tool main.ts built.
 */
export function forwardingTool(lazy: LazyMain, name: string): vscode.LanguageModelTool<object> {
  const target = (): vscode.LanguageModelTool<object> => {
    const tool = lazy.get(`the language model tool ${name}`).languageModelTools.get(name);
    if (!tool) throw new Error(`integrator.io has no language model tool ${name}.`);
    return tool;
  };
  return {
    prepareInvocation: (options, token) => target().prepareInvocation?.(options, token),
    invoke: (options, token) => target().invoke(options, token),
  };
}
