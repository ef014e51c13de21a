/**
 * What a connection update changes. A connection's settings decide where its stored credentials
 * go: not only its base URI or host, but a value a base URI's template reads
 * (`https://{{{connection.settings.store}}}.myshopify.com`), a NetSuite account or data center,
 * an agent that carries its traffic. A folder is changed by pull requests, and an apply that
 * changed one of these would pass as one "~ update" among others. So every field a connection
 * update changes is named, with both values (plan.ts), and VS Code asks before applying it
 * (commands/folderApply.ts). Only its name and its offline switch change nothing of the kind.
 */

import { isJsonObject } from '../api/types';

/** Fields whose change moves nothing: the connection's name, and whether it is offline. */
const HARMLESS = new Set(['name', 'offline']);
/** A value shown in a change, at most this long. */
const SHOWN_CHARS = 120;

export interface ConnectionChange {
  /** The connection's key in the folder. */
  key: string;
  /** The field, as `http.baseURI`, `netsuite.dataCenterURLs[0]` or `["http.auth"].type`. */
  path: string;
  /** Both values as JSON text (cut when long); undefined where the field is absent. */
  from: string | undefined;
  to: string | undefined;
}

/** The fields that differ between what the account has and what the folder would apply. */
export function connectionChanges(key: string, before: unknown, after: unknown): ConnectionChange[] {
  const was = leaves(before);
  const will = leaves(after);
  const paths = [...new Set([...was.keys(), ...will.keys()])].sort();
  return paths
    .filter((path) => was.get(path) !== will.get(path) && !HARMLESS.has(path))
    .map((path) => ({ key, path, from: shown(was.get(path)), to: shown(will.get(path)) }));
}

/** One line for people: the field, both values, and what it means. */
export function describeChange(c: ConnectionChange): string {
  return `${c.key}: ${c.path} changes from ${c.from ?? '(none)'} to ${c.to ?? '(none)'}`;
}

/** What every list of connection changes is followed by. */
export const CONNECTION_CHANGE_NOTE = "A connection's settings decide where its credentials go: check that these changes are meant.";

/** Every primitive value of a document by its path; an empty object or array is a value too. */
function leaves(doc: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const stack: Array<[unknown, string]> = [[doc, '']];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    const entries = Array.isArray(value)
      ? value.map((member: unknown, i) => [`${at}[${i}]`, member] as const)
      : isJsonObject(value)
        ? Object.entries(value).map(([k, member]) => [pathOf(at, k), member] as const)
        : undefined;
    if (entries) {
      if (entries.length === 0) found.set(at, JSON.stringify(value));
      for (const entry of entries) stack.push([entry[1], entry[0]]);
    } else if (at !== '') {
      found.set(at, JSON.stringify(value) ?? 'undefined');
    }
  }
  return found;
}

/** A key after a path: dotted where it is a plain name, bracketed (so it cannot pass for a path) where not. */
function pathOf(at: string, key: string): string {
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  if (plain) return at ? `${at}.${key}` : key;
  return `${at}[${JSON.stringify(key)}]`;
}

function shown(json: string | undefined): string | undefined {
  if (json === undefined) return undefined;
  return json.length > SHOWN_CHARS ? `${json.slice(0, SHOWN_CHARS)}…` : json;
}
