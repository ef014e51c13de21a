/**
 * Tells a deliberate save from an auto-save. A save of a resource document deploys it, so only
 * the user's own Save (Ctrl+S, File > Save, Save All) may reach the API: auto-save, on by
 * default in browser VS Code and common on the desktop, would deploy half-typed edits.
 *
 * VS Code does not tell a file system provider why it is written, but it announces every save
 * with its reason through `onWillSaveTextDocument` just before the write. The reason is kept
 * here and taken by `writeFile`, which refuses auto-saves: the document stays dirty, and VS Code
 * skips further auto-saves of a document whose last save failed until the user saves it.
 */
import vscode = require('vscode');

const AUTOMATIC = new Set([vscode.TextDocumentSaveReason.AfterDelay, vscode.TextDocumentSaveReason.FocusOut]);

export class SaveIntent implements vscode.Disposable {
  private readonly reasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly scheme: string) {
    this.subscription = vscode.workspace.onWillSaveTextDocument((e) => {
      if (e.document.uri.scheme === this.scheme) this.reasons.set(e.document.uri.toString(), e.reason);
    });
  }

  /** Whether the write about to happen comes from an auto-save; the reason is used up. */
  takeIsAutomatic(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const reason = this.reasons.get(key);
    this.reasons.delete(key);
    return reason !== undefined && AUTOMATIC.has(reason);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
