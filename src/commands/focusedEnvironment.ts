/**
 * Which environment the thing in front of the user belongs to: the focused resource document
 * (its URI names the environment), or the focused integrator.io view. The status bar shows it.
 */
import * as vscode from 'vscode';
import { environmentIdOf } from '../documents/uris';
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
    return uri && environmentIdOf(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
