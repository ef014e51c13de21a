/**
 * How a webview page and the extension talk, shared by both sides (no `vscode`, no DOM here).
 *
 * - The page says `ready` once it listens; the host then sends the whole state, and from then on
 *   only what changed (`patch`): nothing is sent that the page already holds.
 * - The page sends `action`s (fire and forget) or `request`s with an id, answered by one `reply`
 *   with the same id, which may carry the state change the request caused. A click that needs an
 *   answer therefore costs one round trip.
 * - Every message from a page is checked before use (`readPageMessage`): a page is a browser
 *   context showing account data, so its messages are input like any other.
 */

/** A change to a view's state: keys to set, and keys to remove (JSON cannot carry `undefined`). */
export interface StatePatch {
  set?: Record<string, unknown>;
  unset?: string[];
}

export type HostToPage = { kind: 'patch'; patch: StatePatch } | { kind: 'reply'; id: number; patch?: StatePatch; error?: string };

export type PageToHost<Action> = { kind: 'ready' } | { kind: 'action'; action: Action } | { kind: 'request'; id: number; action: Action };

/**
 * The one merge rule of every view: a patch's `set` keys replace the state's, `unset` keys are
 * removed; nothing else changes. Returns a new state.
 */
export function applyPatch<State extends object>(state: State, patch: StatePatch): State {
  const next: Record<string, unknown> = { ...state, ...patch.set };
  for (const key of patch.unset ?? []) delete next[key];
  return next as State;
}

/** The patch that turns a state into one with `change` applied: `undefined` values become removals. */
export function patchOf(change: Record<string, unknown>): StatePatch {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) unset.push(key);
    else set[key] = value;
  }
  return { ...(Object.keys(set).length ? { set } : {}), ...(unset.length ? { unset } : {}) };
}

/** Checks one action a page sent; returns it typed, or undefined when it is not one of the view's. */
export type ActionReader<Action> = (value: Record<string, unknown>) => Action | undefined;

/** Reads a message from a page: the envelope, then the action inside it with the view's reader. */
export function readPageMessage<Action>(value: unknown, readAction: ActionReader<Action>): PageToHost<Action> | undefined {
  if (!isRecord(value)) return undefined;
  if (value.kind === 'ready') return { kind: 'ready' };
  if (value.kind !== 'action' && value.kind !== 'request') return undefined;
  const action = isRecord(value.action) ? readAction(value.action) : undefined;
  if (!action) return undefined;
  if (value.kind === 'action') return { kind: 'action', action };
  return Number.isSafeInteger(value.id) ? { kind: 'request', id: value.id as number, action } : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field checks for action readers. */
export const field = {
  string(value: unknown, max = 10_000): value is string {
    return typeof value === 'string' && value.length <= max;
  },
  strings(value: unknown, max = 10_000): value is string[] {
    return Array.isArray(value) && value.length <= max && value.every((v) => typeof v === 'string' && v.length <= 1000);
  },
};
