/**
 * What activation registers with VS Code in place of the real providers: each forwards every
 * call to its provider in the loaded extension (loading it on the first call), and relays the
 * provider's change events once it exists. Before that nothing can have changed.
 */
import vscode = require('vscode');
import type { Main } from '../main';
import { LazyMain } from './lazyMain';

/** Relays `source` into `emitter` once the extension is loaded. */
function relay<T>(
  lazy: LazyMain,
  emitter: vscode.EventEmitter<T>,
  source: (main: Main) => vscode.Event<T>,
  owner: vscode.Disposable[],
): void {
  lazy.whenLoaded((main) => owner.push(source(main)((e) => emitter.fire(e))));
}

export class ForwardingTreeProvider implements vscode.TreeDataProvider<unknown>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<unknown>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly owned: vscode.Disposable[] = [this.changed];

  constructor(private readonly lazy: LazyMain) {
    relay(lazy, this.changed, (main) => main.explorer.onDidChangeTreeData as vscode.Event<unknown>, this.owned);
  }

  private get explorer() {
    return this.lazy.get('the explorer').explorer as unknown as vscode.TreeDataProvider<unknown>;
  }

  getTreeItem(node: unknown) {
    return this.explorer.getTreeItem(node);
  }

  getChildren(node?: unknown) {
    return this.explorer.getChildren(node);
  }

  getParent(node: unknown) {
    return this.explorer.getParent?.(node);
  }

  dispose(): void {
    for (const d of this.owned.splice(0)) d.dispose();
  }
}

export class ForwardingFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly owned: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly lazy: LazyMain,
    private readonly reason: string,
    private readonly pick: (main: Main) => vscode.FileSystemProvider,
  ) {
    relay(lazy, this.changed, (main) => pick(main).onDidChangeFile, this.owned);
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

  dispose(): void {
    for (const d of this.owned.splice(0)) d.dispose();
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
export class ForwardingDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly owned: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly lazy: LazyMain,
    private readonly schemes: ReadonlySet<string>,
  ) {
    relay(lazy, this.changed, (main) => main.decorations.onDidChangeFileDecorations, this.owned);
  }

  provideFileDecoration(uri: vscode.Uri) {
    if (!this.schemes.has(uri.scheme) || !this.lazy.isLoaded) return undefined;
    return this.lazy.get('a decoration').decorations.provideFileDecoration(uri);
  }

  dispose(): void {
    for (const d of this.owned.splice(0)) d.dispose();
  }
}
