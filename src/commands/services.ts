/** What commands work with; built once in extension.ts. */
import * as vscode from 'vscode';
import { ConflictNotifier } from '../documents/conflicts';
import { ResourceFileSystem } from '../documents/resourceFileSystem';
import { EnvironmentStore } from '../environments/environmentStore';
import { LocalSandbox } from '../environments/localSandbox';
import { ExplorerNode } from '../explorer/explorerNode';
import { ExplorerProvider } from '../explorer/explorerProvider';
import { Logger } from '../util/logger';
import { Notifier } from '../util/notifier';

export interface Services {
  context: vscode.ExtensionContext;
  log: Logger;
  /** Notifications for the user (also logged, and kept for scripts and tests). */
  notify: Notifier;
  environments: EnvironmentStore;
  sandbox: LocalSandbox;
  explorer: ExplorerProvider;
  treeView: vscode.TreeView<ExplorerNode>;
  files: ResourceFileSystem;
  conflicts: ConflictNotifier;
}

/** A command: its id (as contributed in package.json) and what it does. */
export interface CommandDefinition {
  id: string;
  run(services: Services, ...args: unknown[]): unknown;
}
