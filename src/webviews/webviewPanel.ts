/**
 * The base of every webview: one panel per key (a resource and an action), reused when asked
 * again; a strict Content-Security-Policy with a nonce; scripts and styles only from
 * media/webviews/; colours from the theme's CSS variables; and typed messages that wait for the
 * page's "ready" before anything is sent. The page renders every value with textContent, so
 * names and values from the API show as text and never run. Icons are codicons.
 *
 * Keys read `<view>:<environment id>:<…>`, so the status bar can tell which environment the
 * focused view belongs to.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Messages every page sends. */
export type BaseMessageFromPage = { type: 'ready' };

export abstract class WebviewPanel<ToPage extends { type: string }, FromPage extends { type: string }> implements vscode.Disposable {
  private static readonly panels = new Map<string, WebviewPanel<{ type: string }, { type: string }>>();
  private static readonly focusEmitter = new vscode.EventEmitter<void>();
  /** Fires when a view gains or loses focus, or closes. */
  static readonly onDidChangeFocus = WebviewPanel.focusEmitter.event;

  /**
   * Whether an environment is production, and its name (wired in extension.ts): a production
   * view's title says so, so it is unmistakable in its tab.
   */
  static environmentOf: (envId: string) => { name: string; production: boolean } | undefined = () => undefined;

  /** The environment id of the focused view, if one of ours is focused. */
  static focusedEnvironmentId(): string | undefined {
    for (const panel of WebviewPanel.panels.values()) if (panel.panel.active) return panel.key.split(':')[1];
    return undefined;
  }
  protected readonly panel: vscode.WebviewPanel;
  private ready = false;
  private readonly queue: ToPage[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  /** The panel already open for this key, if any (revealed). */
  static reveal<T extends WebviewPanel<{ type: string }, { type: string }>>(key: string): T | undefined {
    const existing = WebviewPanel.panels.get(key) as T | undefined;
    existing?.panel.reveal(undefined, false);
    return existing;
  }

  constructor(
    readonly key: string,
    viewType: string,
    title: string,
    private readonly extensionUri: vscode.Uri,
    /** The page's script and style, in media/webviews/. */
    private readonly assets: { script: string; style: string },
  ) {
    this.panel = vscode.window.createWebviewPanel(
      viewType,
      this.marked(title),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: true,
        // State (scroll, selection) survives while the tab is hidden.
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      },
    );
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'integrator-io.svg');
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: FromPage | BaseMessageFromPage) => {
        if (message.type === 'ready') {
          this.ready = true;
          for (const queued of this.queue.splice(0)) void this.panel.webview.postMessage(queued);
          this.onReady();
          return;
        }
        void this.onMessage(message as FromPage);
      }),
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.onDidChangeViewState(() => WebviewPanel.focusEmitter.fire()),
    );
    WebviewPanel.panels.set(key, this);
  }

  /** Sends a message now, or once the page says it is ready. */
  post(message: ToPage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  get title(): string {
    return this.panel.title;
  }

  set title(value: string) {
    this.panel.title = this.marked(value);
  }

  /** A production environment's views carry a warning and the environment's name in their title. */
  private marked(title: string): string {
    const env = WebviewPanel.environmentOf(this.key.split(':')[1] ?? '');
    return env?.production ? `⚠ PROD · ${title} (${env.name})` : title;
  }

  /** The page's HTML, for tests that check what would be rendered. */
  get html_(): string {
    return this.panel.webview.html;
  }

  protected onReady(): void {}

  protected abstract onMessage(message: FromPage): void | Promise<void>;

  dispose(): void {
    if (WebviewPanel.panels.get(this.key) === (this as unknown)) WebviewPanel.panels.delete(this.key);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    WebviewPanel.focusEmitter.fire();
  }

  private html(): string {
    const nonce = randomBytes(16).toString('base64');
    const webview = this.panel.webview;
    const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'webviews', file)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'codicons', 'codicon.css')).toString()}">
<link rel="stylesheet" href="${asset('common.css')}">
<link rel="stylesheet" href="${asset(this.assets.style)}">
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${asset('common.js')}"></script>
<script nonce="${nonce}" src="${asset(this.assets.script)}"></script>
</body>
</html>`;
  }
}
