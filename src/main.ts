/**
 * The extension past activation, bundled apart (dist/main.js) and loaded by activation/lazyMain.ts
 * the first time something needs it. Wiring only: builds the services, the explorer, the
 * documents' providers, the status bar and the commands, and hands back what activation's
 * forwarders call. Nothing here makes an HTTP request; everything is fetched when a view asks.
 */
import vscode = require('vscode');
import { COMMANDS } from './commands';
import { ChosenStep } from './commands/errorCommands';
import { ChosenResource } from './commands/resourceTarget';
import { ResourceKind } from './model/resourceKinds';
import { addEnvironment, AddEnvironmentArgs } from './commands/addEnvironment';
import { signIn } from './commands/environmentCommands';
import { EnvironmentInfo } from './environments/environment';
import { answerNext, lastQuestion, takeUnusedAnswers } from './util/dialogs';
import { Services } from './commands/services';
import { startLocalSandboxCommand } from './commands/startLocalSandbox';
import { ChosenDraft, NewResourceArgs, replaceDraft } from './commands/documentCommands';
import { ChosenSearch } from './commands/explorerCommands';
import { restoreView } from './commands/restoreViews';
import { ConflictNotifier } from './documents/conflicts';
import { RemoteContentProvider } from './documents/remoteContent';
import { ResourceFileSystem, SavedEvent } from './documents/resourceFileSystem';
import { RetryDataFileSystem } from './documents/retryDataFileSystem';
import { RESOURCE_SCHEME, resourceUri } from './identity';
import type { Surface } from './activation/surface';
import { EnvironmentStore } from './environments/environmentStore';
import { FocusedEnvironment } from './commands/focusedEnvironment';
import { ProductionDecorations } from './documents/productionDecorations';
import { LocalSandbox } from './environments/localSandbox';
import { EnvironmentStatusBar } from './environments/statusBar';
import { ExplorerProvider } from './explorer/explorerProvider';
import { ExplorerNode } from './explorer/explorerNode';
import { ExpansionMemory } from './explorer/expansionMemory';
import { RESOURCE_KINDS } from './model/resourceKinds';
import { RowDecorations } from './explorer/rowDecorations';
import { IdLinks } from './documents/idLinks';
import { HookCodeLens } from './documents/hookCodeLens';
import { TemplateCompletions } from './documents/templateCompletions';
import { TemplateHover } from './documents/templateHover';
import { TemplateProblems } from './documents/templateProblems';
import { TemplateSamples } from './documents/templateSamples';
import { stopTemplateWorker } from './handlebars/workerClient';
import { keepWorkerWarm } from './hooks/warmWorker';
import { AdaptorTypeCompletions } from './documents/adaptorTypeCompletions';
import { Logger } from './util/logger';
import { Notifier } from './util/notifier';
import { AuditTextProvider } from './webviews/auditText';
import { AccountVersions } from './sourceControl/accountVersions';
import { SourceControls } from './sourceControl/sourceControls';
import { FolderLinks } from './sourceControl/folderLinks';
import { StatefulPanel } from './webviews/statefulPanel';
import { languageModelTools } from './agentTools/vscodeTools';

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
  /** The last modal question, as the user read it (its text and buttons). */
  lastDialog(): { message: string; detail: string; buttons: string[] } | undefined;
  /** Queued answers no question used, cleared: a test asserts there are none left. */
  takeUnusedAnswers(): string[];
  /** What the status bar shows. */
  statusBar: EnvironmentStatusBar;
  /** The state an open view shows, by its key (`hook:<env id>:<script id>:<function>`, …). */
  viewState(key: string): object | undefined;
  /** A resource as a command target, as a tree row would give it (a link cannot build one). */
  resource(envId: string, kind: ResourceKind, id: string, name?: string): ChosenResource;
  /** A search for Find Resource that picks the first match without asking. */
  search(query: string): ChosenSearch;
  /** The answers to New Resource's questions, so it asks none. */
  draft(answers: Partial<NewResourceArgs>): ChosenDraft;
  /** A flow step as a command target (Show Errors). */
  step(envId: string, flowId: string, stepId: string, name?: string): ChosenStep;
  /** A language model tool as registered, for its confirmation (lm.invokeTool waits for a person to confirm one). */
  languageModelTool(name: string): vscode.LanguageModelTool<object> | undefined;
}

/** What activation's forwarders and the extension's API reach, once this part is loaded. */
export interface Main {
  explorer: ExplorerProvider;
  files: ResourceFileSystem;
  retryData: RetryDataFileSystem;
  remoteContent: RemoteContentProvider;
  auditText: AuditTextProvider;
  accountVersions: AccountVersions;
  decorations: ProductionDecorations;
  /** The language model tools by name, which activation registered with forwarders (agentTools/). */
  languageModelTools: ReadonlyMap<string, vscode.LanguageModelTool<object>>;
  api: IntegratorIoApi;
  /** Runs a contributed command with what VS Code passed it. */
  runCommand(id: string, args: unknown[]): unknown;
  /** Rebuilds a view VS Code restored after a reload, from the state its page kept. */
  restoreView(tab: vscode.WebviewPanel, state: unknown): Promise<void>;
}

/** Why and when activation asked for this part, for the log line that says what loading it cost. */
export interface LoadRequest {
  reason: string;
  /** performance.now() when activation began to load this bundle. */
  requestedAt: number;
}

export function start(context: vscode.ExtensionContext, surface: Surface<ExplorerNode>, request: LoadRequest): Main {
  const started = performance.now();
  const { services, parts } = makeServices(context, surface);
  const { environments, explorer, files, log } = services;
  void services.sourceControls.discover();
  registerLanguageFeatures(context, services);
  context.subscriptions.push({ dispose: () => StatefulPanel.disposeAll() });
  // Run Hook… is clicked again and again: after the first run, the next run's worker is started ahead.
  keepWorkerWarm(true);
  context.subscriptions.push({ dispose: () => keepWorkerWarm(false) });
  // Error counts and production marks on tree rows (rows exist only once this part is loaded).
  context.subscriptions.push(vscode.window.registerFileDecorationProvider(new RowDecorations()));
  context.subscriptions.push(files.onDidSave((saved) => afterSave(services, saved)));
  const commands = new Map(COMMANDS.map((command) => [command.id, command]));
  const tools = languageModelTools(environments, log);
  void environments.updateContextKeys();

  if (vscode.workspace.getConfiguration('integratorIo').get<boolean>('localSandbox.startAutomatically', false)) {
    // After loading returns: starting the sandbox is work of its own.
    setTimeout(() => void startLocalSandboxCommand.run(services), 0);
  }
  // Read by `npm run bench`; also a quick answer to "is the first use slow?".
  const now = performance.now();
  log.info(
    `Loaded for ${request.reason} in ${(now - request.requestedAt).toFixed(1)} ms` +
      ` (code ${(started - request.requestedAt).toFixed(1)} ms, wiring ${(now - started).toFixed(1)} ms).`,
  );
  return {
    explorer,
    files,
    retryData: parts.retryData,
    remoteContent: new RemoteContentProvider((uri) => files.remoteText(uri)),
    auditText: new AuditTextProvider(environments, log),
    accountVersions: parts.accountVersions,
    decorations: parts.decorations,
    languageModelTools: tools,
    api: testApi(services, tools),
    restoreView: (tab, state) => restoreView(services, tab, state),
    runCommand(id, args) {
      const command = commands.get(id);
      if (!command) throw new Error(`integrator.io has no command ${id}.`);
      return command.run(services, args[0], args[1]);
    },
  };
}

/** The extension's long-lived parts, made once and disposed with the extension. */
function makeServices(
  context: vscode.ExtensionContext,
  surface: Surface<ExplorerNode>,
): { services: Services; parts: { retryData: RetryDataFileSystem; accountVersions: AccountVersions; decorations: ProductionDecorations } } {
  const log = new Logger();
  const notify = new Notifier(log);
  const sandbox = new LocalSandbox(context, log);
  const environments = new EnvironmentStore(context, sandbox, log);
  const explorer = new ExplorerProvider(environments, log, notify);
  // The view's rows are this explorer's nodes: its provider forwards to `explorer` below.
  const treeView = surface.treeView;
  explorer.expansion = new ExpansionMemory(context.workspaceState, treeView);
  const conflicts = new ConflictNotifier();
  const files = new ResourceFileSystem(environments, log, conflicts, (env, ref, resource) =>
    resourceUri(env, ref.kind, ref.id, resource.name),
  );
  const retryData = new RetryDataFileSystem(environments, log);
  const accountVersions = new AccountVersions();
  const sourceControls = new SourceControls(context, environments, accountVersions, log);
  StatefulPanel.environmentOf = (envId) => environments.get(envId);
  const templates = new TemplateSamples(environments);
  const focus = new FocusedEnvironment(sourceControls);
  const statusBar = new EnvironmentStatusBar(environments, focus);
  const decorations = new ProductionDecorations(environments);
  context.subscriptions.push(
    log,
    sandbox,
    environments,
    explorer,
    explorer.expansion,
    files,
    retryData,
    focus,
    statusBar,
    decorations,
    accountVersions,
    sourceControls,
  );
  const services: Services = {
    context,
    log,
    notify,
    environments,
    sandbox,
    explorer,
    treeView,
    files,
    conflicts,
    sourceControls,
    statusBar,
    templates,
  };
  return { services, parts: { retryData, accountVersions, decorations } };
}

/** What the editor offers in resource documents and pulled folders: links, completion, lenses, templates. */
function registerLanguageFeatures(context: vscode.ExtensionContext, { environments, sourceControls, templates }: Services): void {
  const folderLinks = new FolderLinks(sourceControls);
  const idLinks = new IdLinks(environments);
  const pulledJson: vscode.DocumentSelector = { language: 'json', scheme: 'file' };
  const hookLens = new HookCodeLens();
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(pulledJson, folderLinks),
    // In resource documents: ids of other resources show their names and open on Ctrl+click.
    vscode.languages.registerHoverProvider({ scheme: RESOURCE_SCHEME }, idLinks),
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: RESOURCE_SCHEME, language: 'javascript' },
        // Scripts of pulled folders (the lens checks that the folder is one).
        { scheme: 'file', language: 'javascript', pattern: '**/scripts/*.js' },
      ],
      hookLens,
    ),
    hookLens,
    vscode.languages.registerDefinitionProvider({ scheme: RESOURCE_SCHEME }, idLinks),
    vscode.languages.registerCompletionItemProvider({ scheme: RESOURCE_SCHEME }, new AdaptorTypeCompletions(environments), '"'),
    vscode.languages.registerCompletionItemProvider(pulledJson, folderLinks, '"', '/'),
    // Handlebars templates in export and import documents: their output, their problems, completion in {{ }}.
    vscode.languages.registerHoverProvider({ scheme: RESOURCE_SCHEME, language: 'json' }, new TemplateHover(templates)),
    vscode.languages.registerCompletionItemProvider(
      { scheme: RESOURCE_SCHEME, language: 'json' },
      new TemplateCompletions(templates),
      '{',
      '.',
      ' ',
      '(',
    ),
    new TemplateProblems(templates),
    { dispose: () => void stopTemplateWorker() },
  );
}

/** After a save: the tree shows the saved resource, the status bar says so, a draft's tab becomes the new resource's. */
function afterSave({ explorer, statusBar }: Services, saved: SavedEvent): void {
  explorer.resourceChanged(saved.env.id, saved.ref.kind, saved.resource, saved.createdUri !== undefined);
  // A brief word in the status bar, not a notification: saving is what the user meant to do.
  const what = `${RESOURCE_KINDS[saved.ref.kind].singular} "${saved.resource.name ?? saved.resource._id}"`;
  statusBar.flash(`${saved.createdUri ? 'Created' : 'Saved'} ${what} in ${saved.env.name}`, 'check');
  if (saved.draftUri && saved.createdUri) void replaceDraft(saved.draftUri, saved.createdUri);
}

/** The extension's API for tests and scripts: targets as class instances, which a command link cannot pass. */
function testApi(services: Services, tools: ReadonlyMap<string, vscode.LanguageModelTool<object>>): IntegratorIoApi {
  const { environments, statusBar } = services;
  return {
    ...services,
    addEnvironment: (args) => addEnvironment(services, args, { interactive: false }),
    signIn: async (envId, token) => {
      const env = environments.get(envId);
      return env ? signIn(services, env, token) : false;
    },
    answerNextDialog: answerNext,
    viewState: (key) => StatefulPanel.find(key)?.current,
    lastDialog: lastQuestion,
    takeUnusedAnswers,
    statusBar,
    resource: (envId, kind, id, name) => new ChosenResource(envId, kind, id, name),
    step: (envId, flowId, stepId, name) => new ChosenStep(envId, flowId, stepId, name),
    search: (query) => new ChosenSearch(query),
    draft: (answers) => new ChosenDraft(answers),
    languageModelTool: (name) => tools.get(name),
  };
}
