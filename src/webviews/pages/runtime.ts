/**
 * What every page shares: building elements as text (names and values come from an account and
 * must show as text, never run), codicons, status badges, and the connection to the extension
 * (`connect`), which keeps the page's copy of the view state and applies the host's patches with
 * the same rule the host uses.
 */
import { applyPatch, PageToHost, readHostMessage, StatePatch } from '../protocol/envelope';

export { formatDuration as duration, formatTime } from '../../model/format';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

declare global {
  /** What benchmarks read from a page's window (set by `connect`). */
  interface Window {
    /** Where the last request's time went: sent, replied, rendered, and the host's share. */
    integratorIoLastRequest?: { sentAt: number; repliedAt: number; renderedAt: number; hostMs: number };
    /** An empty round trip to the host and back, with `replyBytes` of filler back and `sendBytes` sent. */
    integratorIoPing?: (replyBytes?: number, sendBytes?: number) => Promise<number>;
  }
}

type Child = Node | string | number | false | null | undefined;
type Props = Record<string, unknown> & { dataset?: Record<string, string> };

/** `el('td', { className: 'number' }, 'text' | element | [children])`: every string becomes a text node. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: Child | Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && isListener(value)) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key.startsWith('aria') || key === 'role') node.setAttribute(ariaAttribute(key), String(value));
    // A plain DOM property (className, value, disabled…) by name: el()'s attributes are typed by the caller.
    else Reflect.set(node, key, value);
  }
  appendChildren(node, children);
  return node;
}

function isListener(value: unknown): value is EventListener {
  return typeof value === 'function';
}

function appendChildren(node: Node & ParentNode, children: Child | Child[]): void {
  for (const child of [children].flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A part of a page: rebuilt when one of `deps` is not the very value (===) it was at the last draw. */
export interface Part {
  name: string;
  deps: readonly unknown[];
  build: () => Child | Child[];
}

/**
 * A page drawn in parts, each rebuilt only when what it shows changed. For views with big parts
 * (a hundred records, long JSON) beside small ones (a status): redrawing everything for a new
 * status would lay the big parts out again (long enough to delay the next message) and close
 * what the user had opened in them. State keys the host did not change keep their values, so
 * `deps` are the state's own fields. Each part is a `display: contents` box: layout is unchanged.
 */
export class Parts {
  private readonly drawn = new Map<string, { deps: readonly unknown[]; node: HTMLElement }>();

  constructor(private readonly root: HTMLElement) {}

  draw(parts: readonly Part[]): void {
    const nodes = parts.map(({ name, deps, build }) => {
      const last = this.drawn.get(name);
      if (last && last.deps.length === deps.length && last.deps.every((d, i) => d === deps[i])) return last.node;
      const node = last?.node ?? el('div', { className: 'part' });
      node.replaceChildren();
      appendChildren(node, build());
      this.drawn.set(name, { deps, node });
      return node;
    });
    // Moving nodes would lay them out again: the root changes only when the parts do.
    const same = nodes.length === this.root.children.length && nodes.every((n, i) => this.root.children[i] === n);
    if (!same) this.root.replaceChildren(...nodes);
  }
}

/** `ariaExpanded` → `aria-expanded`. */
function ariaAttribute(key: string): string {
  return key === 'role' ? key : `aria-${key.slice(4).toLowerCase()}`;
}

/** A codicon: `icon('check')`, `icon('loading', 'spin')`. */
export function icon(name: string, modifier?: string): HTMLSpanElement {
  return el('span', { className: `codicon codicon-${name}${modifier ? ` codicon-modifier-${modifier}` : ''}`, ariaHidden: 'true' });
}

/** A page's heading: its title, and the line under it saying what the page shows. */
export function heading(title: string, subtitle: string): HTMLElement[] {
  return [el('h1', {}, title), el('div', { className: 'subtitle' }, subtitle)];
}

const STATUS_ICONS: Record<string, string> = {
  completed: 'pass',
  failed: 'error',
  canceled: 'circle-slash',
  canceling: 'circle-slash',
  queued: 'clock',
  running: 'loading',
  retrying: 'loading',
};

/**
 * A job status with its icon. A run that completed with errors says so, as integrator.io's own
 * dashboard does ("Completed with errors"), never a green "completed".
 */
export function statusBadge(status: string, numError = 0): HTMLSpanElement {
  if (status === 'completed' && numError > 0)
    return el('span', { className: 'badge status-completed-with-errors' }, [icon('warning'), ' completed with errors']);
  const name = STATUS_ICONS[status] ?? 'circle';
  return el('span', { className: `badge status-${status}` }, [icon(name, name === 'loading' ? 'spin' : undefined), ` ${status}`]);
}

/** How a page talks back: an action, or a request whose promise settles when the host has answered. */
export interface Host<Action> {
  send(action: Action): void;
  request(action: Action): Promise<void>;
  /** Applies a change locally and renders (for what the page shows before the host answers). */
  local(change: StatePatch): void;
}

/**
 * Connects a page: renders each state the host sends, and says `ready` once it listens. `render`
 * draws the whole view from the state (views are small; a full redraw keeps them simple).
 */
export function connect<State extends object, Action>(render: (state: State, host: Host<Action>) => void): void {
  const vscode = acquireVsCodeApi();
  // What reopens this view after a reload (statefulPanel.ts): VS Code keeps it with the tab.
  if (document.body.dataset.reopen) vscode.setState({ reopen: document.body.dataset.reopen });
  let state: State | undefined;
  let nextId = 1;
  const lastRequest = { sentAt: 0, repliedAt: 0, renderedAt: 0, hostMs: 0 };
  const pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  const post = (message: PageToHost<Action>) => vscode.postMessage(message);
  const draw = () => state && render(state, host);
  const host: Host<Action> = {
    send: (action) => post({ kind: 'action', action }),
    request: (action) =>
      new Promise<void>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        lastRequest.sentAt = performance.now();
        post({ kind: 'request', id, action });
      }),
    local: (change) => {
      if (!state) return;
      state = applyPatch(state, change);
      draw();
    },
  };
  // Where the last request's time went (sent, replied, rendered), for benchmarks.
  window.integratorIoLastRequest = lastRequest;
  // An empty round trip to the host and back, for benchmarks: the floor every view's click pays.
  window.integratorIoPing = (replyBytes = 0, sendBytes = 0) => {
    const started = performance.now();
    return new Promise<number>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: () => resolve(performance.now() - started), reject });
      post({ kind: 'ping', id, replyBytes, ...(sendBytes ? { filler: 'x'.repeat(sendBytes) } : {}) });
    });
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = readHostMessage(event.data);
    if (!message) return;
    if (message.kind === 'reply') Object.assign(lastRequest, { repliedAt: performance.now(), hostMs: message.hostMs ?? 0 });
    if (message.patch) {
      // The host's first patch (its answer to `ready`) sets the whole state, so the page holds a
      // State from then on; the host's messages are trusted, as the page is its own.
      state = applyPatch(state ?? ({} as State), message.patch);
      draw();
    }
    if (message.kind === 'reply') lastRequest.renderedAt = performance.now();
    if (message.kind === 'reply') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve();
    }
  });
  post({ kind: 'ready' });
}
