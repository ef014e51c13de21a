/**
 * Wiring only: builds the services, registers the explorer, the status bar and the commands.
 * Activation makes no HTTP request; everything is fetched when a view asks for it.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import { Services } from './commands/services';
import { startLocalSandboxCommand } from './commands/startLocalSandbox';
import { EnvironmentStore } from './environments/environmentStore';
import { LocalSandbox } from './environments/localSandbox';
import { EnvironmentStatusBar } from './environments/statusBar';
import { ExplorerProvider } from './explorer/explorerProvider';
import { Logger } from './util/logger';

/** What activate() returns: the live services, for integration tests and other extensions. */
export type IntegratorIoApi = Services;

export function activate(context: vscode.ExtensionContext): IntegratorIoApi {
  const log = new Logger();
  const sandbox = new LocalSandbox(context, log);
  const environments = new EnvironmentStore(context, sandbox, log);
  const explorer = new ExplorerProvider(environments, log);
  const treeView = vscode.window.createTreeView('integratorIo.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  const services: Services = { context, log, environments, sandbox, explorer, treeView };

  context.subscriptions.push(log, sandbox, environments, explorer, treeView, new EnvironmentStatusBar(environments));
  for (const command of COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(services, ...args)));
  }
  void environments.updateContextKeys();

  if (vscode.workspace.getConfiguration('integratorIo').get<boolean>('localSandbox.startAutomatically', false)) {
    // After activation returns: starting the sandbox is work, activation must stay cheap.
    setTimeout(() => void startLocalSandboxCommand.run(services), 0);
  }
  return services;
}

export function deactivate(): void {
  // Disposables registered on the context stop the sandbox and close connections.
}
