/**
 * The status bar says which environment the thing in front of the user belongs to: the focused
 * resource document, or the focused integrator.io view. Only when neither is in front does it
 * show the default environment (where New Resource and the palette's commands start), and says
 * so. Production stands out, so nobody saves or runs against it by accident; adding an
 * environment never changes what it says about the document in front of the user.
 */
import { Disposable } from '../util/disposable';
import vscode = require('vscode');
import { displayText } from '../util/displayText';
import { EnvironmentInfo, whereLabel } from './environment';
import { EnvironmentStore } from './environmentStore';

/** Where the focused thing's environment comes from (documents and views; wired in extension.ts). */
export interface FocusSource {
  readonly onDidChange: vscode.Event<void>;
  /** The environment id of the focused integrator.io document or view, if one is focused. */
  focusedEnvironmentId(): string | undefined;
}

const FLASH_MS = 5000;

export class EnvironmentStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('integratorIo.environment', vscode.StatusBarAlignment.Left, 50));

  constructor(
    private readonly environments: EnvironmentStore,
    private readonly focus: FocusSource,
  ) {
    super();
    this.item.name = 'integrator.io environment';
    this.item.command = 'integratorIo.selectEnvironment';
    this.register(environments.onDidChange(() => this.update()));
    this.register(focus.onDidChange(() => this.update()));
    this.update();
  }

  /** What the item shows now (for tests: the text a user reads). */
  get shown(): { text: string; tooltip: string; production: boolean } | undefined {
    if (!this.item.text) return undefined;
    return {
      text: this.item.text,
      tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '',
      production: this.item.backgroundColor !== undefined,
    };
  }

  /** The last brief message (tests read what the user saw). */
  lastFlash: string | undefined;

  /**
   * A brief, unobtrusive word in the status bar (a save went through, a save was not made):
   * gone after a few seconds, and never a notification to dismiss.
   */
  flash(message: string, icon: 'check' | 'circle-slash'): void {
    this.lastFlash = displayText(message);
    vscode.window.setStatusBarMessage(`$(${icon}) ${this.lastFlash}`, FLASH_MS);
  }

  update(): void {
    const focusedId = this.focus.focusedEnvironmentId();
    const focused = focusedId ? this.environments.get(focusedId) : undefined;
    const env = focused ?? this.environments.active;
    if (!env) {
      this.item.text = '';
      this.item.hide();
      return;
    }
    this.item.text = `${iconOf(env)} ${displayText(env.name)}${env.production ? ' — PRODUCTION' : ''}`;
    this.item.tooltip = focused
      ? `integrator.io: what is in front of you belongs to "${env.name}" (${whereLabel(env)}${env.production ? ', production' : ''}).`
      : `integrator.io: default environment "${env.name}" (${whereLabel(env)}), where new resources and commands start. Click to change.`;
    this.item.backgroundColor = env.production ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }
}

function iconOf(env: EnvironmentInfo): string {
  return env.kind === 'sandbox' ? '$(beaker)' : env.production ? '$(warning)' : '$(cloud)';
}
