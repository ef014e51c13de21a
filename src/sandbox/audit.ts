/** Audit entries for every create, update and delete made through the API. */
import { AuditRecord } from './account';
import { deepEqual, JsonObject } from './json';
import { Kind, SINGULAR } from './kinds';
import { maskedField } from './secrets';
import { SERVER_OWNED_FIELDS } from './serverFields';
import { Store } from './store';

/** Fields the server owns; changes to them are not the user's and are not audited. */
const SERVER_FIELDS = new Set<string>(SERVER_OWNED_FIELDS);

/** Top-level fields that changed, with old and new values (secrets masked; `oldValue` left out when first set). */
export function fieldChanges(kind: Kind, before: JsonObject, after: JsonObject): AuditRecord['fieldChanges'] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: AuditRecord['fieldChanges'] = [];
  for (const key of keys) {
    if (SERVER_FIELDS.has(key) || deepEqual(before[key], after[key])) continue;
    const change: AuditRecord['fieldChanges'][number] = { fieldPath: key };
    if (key in before) change.oldValue = maskedField(kind, key, before[key]);
    if (key in after) change.newValue = maskedField(kind, key, after[key]);
    changes.push(change);
  }
  return changes;
}

export function recordAudit(
  store: Store,
  kind: Kind,
  resourceId: string,
  event: AuditRecord['event'],
  changes: AuditRecord['fieldChanges'],
  at: Date = new Date(),
  source = 'api',
): AuditRecord {
  const entry: AuditRecord = {
    _id: store.ids.next(at),
    resourceType: SINGULAR[kind],
    _resourceId: resourceId,
    source,
    event,
    time: at.toISOString(),
    byUser: { ...store.data.user },
    fieldChanges: changes,
  };
  store.addAudit(entry);
  return entry;
}
