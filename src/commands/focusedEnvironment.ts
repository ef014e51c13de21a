/**
 * Which environment the thing in front of the user belongs to: the focused resource document
 * (its URI names the environment), or the focused integrator.io view. The status bar shows it.
 */
import * as vscode from 'vscode';
import { parseResourceUri } from '../documents/resourceUri';
import { RETRY_DATA_SCHEME } from '../documents/retryDataFileSystem';
import { FocusSource } from '../environments/statusBar';
import { StatefulPanel } from '../webviews/statefulPanel';

export class FocusedEnvironment implements FocusSource, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions = [
    vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire()),
    StatefulPanel.onDidChangeFocus(() => this.emitter.fire()),
  ];

  focusedEnvironmentId(): string | undefined {
    const view = StatefulPanel.focusedEnvironmentId();
    if (view) return view;
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri) return undefined;
    if (uri.scheme === RETRY_DATA_SCHEME) return uri.authority;
    return parseResourceUri(uri)?.envId;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
