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
import { isJsonObject } from '../../api/types';

/**
 * A change to a view's state: keys to set, keys to remove (JSON cannot carry `undefined`), and
 * items to add to the end of list keys (a next page sends only its own records).
 */
export interface StatePatch {
  set?: Record<string, unknown>;
  unset?: string[];
  append?: Record<string, unknown[]>;
}

export type HostToPage =
  | { kind: 'patch'; patch: StatePatch }
  /** `hostMs`: how long the host took to answer, so a page can tell its wait from the transport's. */
  | { kind: 'reply'; id: number; patch?: StatePatch; error?: string; hostMs?: number; filler?: string };

export type PageToHost<Action> =
  | { kind: 'ready' }
  | { kind: 'action'; action: Action }
  | { kind: 'request'; id: number; action: Action }
  /**
   * A round trip with no work, answered at once (with `replyBytes` of filler, up to 1 MB): the
   * floor a benchmark measures the views against, empty or as large as a view's answer.
   */
  | { kind: 'ping'; id: number; replyBytes?: number; filler?: string };

/**
 * The one merge rule of every view: a patch's `set` keys replace the state's, `unset` keys are
 * removed, `append` items go on the end of their lists; nothing else changes. Returns a new state.
 */
export function applyPatch<State extends object>(state: State, patch: StatePatch): State {
  // Typed as a State: the keys a patch names are the state's own (patchOf and mergePatches build
  // patches from changes to a State), and the host sends the page only such patches.
  const next = { ...state, ...patch.set };
  const keys: Record<string, unknown> = next;
  for (const key of patch.unset ?? []) delete keys[key];
  for (const [key, items] of Object.entries(patch.append ?? {})) keys[key] = [...listOf(keys[key]), ...items];
  return next;
}

/** A list key's items, or none when the key holds no list (yet). */
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
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

/** Two patches as one, with the effect of applying the first, then the second. */
export function mergePatches(first: StatePatch | undefined, second: StatePatch): StatePatch {
  if (!first) return second;
  // Replay both patches' steps (set, unset, append each) onto one patch whose keys are disjoint.
  const set: Record<string, unknown> = {};
  const unset = new Set<string>();
  const append: Record<string, unknown[]> = {};
  for (const patch of [first, second]) {
    for (const [key, value] of Object.entries(patch.set ?? {})) {
      set[key] = value;
      unset.delete(key);
      delete append[key];
    }
    for (const key of patch.unset ?? []) {
      delete set[key];
      delete append[key];
      unset.add(key);
    }
    for (const [key, items] of Object.entries(patch.append ?? {})) {
      if (key in set) set[key] = [...listOf(set[key]), ...items];
      else if (unset.has(key)) {
        // Removed, then appended to: the list is exactly these items.
        set[key] = [...items];
        unset.delete(key);
      } else append[key] = [...(append[key] ?? []), ...items];
    }
  }
  return {
    ...(Object.keys(set).length ? { set } : {}),
    ...(unset.size ? { unset: [...unset] } : {}),
    ...(Object.keys(append).length ? { append } : {}),
  };
}

/** Checks one action a page sent; returns it typed, or undefined when it is not one of the view's. */
export type ActionReader<Action> = (value: Record<string, unknown>) => Action | undefined;

/** Reads a message from a page: the envelope, then the action inside it with the view's reader. */
export function readPageMessage<Action>(value: unknown, readAction: ActionReader<Action>): PageToHost<Action> | undefined {
  if (!isJsonObject(value)) return undefined;
  if (value.kind === 'ready') return { kind: 'ready' };
  if (value.kind === 'ping') {
    if (!isSafeInteger(value.id)) return undefined;
    const replyBytes = isSafeInteger(value.replyBytes) ? Math.min(Math.max(value.replyBytes, 0), 1 << 20) : 0;
    return { kind: 'ping', id: value.id, ...(replyBytes ? { replyBytes } : {}) };
  }
  if (value.kind !== 'action' && value.kind !== 'request') return undefined;
  const action = isJsonObject(value.action) ? readAction(value.action) : undefined;
  if (!action) return undefined;
  if (value.kind === 'action') return { kind: 'action', action };
  return isSafeInteger(value.id) ? { kind: 'request', id: value.id, action } : undefined;
}

/**
 * Reads a message from the host, as a page receives it: a patch, or a reply to one of the page's
 * requests. Anything else that reaches the page's window is not the host's and is ignored.
 */
export function readHostMessage(value: unknown): HostToPage | undefined {
  if (!isJsonObject(value)) return undefined;
  const patch = value.patch === undefined ? undefined : readPatch(value.patch);
  if (value.patch !== undefined && !patch) return undefined;
  if (value.kind === 'patch') return patch && { kind: 'patch', patch };
  if (value.kind !== 'reply' || !isSafeInteger(value.id)) return undefined;
  return {
    kind: 'reply',
    id: value.id,
    ...(patch ? { patch } : {}),
    ...(typeof value.error === 'string' ? { error: value.error } : {}),
    ...(typeof value.hostMs === 'number' ? { hostMs: value.hostMs } : {}),
  };
}

/** A patch's three parts, each checked for its shape (what they hold is the view's state). */
function readPatch(value: unknown): StatePatch | undefined {
  if (!isJsonObject(value)) return undefined;
  const { set, unset, append } = value;
  if (set !== undefined && !isJsonObject(set)) return undefined;
  if (unset !== undefined && !(Array.isArray(unset) && unset.every((key) => typeof key === 'string'))) return undefined;
  if (append !== undefined && !isListsByKey(append)) return undefined;
  return { ...(set ? { set } : {}), ...(unset ? { unset } : {}), ...(append ? { append } : {}) };
}

function isListsByKey(value: unknown): value is Record<string, unknown[]> {
  return isJsonObject(value) && Object.values(value).every((items) => Array.isArray(items));
}

function isSafeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** Field checks for action readers. */
export const field = {
  string(value: unknown, max = 10_000): value is string {
    return typeof value === 'string' && value.length <= max;
  },
  /** A position in a list: a whole number, 0 or more. */
  index(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
  },
  strings(value: unknown, max = 10_000): value is string[] {
    return Array.isArray(value) && value.length <= max && value.every((v) => typeof v === 'string' && v.length <= 1000);
  },
};
