/**
 * Every view's key, built and read only here: `<view>:<environment id>:<what it shows>…`. One
 * panel per key (a second Show reveals it), the key comes back after a reload to reopen it, and its
 * environment id is what marks the view as that environment's (production, the status bar).
 *
 * Each part is escaped (`%` and `:` percent-encoded, as encodeURIComponent writes them), so ids
 * from an account cannot make two targets share a key (`a:b`, `c` and `a`, `b:c`), while ordinary
 * ids, environment ids and names come out as they always did: views restored after a reload match.
 */
import { ResourceKind } from '../model/resourceKinds';

export type ViewKind = 'errors' | 'diagram' | 'template' | 'run' | 'jobs' | 'hook' | 'mapping' | 'export' | 'audit';

const VIEW_KINDS: readonly ViewKind[] = ['errors', 'diagram', 'template', 'run', 'jobs', 'hook', 'mapping', 'export', 'audit'];

function isViewKind(text: string | undefined): text is ViewKind {
  return VIEW_KINDS.some((kind) => kind === text);
}

export function viewKey(kind: ViewKind, envId: string, ...what: string[]): string {
  return [kind, envId, ...what].map((part) => escaped(part, /[%:]/g)).join(':');
}

/**
 * A Handlebars playground's key: the resource and the path of the field whose template it shows,
 * `<kind>/<id>#<field>.<field>` (the id's `#` and a field's `.` escaped: `["a.b"]` is not `["a", "b"]`).
 */
export function templateViewKey(envId: string, kind: ResourceKind, id: string, fieldPath: readonly (string | number)[]): string {
  const field = fieldPath.map((name) => escaped(String(name), /[%#.]/g)).join('.');
  return viewKey('template', envId, `${kind}/${escaped(id, /[%#]/g)}#${field}`);
}

/** The key of a pulled folder's flow diagram: the folder and the flow's logical key in it (two parts, never an account flow's one). */
export function folderDiagramViewKey(envId: string, folderPath: string, flowKey: string): string {
  return viewKey('diagram', envId, folderPath, flowKey);
}

export interface ViewKeyParts {
  view: ViewKind;
  envId: string;
  /** The parts after the environment, each as it was given to `viewKey`. */
  what: string[];
}

/** What a key names; undefined for text no view's key can be. */
export function parseViewKey(key: string): ViewKeyParts | undefined {
  const parts = key.split(':').map(unescaped);
  if (!parts.every((part) => part !== undefined)) return undefined;
  const [view, envId, ...what] = parts;
  if (!isViewKind(view) || !envId) return undefined;
  return { view, envId, what };
}

/** The environment a view belongs to (`local` for a hook run with no environment). */
export function environmentOfKey(key: string): string | undefined {
  return parseViewKey(key)?.envId;
}

/** `text` with `%` and the characters `special` matches percent-encoded (`special` must match `%`). */
function escaped(text: string, special: RegExp): string {
  return text.replace(special, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A part as it was before `viewKey` escaped it; undefined for any other `%` sequence (no key of ours has one). */
function unescaped(part: string): string | undefined {
  if (/%(?!25|3A)/i.test(part)) return undefined;
  return part.replace(/%25|%3A/gi, (code) => (code === '%25' ? '%' : ':'));
}
