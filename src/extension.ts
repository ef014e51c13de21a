/**
 * Activation: registrations only. The commands, the explorer's view, the documents' file systems
 * and the decorations are registered here with forwarders, and the rest of the extension
 * (dist/main.js, built from main.ts) is loaded the first time one of them is used. Activation
 * therefore costs about what an empty extension's does (`npm run bench` compares the two).
 * Nothing but activation/, identity/schemes.ts, environments/storageKeys.ts and util/disposable.ts
 * may be imported here (check:layers).
 */
import vscode = require('vscode');
import { ACCOUNT_VERSION_SCHEME, AUDIT_SCHEME, REMOTE_SCHEME, RESOURCE_SCHEME, RETRY_DATA_SCHEME } from './identity/schemes';
import {
  ForwardingContentProvider,
  ForwardingDecorations,
  ForwardingFileSystem,
  ForwardingTreeProvider,
  forwardingTool,
} from './activation/forwarders';
import { LazyMain } from './activation/lazyMain';
import { RESTORABLE_VIEW_TYPES } from './activation/viewTypes';
import { setHasEnvironmentsContext } from './environments/storageKeys';
import type { IntegratorIoApi } from './main';

export type { IntegratorIoApi } from './main';

export function activate(context: vscode.ExtensionContext): IntegratorIoApi {
  const started = performance.now();
  // The view is made below, before anything can load the rest (which reads it then).
  const lazy: LazyMain = new LazyMain(context, () => ({ treeView }));
  const tree = new ForwardingTreeProvider(lazy);
  const treeView = vscode.window.createTreeView('integratorIo.explorer', {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const files = new ForwardingFileSystem(lazy, 'a document', (main) => main.files);
  const retryData = new ForwardingFileSystem(lazy, 'retry data', (main) => main.retryData);
  const decorations = new ForwardingDecorations(lazy, new Set([RESOURCE_SCHEME, REMOTE_SCHEME, RETRY_DATA_SCHEME]));
  context.subscriptions.push(
    tree,
    treeView,
    files,
    retryData,
    decorations,
    vscode.workspace.registerFileSystemProvider(RESOURCE_SCHEME, files, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(
      REMOTE_SCHEME,
      new ForwardingContentProvider(lazy, 'a diff', (m) => m.remoteContent),
    ),
    vscode.workspace.registerTextDocumentContentProvider(
      AUDIT_SCHEME,
      new ForwardingContentProvider(lazy, 'an audit diff', (m) => m.auditText),
    ),
    vscode.workspace.registerTextDocumentContentProvider(
      ACCOUNT_VERSION_SCHEME,
      new ForwardingContentProvider(lazy, "an account's version", (m) => m.accountVersions),
    ),
    vscode.workspace.registerFileSystemProvider(RETRY_DATA_SCHEME, retryData),
    vscode.window.registerFileDecorationProvider(decorations),
    // Views open before a reload come back: each is rebuilt by the command that opened it.
    ...RESTORABLE_VIEW_TYPES.map((viewType) =>
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: (tab, state) => lazy.get('a view restored after a reload').restoreView(tab, state),
      }),
    ),
  );
  // Menus and the palette show most commands only once there is an environment.
  void setHasEnvironmentsContext(context.globalState);
  // Every contributed command (check:manifest keeps package.json and main's commands the same).
  for (const command of contributedNames(context.extension.packageJSON, 'commands', 'command')) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, (...args: unknown[]) => lazy.get(command).runCommand(command, args)),
    );
  }
  // Every contributed language model tool, for coding agents (check:manifest keeps package.json and AGENT_TOOLS the same).
  for (const name of contributedNames(context.extension.packageJSON, 'languageModelTools', 'name')) {
    context.subscriptions.push(vscode.lm.registerTool(name, forwardingTool(lazy, name)));
  }
  // Loading the rest starts the sandbox when the setting asks; after activation returns, which must stay cheap.
  setTimeout(() => {
    if (vscode.workspace.getConfiguration('integratorIo').get<boolean>('localSandbox.startAutomatically', false))
      lazy.get('the local sandbox, started automatically');
  }, 0);
  // A pulled folder in the workspace belongs in the Source Control view from the start.
  setTimeout(() => {
    void vscode.workspace.findFiles('**/.integrator-io/*.json', '**/node_modules/**', 1).then((found) => {
      if (found.length) lazy.get('a pulled integration folder in the workspace');
    });
  }, 0);
  // Read by `npm run bench` from the log, next to what loading the rest cost on first use.
  const activatedIn = performance.now() - started;
  lazy.whenLoaded((main) => main.api.log.info(`Activated in ${activatedIn.toFixed(1)} ms${loadedIn()}.`));
  return api(lazy);
}

/**
 * The extension's API (for the integration tests), loading the extension on first use. `then`
 * answers undefined without loading: VS Code awaits what activate() returns, and a promise-like
 * answer would load everything during activation.
 */
function api(lazy: LazyMain): IntegratorIoApi {
  // The target is never read: every property comes from the loaded API (the `get` below), so an
  // empty object stands in for it.
  return new Proxy({} as IntegratorIoApi, {
    get: (_target, key): unknown => (key === 'then' ? undefined : Reflect.get(lazy.get('the extension API').api, key)),
  });
}

/** The ids of the commands or tools package.json contributes (the manifest is JSON: read, not assumed). */
function contributedNames(manifest: unknown, point: 'commands' | 'languageModelTools', key: 'command' | 'name'): string[] {
  const entries = isObject(manifest) && isObject(manifest.contributes) ? manifest.contributes[point] : undefined;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown) => (isObject(entry) && typeof entry[key] === 'string' ? [entry[key]] : []));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

declare global {
  /** Set by the banner esbuild puts at the top of the bundle (esbuild.js), when it began to run. */
  var __integratorIoLoadStarted: number | undefined;
}

/** How long the bundle's top level took to run (the banner esbuild puts at its top marks the start). */
function loadedIn(): string {
  const loadStarted = globalThis.__integratorIoLoadStarted;
  return loadStarted === undefined ? '' : ` (code ran for ${(bundleEvaluated - loadStarted).toFixed(1)} ms before activation)`;
}
const bundleEvaluated = performance.now();

export function deactivate(): void {
  // Disposables registered on the context stop the sandbox and close connections.
}
