/**
 * Which environment the thing in front of the user belongs to, so the status bar can say it:
 * the focused integrator.io view; else the active editor's document, by what it is: a resource
 * document, a server version or retry data (their URI names the environment), an audit diff
 * side, the account's side of a pulled folder's diff, a pulled folder's file (the environment
 * its Source Control view compares it with), or a Debug Hook… copy (the environment its run
 * calls). Anything else belongs to no environment, and the status bar says none.
 */
import { Disposable } from '../util/disposable';
import vscode = require('vscode');
import { environmentIdOf, parseAccountVersionUri, parseAuditDiffUri } from '../identity';
import { FocusSource } from '../environments/statusBar';
import { SourceControls } from '../sourceControl/sourceControls';
import { StatefulPanel } from '../webviews/statefulPanel';

/** Debug Hook… copies in front of the user, by file path: the environment of their run. */
const debugCopies = new Map<string, string>();
const debugCopiesChanged = new vscode.EventEmitter<void>();

/** Tells the status bar which environment a Debug Hook… copy belongs to, until `forget` is called. */
export function rememberDebugCopy(file: vscode.Uri, envId: string | undefined): { forget(): void } {
  if (envId) debugCopies.set(file.fsPath, envId);
  debugCopiesChanged.fire();
  return {
    forget: () => {
      debugCopies.delete(file.fsPath);
      debugCopiesChanged.fire();
    },
  };
}

export class FocusedEnvironment extends Disposable implements FocusSource {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;

  constructor(private readonly sourceControls: SourceControls) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire()));
    this.register(StatefulPanel.onDidChangeFocus(() => this.emitter.fire()));
    // A pull makes a folder a pulled one: its files then belong to the environment it is compared with.
    this.register(sourceControls.onDidChange(() => this.emitter.fire()));
    this.register(debugCopiesChanged.event(() => this.emitter.fire()));
  }

  focusedEnvironmentId(): string | undefined {
    const view = StatefulPanel.focusedEnvironmentId();
    if (view) return view;
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri && this.environmentOf(uri);
  }

  private environmentOf(uri: vscode.Uri): string | undefined {
    const ours = environmentIdOf(uri) ?? parseAuditDiffUri(uri)?.envId ?? parseAccountVersionUri(uri)?.envId;
    if (ours) return ours;
    if (uri.scheme !== 'file') return undefined;
    return debugCopies.get(uri.fsPath) ?? this.sourceControls.containing(uri)?.env.id;
  }
}
