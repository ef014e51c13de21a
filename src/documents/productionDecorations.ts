/**
 * Marks every document of a production environment where the user looks first: its tab and
 * the explorer rows that show it get a warning colour and a badge, with a tooltip that names
 * the environment (and sets the context key that makes Ctrl+S ask first). Text documents cannot change their tab's title, but file decorations reach
 * the tab whatever its width.
 */
import { Disposable } from '../util/disposable';
import vscode = require('vscode');
import { EnvironmentStore } from '../environments/environmentStore';
import { environmentIdOf, isResourceDocument } from '../identity';
import { setContextKey } from '../util/contextKeys';

export class ProductionDecorations extends Disposable implements vscode.FileDecorationProvider {
  private readonly emitter = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeFileDecorations = this.emitter.event;

  constructor(private readonly environments: EnvironmentStore) {
    super();
    // A production flag that changes, or an environment added or removed, re-decorates everything.
    this.register(environments.onDidChange(() => this.emitter.fire(undefined)));
    // Ctrl+S in a production document asks before saving (package.json's keybinding reads this).
    this.register(environments.onDidChange(() => this.updateFocusedContext()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.updateFocusedContext()));
    this.updateFocusedContext();
  }

  private updateFocusedContext(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const production = !!uri && isResourceDocument(uri) && !!this.environments.get(environmentIdOf(uri) ?? '')?.production;
    void setContextKey('productionDocumentFocused', production);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    // Resource documents, their server copies and retry data: the documents whose URI names their environment.
    const env = this.environments.get(environmentIdOf(uri) ?? '');
    if (!env?.production) return undefined;
    return new vscode.FileDecoration('P', `Production environment "${env.name}"`, new vscode.ThemeColor('list.errorForeground'));
  }
}
