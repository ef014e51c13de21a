/** Shows the active environment in the status bar; production stands out, so nobody runs against it by accident. */
import * as vscode from 'vscode';
import { whereLabel } from './environment';
import { EnvironmentStore } from './environmentStore';

export class EnvironmentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('integratorIo.environment', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly environments: EnvironmentStore) {
    this.item.name = 'integrator.io environment';
    this.item.command = 'integratorIo.selectEnvironment';
    this.subscription = environments.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const env = this.environments.active;
    if (!env) {
      this.item.hide();
      return;
    }
    const icon = env.kind === 'sandbox' ? '$(beaker)' : env.production ? '$(warning)' : '$(cloud)';
    this.item.text = `${icon} ${env.name}${env.production ? ' (production)' : ''}`;
    this.item.tooltip = `integrator.io: ${env.name} (${whereLabel(env)}). Click to switch environment.`;
    this.item.backgroundColor = env.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
