/** What commands work with; built once in extension.ts. */
import vscode = require('vscode');
import { TemplateSamples } from '../documents/templateSamples';
import { ConflictNotifier } from '../documents/conflicts';
import { ResourceFileSystem } from '../documents/resourceFileSystem';
import { EnvironmentStore } from '../environments/environmentStore';
import { LocalSandbox } from '../environments/localSandbox';
import { ExplorerNode } from '../explorer/explorerNode';
import { ExplorerProvider } from '../explorer/explorerProvider';
import { Logger } from '../util/logger';
import { Notifier } from '../util/notifier';
import { SourceControls } from '../sourceControl/sourceControls';
import { EnvironmentStatusBar } from '../environments/statusBar';

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
  /** Pulled folders in the Source Control view (integration as code). */
  sourceControls: SourceControls;
  /** The environment in the status bar, and brief messages beside it. */
  statusBar: EnvironmentStatusBar;
  /** What resource documents' Handlebars templates render with (their samples). */
  templates: TemplateSamples;
}

/**
 * A command, as defineCommand (command.ts) makes it: its id (as contributed in package.json) and
 * what it does with what VS Code passed (a tree row, an editor's URI, or nothing) and, from the
 * extension's API only, options.
 */
export interface CommandDefinition {
  id: string;
  run(services: Services, arg?: unknown, options?: unknown): Promise<unknown>;
}
