/**
 * Which environment the thing in front of the user belongs to: the focused resource document
 * (its URI names the environment), or the focused integrator.io view. The status bar shows it.
 */
import { Disposable } from '../util/disposable';
import vscode = require('vscode');
import { environmentIdOf } from '../documents/uris';
import { FocusSource } from '../environments/statusBar';
import { StatefulPanel } from '../webviews/statefulPanel';

export class FocusedEnvironment extends Disposable implements FocusSource {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire()));
    this.register(StatefulPanel.onDidChangeFocus(() => this.emitter.fire()));
  }

  focusedEnvironmentId(): string | undefined {
    const view = StatefulPanel.focusedEnvironmentId();
    if (view) return view;
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri && environmentIdOf(uri);
  }
}
