/**
 * Fields the server sets on a resource, as recorded real documents carry them: the ones it owns
 * outright (ids and times, never taken from a request body), the short `apiIdentifier` it
 * generates once for exports and imports, and the defaults it fills when a write leaves a field
 * out. Real resources carry no `lastModifiedBy` (none of 53 recorded ones does), so neither does
 * the sandbox. Integration as code must treat everything here as the server's.
 */
import { createHash } from 'crypto';
import { clone, JsonObject } from './json';
import { Kind } from './kinds';

/** Set by the server on every write; a request body's values are ignored. */
export const SERVER_OWNED_FIELDS = ['_id', 'createdAt', 'lastModified'] as const;

/** Generated once on create and kept by every later write, whatever the body says. */
const GENERATED_ONCE: Partial<Record<Kind, { field: string; prefix: string }>> = {
  exports: { field: 'apiIdentifier', prefix: 'e' },
  imports: { field: 'apiIdentifier', prefix: 'i' },
};

/** Defaults the server fills when a create or a PUT leaves the field out. */
const DEFAULTS: Partial<Record<Kind, JsonObject>> = {
  integrations: { install: [], installSteps: [], uninstallSteps: [] },
  flows: { disabled: false, skipRetries: false, autoResolveMatchingTraceKeys: true },
  exports: { asynchronous: true, parsers: [], sandbox: false },
  imports: { ignoreExisting: false, ignoreMissing: false, oneToMany: false, sandbox: false },
  connections: { sandbox: false },
};

/**
 * Fills what the server sets on a write of `doc` (which already has its `_id`): the generated
 * identifier (kept from `before` on an update) and the defaults the body left out.
 */
export function applyServerFields(kind: Kind, doc: JsonObject, before: JsonObject | undefined): void {
  const generated = GENERATED_ONCE[kind];
  if (generated) {
    const kept = before?.[generated.field];
    doc[generated.field] = typeof kept === 'string' ? kept : shortIdentifier(generated.prefix, String(doc._id));
  }
  for (const [field, value] of Object.entries(DEFAULTS[kind] ?? {})) if (doc[field] === undefined) doc[field] = clone(value);
}

/** `e870310ac7`: the prefix and 9 hex digits, derived from the id so seeded accounts are stable. */
function shortIdentifier(prefix: string, id: string): string {
  return prefix + createHash('sha256').update(id).digest('hex').slice(0, 9);
}
