/**
 * Wiring only: builds the services, registers the explorer, the status bar and the commands.
 * Activation makes no HTTP request; everything is fetched when a view asks for it.
 */
import * as vscode from 'vscode';
import { Job } from './api/types';
import { COMMANDS } from './commands';
import { ChosenStep, errorsViewAction } from './commands/errorCommands';
import { ChosenResource } from './commands/resourceTarget';
import { cancelJobById } from './commands/runCommands';
import { ResourceKind } from './model/resourceKinds';
import { ErrorsState } from './webviews/protocol/errors';
import { addEnvironment, AddEnvironmentArgs } from './commands/addEnvironment';
import { signIn } from './commands/environmentCommands';
import { EnvironmentInfo } from './environments/environment';
import { answerNext, takeUnusedAnswers } from './util/dialogs';
import { Services } from './commands/services';
import { startLocalSandboxCommand } from './commands/startLocalSandbox';
import { replaceDraft } from './commands/documentCommands';
import { ConflictNotifier } from './documents/conflicts';
import { RemoteContentProvider } from './documents/remoteContent';
import { ResourceFileSystem } from './documents/resourceFileSystem';
import { RetryDataFileSystem } from './documents/retryDataFileSystem';
import { AUDIT_SCHEME, REMOTE_SCHEME, RESOURCE_SCHEME, RETRY_DATA_SCHEME, resourceUri } from './documents/uris';
import { EnvironmentStore } from './environments/environmentStore';
import { FocusedEnvironment } from './commands/focusedEnvironment';
import { ProductionDecorations } from './documents/productionDecorations';
import { LocalSandbox } from './environments/localSandbox';
import { EnvironmentStatusBar } from './environments/statusBar';
import { ExplorerProvider } from './explorer/explorerProvider';
import { Logger } from './util/logger';
import { Notifier } from './util/notifier';
import { AuditTextProvider } from './webviews/auditPanel';
import { StatefulPanel } from './webviews/statefulPanel';

/**
 * What activate() returns: the live services, plus the shortcuts the integration tests need.
 * Contributed commands take no arguments that could skip a question (any command link could
 * pass them); what a test must do without a person goes through here instead.
 */
export interface IntegratorIoApi extends Services {
  /** Adds an environment without the questions; throws when the token or URL is refused. */
  addEnvironment(args: AddEnvironmentArgs): Promise<EnvironmentInfo | undefined>;
  /** Signs in to an environment with this token, as the Sign In command does after its prompt. */
  signIn(envId: string, token: string): Promise<boolean>;
  /** The button the next modal question is answered with (a modal cannot be clicked from here). */
  answerNextDialog(title: string): void;
  /** Queued answers no question used, cleared: a test asserts there are none left. */
  takeUnusedAnswers(): string[];
  /** What the status bar shows. */
  statusBar: EnvironmentStatusBar;
  /** A resource as a command target, as a tree row would give it (a link cannot build one). */
  resource(envId: string, kind: ResourceKind, id: string, name?: string): ChosenResource;
  /** A flow step as a command target (Show Errors). */
  step(envId: string, flowId: string, stepId: string, name?: string): ChosenStep;
  /** Cancels a job, as the job view's Cancel button does. */
  cancelJob(envId: string, jobId: string): Promise<Job | undefined>;
  /** Resolves, retries or loads more in an open errors view, as its buttons do. */
  errorsViewAction(step: ChosenStep, action: { resolve?: string[]; retry?: string[]; more?: boolean }): Promise<ErrorsState | undefined>;
}

export function activate(context: vscode.ExtensionContext): IntegratorIoApi {
  const started = performance.now();
  const log = new Logger();
  const notify = new Notifier(log);
  const sandbox = new LocalSandbox(context, log);
  const environments = new EnvironmentStore(context, sandbox, log);
  const explorer = new ExplorerProvider(environments, log, notify);
  const treeView = vscode.window.createTreeView('integratorIo.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  const conflicts = new ConflictNotifier();
  const files = new ResourceFileSystem(environments, log, conflicts, (env, ref, resource) =>
    resourceUri(env, ref.kind, ref.id, resource.name),
  );
  const retryData = new RetryDataFileSystem(environments, log);
  const services: Services = { context, log, notify, environments, sandbox, explorer, treeView, files, conflicts };

  StatefulPanel.environmentOf = (envId) => environments.get(envId);
  const focus = new FocusedEnvironment();
  const statusBar = new EnvironmentStatusBar(environments, focus);
  const decorations = new ProductionDecorations(environments);
  context.subscriptions.push(log, sandbox, environments, explorer, treeView, files, retryData, focus, statusBar, decorations);
  context.subscriptions.push({ dispose: () => StatefulPanel.disposeAll() });
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(RESOURCE_SCHEME, files, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, new RemoteContentProvider((uri) => files.remoteText(uri))),
    vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, new AuditTextProvider()),
    vscode.workspace.registerFileSystemProvider(RETRY_DATA_SCHEME, retryData),
    vscode.window.registerFileDecorationProvider(decorations),
    files.onDidSave((saved) => {
      explorer.resourceChanged(saved.env.id, saved.ref.kind, saved.resource, saved.createdUri !== undefined);
      if (saved.draftUri && saved.createdUri) void replaceDraft(saved.draftUri, saved.createdUri);
    }),
  );
  for (const command of COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(services, ...args)));
  }
  void environments.updateContextKeys();

  if (vscode.workspace.getConfiguration('integratorIo').get<boolean>('localSandbox.startAutomatically', false)) {
    // After activation returns: starting the sandbox is work, activation must stay cheap.
    setTimeout(() => void startLocalSandboxCommand.run(services), 0);
  }
  // Read by `npm run bench` from the log; also a quick answer to "is activation slow?".
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms.`);
  return {
    ...services,
    addEnvironment: (args) => addEnvironment(services, args, { interactive: false }),
    signIn: async (envId, token) => {
      const env = environments.get(envId);
      return env ? signIn(services, env, token) : false;
    },
    answerNextDialog: answerNext,
    takeUnusedAnswers,
    statusBar,
    resource: (envId, kind, id, name) => new ChosenResource(envId, kind, id, name),
    step: (envId, flowId, stepId, name) => new ChosenStep(envId, flowId, stepId, name),
    cancelJob: (envId, jobId) => cancelJobById(services, envId, jobId),
    errorsViewAction: (step, action) => errorsViewAction(services, step, action),
  };
}

export function deactivate(): void {
  // Disposables registered on the context stop the sandbox and close connections.
}
