/**
 * The base of every webview. One shape for all of them:
 * - **One panel per key**, revealed when asked for again (`openOrReveal`). Keys read
 *   `<view>:<environment id>:<…>`, so the status bar can tell which environment a view shows.
 * - **State with one merge rule**: `update(change)` sets the keys it names and removes those it
 *   sets to `undefined`; the page receives only that change (`protocol/envelope.ts`).
 * - **A ready handshake**: nothing is sent before the page listens; then it gets the whole state.
 * - **Checked messages**: each view reads its page's actions with its own reader; anything else
 *   is dropped. A request gets one reply carrying the state change it caused.
 * - A strict Content-Security-Policy with a nonce; the page script is the view's bundle from
 *   `dist/webviews/` (TypeScript in `pages/`), its style from `media/webviews/`; colours from
 *   the theme; every value rendered as text.
 */
import { randomBytes } from 'crypto';
import vscode = require('vscode');
import { ResourceKind } from '../model/resourceKinds';
import { Disposable } from '../util/disposable';
import { ActionReader, applyPatch, HostToPage, mergePatches, patchOf, readPageMessage, StatePatch } from './protocol/envelope';
import { environmentOfKey } from '../identity';

export interface PanelOptions<State, Action> {
  key: string;
  viewType: string;
  title: string;
  /** The page: `dist/webviews/<page>.js` and `media/webviews/<page>.css`. */
  page: string;
  extensionUri: vscode.Uri;
  initial: State;
  readAction: ActionReader<Action>;
  /** How to open this view again after a reload (see `Reopen`); a view without it is not restored. */
  reopen?: Reopen;
  /**
   * For a view that follows the editor in front (a hook's result beside its script): opened
   * beside it, and opened or revealed without taking the focus, so that typing goes on there.
   */
  besideEditor?: boolean;
}

/**
 * What reopens a view after a window reload: the command that opened it, run again on the same
 * target. The page keeps it as its webview state (VS Code stores that with the tab), and the
 * serializer registered at activation hands it back; the command then rebuilds the view from the
 * account, in the tab VS Code restored. Only the commands in `REOPENING_COMMANDS` are run.
 */
export interface Reopen {
  command: string;
  /** The view's key, so the command's panel takes over the restored tab. */
  key: string;
  envId: string;
  kind?: ResourceKind;
  id: string;
  name?: string;
  /** For a step's errors: its flow. */
  flowId?: string;
}

/** A change to a state: the keys named are set, those set to `undefined` are removed. */
export type Change<State> = { [K in keyof State]?: State[K] | undefined };
/** Items to add to the end of a state's lists. */
export type AppendTo<State> = { [K in keyof State]?: State[K] extends (infer Item)[] ? Item[] : never };

type AnyPanel = StatefulPanel<object, unknown>;

export abstract class StatefulPanel<State extends object, Action> extends Disposable {
  private static readonly panels = new Map<string, AnyPanel>();
  private static readonly focusEmitter = new vscode.EventEmitter<void>();
  /** Fires when a view gains or loses focus, or closes. */
  static readonly onDidChangeFocus = StatefulPanel.focusEmitter.event;
  /**
   * Whether an environment is production, and its name (wired in extension.ts): a production
   * view's title says so, so it is unmistakable in its tab.
   */
  static environmentOf: (envId: string) => { name: string; production: boolean } | undefined = () => undefined;

  /** Closes every view and releases the shared focus event (the extension is deactivating). */
  static disposeAll(): void {
    for (const panel of [...StatefulPanel.panels.values()]) panel.dispose();
    StatefulPanel.focusEmitter.dispose();
  }

  /** The environment id of the focused view, if one of ours is focused. */
  static focusedEnvironmentId(): string | undefined {
    for (const panel of StatefulPanel.panels.values()) if (panel.panel.active) return environmentOfKey(panel.key);
    return undefined;
  }

  /**
   * The open view that `pick` accepts which is in front of the user; else the one of those shown
   * last (VS Code reports a new panel's focus a moment after creating it).
   */
  protected static focusedWhere<T>(pick: (panel: AnyPanel) => T | undefined): T | undefined {
    const candidates = [...StatefulPanel.panels.values()].filter((p) => pick(p) !== undefined);
    const chosen = candidates.find((p) => p.panel.active) ?? candidates.sort((a, b) => b.shownAt - a.shownAt)[0];
    return chosen && pick(chosen);
  }

  /** Tabs VS Code restored after a reload, by view key, waiting for their command to rebuild them. */
  private static readonly restoredTabs = new Map<string, vscode.WebviewPanel>();

  /**
   * Keeps a restored tab for the view with `key`, for the next panel made with that key; returns
   * a function that closes the tab if no panel took it (the command failed or opened another).
   */
  static holdRestoredTab(key: string, tab: vscode.WebviewPanel): () => void {
    StatefulPanel.restoredTabs.set(key, tab);
    return () => {
      if (StatefulPanel.restoredTabs.get(key) !== tab) return;
      StatefulPanel.restoredTabs.delete(key);
      tab.dispose();
    };
  }

  /** The open panel for a key, if any (not revealed). */
  static find(key: string): AnyPanel | undefined {
    return StatefulPanel.panels.get(key);
  }

  /**
   * The one reuse policy: the panel open for `key` is revealed; otherwise `create` makes one.
   * `pick` tells the view's own panels (`p instanceof MyPanel ? p : undefined`): a key names one
   * view, so the panel under it is always of that class.
   */
  protected static openOrReveal<T extends AnyPanel>(
    key: string,
    pick: (panel: AnyPanel) => T | undefined,
    create: () => T,
  ): { panel: T; created: boolean } {
    const open = StatefulPanel.panels.get(key);
    const existing = open && pick(open);
    if (existing) {
      existing.panel.reveal(undefined, existing.panelOptions.besideEditor === true);
      existing.shownAt = Date.now();
      return { panel: existing, created: false };
    }
    return { panel: create(), created: true };
  }

  readonly key: string;
  protected readonly panel: vscode.WebviewPanel;
  /** When it was opened or last revealed by a command. */
  private shownAt = Date.now();
  private state: State;
  private ready = false;
  /** Changes made while requests are answered: they travel in the reply, not on their own. */
  private replyPatch: StatePatch | undefined;
  private requestsInFlight = 0;
  private readonly stateEmitter = this.register(new vscode.EventEmitter<State>());
  /** Fires after every change of state (tests and benchmarks wait on it). */
  readonly onDidChangeState = this.stateEmitter.event;

  protected constructor(private readonly panelOptions: PanelOptions<State, Action>) {
    super();
    this.key = panelOptions.key;
    this.state = panelOptions.initial;
    const webviewOptions = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(panelOptions.extensionUri, 'media'),
        vscode.Uri.joinPath(panelOptions.extensionUri, 'dist', 'webviews'),
      ],
    };
    const restored = StatefulPanel.restoredTabs.get(this.key);
    StatefulPanel.restoredTabs.delete(this.key);
    if (restored) {
      // The tab VS Code brought back after a reload: this view takes it over where it stood.
      restored.webview.options = webviewOptions;
      restored.title = this.marked(panelOptions.title);
    }
    this.panel =
      restored ??
      vscode.window.createWebviewPanel(
        panelOptions.viewType,
        this.marked(panelOptions.title),
        panelOptions.besideEditor
          ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }
          : { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        // State (scroll, selection) survives while the tab is hidden.
        { ...webviewOptions, retainContextWhenHidden: true },
      );
    this.panel.iconPath = vscode.Uri.joinPath(panelOptions.extensionUri, 'media', 'integrator-io.svg');
    this.panel.webview.html = this.html();
    this.register(this.panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)));
    this.register(this.panel.onDidDispose(() => this.dispose()));
    this.register(this.panel.onDidChangeViewState(() => StatefulPanel.focusEmitter.fire()));
    StatefulPanel.panels.set(this.key, this);
  }

  /** The state the view shows. */
  get current(): State {
    return this.state;
  }

  get title(): string {
    return this.panel.title;
  }

  set title(value: string) {
    this.panel.title = this.marked(value);
  }

  /** The page's HTML, for tests that check what would be rendered. */
  get html_(): string {
    return this.panel.webview.html;
  }

  /** Changes the state and sends the page only what changed. */
  protected update(change: Change<State>, append?: AppendTo<State>): State {
    const patch = patchOf(withoutUnchanged(this.state, change));
    if (append) patch.append = listsOf(append);
    this.state = applyPatch(this.state, patch);
    if (this.requestsInFlight > 0) this.replyPatch = mergePatches(this.replyPatch, patch);
    else if (this.ready) this.send({ kind: 'patch', patch });
    this.stateEmitter.fire(this.state);
    return this.state;
  }

  /** Takes a change the page itself made (what the user typed): kept here, not sent back. */
  protected adopt(change: Change<State>): void {
    this.state = applyPatch(this.state, patchOf(change));
  }

  /** Does what the page asked. */
  protected abstract handle(action: Action): void | Promise<void>;

  /** Called once the page listens (after it has the state). */
  protected onReady(): void {}

  override dispose(): void {
    if (this.isDisposed) return;
    if (StatefulPanel.panels.get(this.key) === this) StatefulPanel.panels.delete(this.key);
    super.dispose();
    this.panel.dispose();
    StatefulPanel.focusEmitter.fire();
  }

  private async receive(raw: unknown): Promise<void> {
    const message = readPageMessage(raw, this.panelOptions.readAction);
    if (!message) return; // not one of this view's messages: ignored
    if (message.kind === 'ready') {
      this.ready = true;
      this.send({ kind: 'patch', patch: { set: fieldsOf(this.state) } });
      this.onReady();
      return;
    }
    if (message.kind === 'ping')
      return this.send({ kind: 'reply', id: message.id, ...(message.replyBytes ? { filler: 'x'.repeat(message.replyBytes) } : {}) });
    if (message.kind === 'action') return this.handle(message.action);
    const received = performance.now();
    this.requestsInFlight++;
    let error: string | undefined;
    try {
      await this.handle(message.action);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    } finally {
      this.requestsInFlight--;
    }
    const patch = this.replyPatch;
    this.replyPatch = undefined;
    const hostMs = Math.round((performance.now() - received) * 10) / 10;
    this.send({ kind: 'reply', id: message.id, ...(patch ? { patch } : {}), ...(error ? { error } : {}), hostMs });
  }

  private send(message: HostToPage): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(message);
  }

  /** A production environment's views carry a warning and the environment's name in their title. */
  private marked(title: string): string {
    const env = StatefulPanel.environmentOf(environmentOfKey(this.key) ?? '');
    return env?.production ? `⚠ PROD · ${title} (${env.name})` : title;
  }

  private html(): string {
    const nonce = randomBytes(16).toString('base64');
    const webview = this.panel.webview;
    const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.panelOptions.extensionUri, ...path)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('media', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${uri('media', 'webviews', 'common.css')}">
<link rel="stylesheet" href="${uri('media', 'webviews', `${this.panelOptions.page}.css`)}">
</head>
<body${this.panelOptions.reopen ? ` data-reopen="${Buffer.from(JSON.stringify(this.panelOptions.reopen)).toString('base64')}"` : ''}>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${uri('dist', 'webviews', `${this.panelOptions.page}.js`)}"></script>
</body>
</html>`;
  }
}

/** The change without the keys whose value the state already has: those need not travel. */
function withoutUnchanged<State extends object>(state: State, change: Change<State>): Record<string, unknown> {
  const current = fieldsOf(state);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    const same = value === undefined ? !(key in current) : JSON.stringify(current[key]) === JSON.stringify(value);
    if (!same) kept[key] = value;
  }
  return kept;
}

/** A state's (or a change's) fields by name, as the wire carries them. */
function fieldsOf(value: object): Record<string, unknown> {
  return { ...value };
}

/** The lists to append to, by state key (keys the caller left undefined add nothing). */
function listsOf(append: object): Record<string, unknown[]> {
  const lists: Record<string, unknown[]> = {};
  for (const [key, items] of Object.entries(fieldsOf(append))) if (Array.isArray(items)) lists[key] = items;
  return lists;
}
