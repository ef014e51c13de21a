/**
 * Where a connection sends its credentials: the addresses in its document (a base URI, a token
 * URI, a host). A folder is changed by pull requests, and an update that moves one of these
 * sends the connection's stored credentials to the new address on its next use, while the plan
 * would only say "~ update". The plan names such changes (plan.ts) and VS Code asks before
 * applying them (folderCommands.ts).
 */

/** A field that holds an address the connection talks to: …URI, …URL, host, hostname, endpoint, domain. */
const ADDRESS_KEY = /(ur[il]|host(name)?|endpoint|domain)$/i;

export interface EndpointChange {
  /** The field's path in the document, as `http.baseURI`. */
  path: string;
  from: string | undefined;
  to: string | undefined;
}

/** An endpoint change of one connection of a plan. */
export interface MovedEndpoint extends EndpointChange {
  key: string;
}

/** One line for people: the field, both addresses, and what it means. */
export function describeMove(m: MovedEndpoint): string {
  const shown = (v: string | undefined) => (v === undefined ? '(none)' : JSON.stringify(v));
  return `${m.key}: ${m.path} changes from ${shown(m.from)} to ${shown(m.to)}; the connection's credentials go there from its next use.`;
}

/** The address fields that differ between what the account has and what the folder would apply. */
export function endpointChanges(before: unknown, after: unknown): EndpointChange[] {
  const was = addresses(before);
  const will = addresses(after);
  const paths = [...new Set([...was.keys(), ...will.keys()])].sort();
  return paths.filter((p) => was.get(p) !== will.get(p)).map((p) => ({ path: p, from: was.get(p), to: will.get(p) }));
}

function addresses(doc: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const stack: Array<[unknown, string]> = [[doc, '']];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      const path = at ? `${at}.${key}` : key;
      if (typeof member === 'string' && ADDRESS_KEY.test(key)) found.set(path, member);
      else if (member !== null && typeof member === 'object') stack.push([member, path]);
    }
  }
  return found;
}
