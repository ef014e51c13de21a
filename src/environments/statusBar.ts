/**
 * The status bar says which environment the thing in front of the user belongs to: the focused
 * integrator.io view or document (focusedEnvironment.ts knows which belong to one). When nothing
 * of ours is in front it names no environment ("integrator.io"; the tooltip says where commands
 * start), so a production default never stands over sandbox work and the warning stays worth
 * reading. Production stands out; adding an environment never changes what it says about the
 * document in front of the user.
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
    const fallback = this.environments.active;
    if (!focused && !fallback) {
      this.item.text = '';
      this.item.hide();
      return;
    }
    if (focused) {
      this.item.text = `${iconOf(focused)} ${displayText(focused.name)}${focused.production ? ' — PRODUCTION' : ''}`;
      this.item.tooltip = `integrator.io: what is in front of you belongs to "${focused.name}" (${whereLabel(focused)}${focused.production ? ', production' : ''}).`;
      this.item.backgroundColor = focused.production ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    } else {
      // Nothing of integrator.io in front (the settings, a README): no environment is named, so
      // a production default never stands over sandbox work. The tooltip says where commands start.
      this.item.text = '$(plug) integrator.io';
      this.item.tooltip =
        `integrator.io: nothing in front of you belongs to an environment. New resources and commands start in ` +
        `"${fallback!.name}" (${whereLabel(fallback!)}${fallback!.production ? ', production' : ''}). Click to change.`;
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }
}

function iconOf(env: EnvironmentInfo): string {
  return env.kind === 'sandbox' ? '$(beaker)' : env.production ? '$(warning)' : '$(cloud)';
}
