/**
 * Every view's key, built and read only here: `<view>:<environment id>:<what it shows>`. One
 * panel per key (a second Show reveals it), the key comes back after a reload to reopen it, and its
 * environment id is what marks the view as that environment's (production, the status bar). The
 * format is kept as it is: views restored after a reload must still match.
 */
import { ResourceKind } from '../model/resourceKinds';

export type ViewKind = 'errors' | 'diagram' | 'template' | 'run' | 'jobs' | 'hook' | 'mapping' | 'export' | 'audit';

const VIEW_KINDS: readonly ViewKind[] = ['errors', 'diagram', 'template', 'run', 'jobs', 'hook', 'mapping', 'export', 'audit'];

function isViewKind(text: string | undefined): text is ViewKind {
  return VIEW_KINDS.some((kind) => kind === text);
}

export function viewKey(kind: ViewKind, envId: string, ...what: string[]): string {
  return [kind, envId, ...what].join(':');
}

/** A Handlebars playground's key: the resource and the path of the field whose template it shows. */
export function templateViewKey(envId: string, kind: ResourceKind, id: string, fieldPath: readonly (string | number)[]): string {
  return viewKey('template', envId, `${kind}/${id}#${fieldPath.join('.')}`);
}

/** The key of a pulled folder's flow diagram: the folder and the flow's logical key in it. */
export function folderDiagramViewKey(envId: string, folderPath: string, flowKey: string): string {
  return viewKey('diagram', envId, `${folderPath}#${flowKey}`);
}

export interface ViewKeyParts {
  view: ViewKind;
  envId: string;
  /** The rest, as it was joined (its own parts may hold `:`, a Windows path does). */
  what: string;
}

/** What a key names; undefined for text no view's key can be. */
export function parseViewKey(key: string): ViewKeyParts | undefined {
  const [view, envId, ...what] = key.split(':');
  if (!isViewKind(view) || !envId) return undefined;
  return { view, envId, what: what.join(':') };
}

/** The environment a view belongs to (`local` for a hook run with no environment). */
export function environmentOfKey(key: string): string | undefined {
  return parseViewKey(key)?.envId;
}
