/**
 * Every view's key, built and read only here: `<view>:<environment id>:<what it shows>`. One
 * panel per key (a second Show reveals it), the key comes back after a reload to reopen it, and its
 * environment id is what marks the view as that environment's (production, the status bar).
 */
export type ViewKind = 'errors' | 'diagram' | 'template' | 'run' | 'jobs' | 'hook' | 'mapping' | 'export' | 'audit';

export function viewKey(kind: ViewKind, envId: string, ...what: string[]): string {
  return [kind, envId, ...what].join(':');
}

/** The environment a view belongs to (`local` for a hook run with no environment). */
export function environmentOfKey(key: string): string | undefined {
  return key.split(':')[1];
}
