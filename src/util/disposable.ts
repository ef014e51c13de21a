/**
 * The base of everything that holds listeners, emitters or panels: `register()` what you create,
 * and one `dispose()` releases it all, newest first, once.
 */
import vscode = require('vscode');

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Keeps `disposable` until this is disposed; returns it, so creation and registration read as one. */
  protected register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.owned.splice(0).reverse()) disposable.dispose();
  }
}
