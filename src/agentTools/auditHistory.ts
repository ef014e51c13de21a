/**
 * integratorAuditHistory: one resource's audit log, newest first, as "Show Audit History" reads
 * it (the collection's `/:id/audit`, Link-paged): who, when, from where, the event and which
 * fields changed, a page at a time; or one entry with each field's old and new value, shown as
 * the audit view shows them (model/format.ts displayValue) and cut when huge.
 */
import { AuditEntry, MASK } from '../api/types';
import { displayValue, formatUser } from '../model/format';
import { ALL_KINDS, RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { cutText } from '../model/accountText';
import { isSecretPath, maskCredentials } from './secrets';
import { environmentField, environmentLabel, environmentOf, inputObject, pageOf, type Paging, requiredId, resourceOf } from './input';
import { accountData, AgentTool } from './types';
import { ENVIRONMENT_PROPERTY, pageProperties, resourceProperties } from './schemaParts';

export interface AuditHistoryInput {
  environment?: string;
  kind: ResourceKind;
  id: string;
  /** One entry's values instead of a page of entries. */
  entryId?: string;
  offset: number;
  limit: number;
}

/** Entries one request asks for: a page of a model's and then some, in one request. */
const REQUEST_PAGE = 100;
/** Looking for one entry stops after this many: an older one is asked for by paging to it first. */
const MAX_SCANNED = 2000;
/** A page starts no further back than an entry is looked for. */
const PAGING: Paging = { maxOffset: MAX_SCANNED, maxLimit: 50, defaultLimit: 20 };
/** A value longer than this is cut: a changed script or mapping can be a hundred kilobytes. */
const MAX_VALUE = 4000;
const MAX_FIELDS = 50;
const MAX_NAME = 300;

export const auditHistory: AgentTool<AuditHistoryInput> = {
  name: 'integratorAuditHistory',
  title: "A resource's audit history",
  description:
    "The audit log of one integrator.io resource by kind and id, newest first, a page at a time (offset/limit) with the total when the log was read to its end: each entry's id, time, who made the change, from where (ui, api, system), the event and the paths of the fields it changed. Given an entryId, that entry with each changed field's old and new value (long values cut). Read-only.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      ...resourceProperties(ALL_KINDS),
      entryId: { type: 'string', description: "An entry's id (from a page of entries): show its fields' old and new values." },
      ...pageProperties('entries', PAGING),
    },
    required: ['kind', 'id'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'kind', 'id', 'entryId', 'offset', 'limit']);
    const entryId = o.entryId === undefined || o.entryId === null ? undefined : requiredId(o, 'entryId');
    return {
      ...resourceOf(o, ALL_KINDS),
      ...pageOf(o, PAGING),
      ...(entryId ? { entryId } : {}),
      ...environmentField(o),
    };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const pages = RESOURCE_KINDS[input.kind].collection(client).audit(input.id, { limit: REQUEST_PAGE, signal: context.signal });
    const about = { environment: environmentLabel(env), kind: input.kind, id: input.id };
    const read: AuditEntry[] = [];
    // Pages are read only as far as the answer needs (one entry more tells whether there are more).
    const enough = () => (input.entryId ? read.some((e) => e._id === input.entryId) : read.length > input.offset + input.limit);
    let ended = true;
    for await (const page of pages) {
      read.push(...page);
      if (enough() || read.length >= MAX_SCANNED) {
        ended = false;
        break;
      }
    }
    if (input.entryId) {
      const entry = read.find((e) => e._id === input.entryId);
      if (!entry) return accountData({ ...about, entryId: input.entryId, notFound: `No such entry among the newest ${read.length}.` });
      return accountData({
        ...about,
        entry: {
          ...entryOf(entry),
          changes: (entry.fieldChanges ?? []).slice(0, MAX_FIELDS).map((change) => changeOf(input.kind, change)),
        },
      });
    }
    const entries = read.slice(input.offset, input.offset + input.limit).map(entryOf);
    const next = input.offset + entries.length;
    return accountData({
      ...about,
      offset: input.offset,
      entries,
      // The total is known only when the log was read to its end; past its end, the offset says so.
      ...(ended ? { total: read.length } : {}),
      ...(read.length > next
        ? { more: `Older entries: call again with offset ${next}.` }
        : ended
          ? {}
          : { more: `Only the newest ${MAX_SCANNED} entries are listed; older ones may exist.` }),
      ...(!entries.length && ended && input.offset > 0 && input.offset >= read.length
        ? { none: `Offset ${input.offset} is past the end: there are ${read.length} entries.` }
        : {}),
    });
  },
};

function entryOf(entry: AuditEntry) {
  const fields = (entry.fieldChanges ?? []).map((c) => cutText(String(c.fieldPath), MAX_NAME));
  return {
    entryId: entry._id,
    ...(entry.time ? { time: entry.time } : {}),
    who: cutText(formatUser(entry.byUser), MAX_NAME),
    source: cutText(String(entry.source ?? ''), MAX_NAME),
    event: cutText(String(entry.event ?? 'update'), MAX_NAME),
    changedFields: fields.slice(0, MAX_FIELDS),
    ...(fields.length > MAX_FIELDS ? { moreFields: fields.length - MAX_FIELDS } : {}),
  };
}

/** One field's change; a secret's values masked, and credentials inside other values (a header list, a URI's token). */
function changeOf(kind: ResourceKind, change: { fieldPath: string; oldValue?: unknown; newValue?: unknown }) {
  const secret = isSecretPath(kind, String(change.fieldPath));
  const shown = (value: unknown) => (secret && value !== undefined && value !== null && value !== '' ? MASK : maskCredentials(value));
  const oldText = displayValue(shown(change.oldValue));
  const newText = displayValue(shown(change.newValue));
  return {
    fieldPath: cutText(String(change.fieldPath), MAX_NAME),
    ...(oldText !== undefined ? { oldValue: cutText(oldText, MAX_VALUE) } : { added: true }),
    ...(newText !== undefined ? { newValue: cutText(newText, MAX_VALUE) } : { removed: true }),
  };
}
