/**
 * Logical keys from resource names: `Shopify - Get Orders` becomes `exports/shopify-get-orders`.
 * A key, once given, stays with its resource (a later pull reuses it from the binding file, so a
 * rename in the account changes the file's content, not its name). New resources whose names
 * collide take `-2`, `-3`… in the order of their ids, which never changes, so the result is stable.
 */
import { IacKind, keyOf, LogicalKey } from './layout';

const MAX_SLUG = 60;

/**
 * Names Windows reserves for devices, with any extension (`con.export.json` cannot be opened
 * there either). Slugs are only `[a-z0-9-]`, so trailing dots and spaces, Windows' other
 * forbidden file names, cannot occur.
 */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function slugify(name: string): string {
  const slug = avoidDeviceName(slugOf(name));
  return slug || 'unnamed';
}

/** A slug Windows can use as a file name: `con` becomes `con-1`. */
export function avoidDeviceName(slug: string): string {
  return WINDOWS_DEVICE.test(slug) ? `${slug}-1` : slug;
}

function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

export interface Keyable {
  kind: IacKind;
  id: string;
  name?: unknown;
}

/**
 * Keys for every resource: the one already bound to its id where there is one, otherwise a new
 * one from its name that no other resource holds.
 */
export function assignKeys(
  resources: readonly Keyable[],
  existing: ReadonlyMap<string, LogicalKey>,
  /** Keys in use by something else (files of the folder not bound to these resources). */
  reserved: ReadonlySet<LogicalKey> = new Set(),
): Map<string, LogicalKey> {
  const keys = new Map<string, LogicalKey>();
  const taken = new Set<LogicalKey>(reserved);
  const kept = new Set<LogicalKey>();
  for (const r of resources) {
    const key = existing.get(r.id);
    if (key && !kept.has(key)) {
      keys.set(r.id, key);
      kept.add(key);
      taken.add(key);
    }
  }
  const fresh = resources.filter((r) => !keys.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of fresh) {
    const base = slugify(typeof r.name === 'string' ? r.name : r.id);
    let key = keyOf(r.kind, base);
    for (let n = 2; taken.has(key); n++) key = keyOf(r.kind, `${base}-${n}`);
    keys.set(r.id, key);
    taken.add(key);
  }
  return keys;
}
