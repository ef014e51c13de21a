/**
 * Create, replace and delete for every resource kind, with what the API does around them:
 * server-set fields, validation, `adaptorType` inference, audit entries, and refusing to delete
 * what is still in use.
 */
import { ErrorDetail, SandboxError } from './apiError';
import { hasId, StoredResource } from './account';
import { fieldChanges, recordAudit } from './audit';
import { asText, clone, isObject, JsonObject } from './json';
import { ADAPTOR_PREFIX, ADAPTOR_SUFFIX, Kind, SINGULAR } from './kinds';
import { masked, restoreMaskedSecrets } from './secrets';
import { applyServerFields, SERVER_OWNED_FIELDS } from './serverFields';
import { Store } from './store';
import { validate } from './validation';

export interface UsedBy {
  kind: Kind;
  id: string;
  name: string;
}

export class ResourceService {
  constructor(
    private readonly store: Store,
    private readonly validationStatus: number,
  ) {}

  /** How a resource reads over the API: secrets masked. */
  view(kind: Kind, doc: JsonObject): JsonObject {
    return masked(kind, doc);
  }

  get(kind: Kind, id: string): StoredResource {
    const doc = this.store.get(kind, id);
    if (!doc || !hasId(doc)) throw SandboxError.notFound(capitalise(SINGULAR[kind]));
    return doc;
  }

  create(kind: Kind, body: unknown): StoredResource {
    const input = this.requireObject(body);
    for (const field of SERVER_OWNED_FIELDS) delete input[field];
    this.inferAdaptorType(kind, input);
    this.check(kind, input, restoreMaskedSecrets(kind, input, undefined));
    const now = new Date();
    const doc: StoredResource = { _id: this.store.ids.next(now), ...input, createdAt: now.toISOString(), lastModified: now.toISOString() };
    applyServerFields(kind, doc, undefined);
    this.store.insert(kind, doc);
    recordAudit(this.store, kind, doc._id, 'create', [], now);
    return doc;
  }

  /**
   * PUT: the body replaces the resource; what it leaves out is gone. Server fields are kept, and
   * so is every secret sent back as its mask. Everything is worked out before the store changes.
   */
  replace(kind: Kind, id: string, body: unknown): StoredResource {
    const before = this.get(kind, id);
    const input = this.requireObject(body);
    for (const field of SERVER_OWNED_FIELDS) delete input[field];
    this.inferAdaptorType(kind, input);
    this.check(kind, input, restoreMaskedSecrets(kind, input, before));
    const now = new Date();
    const after: StoredResource = { _id: id, ...input, createdAt: before.createdAt, lastModified: now.toISOString() };
    if (after.createdAt === undefined) delete after.createdAt;
    applyServerFields(kind, after, before);
    const changes = fieldChanges(kind, before, after);
    this.store.replace(kind, after);
    if (changes.length > 0) recordAudit(this.store, kind, id, 'update', changes, now);
    return after;
  }

  /** Applies a change made by an action (PATCH, ping's offline flag) and audits it. */
  applyChange(kind: Kind, id: string, change: (doc: JsonObject) => void, options: { bumpLastModified: boolean }): StoredResource {
    const before = this.get(kind, id);
    const after = clone(before);
    change(after);
    const problems = restoreMaskedSecrets(kind, after, before);
    if (problems.length > 0) throw new SandboxError(this.validationStatus, problems);
    const now = new Date();
    if (options.bumpLastModified) after.lastModified = now.toISOString();
    const changes = fieldChanges(kind, before, after);
    this.store.replace(kind, after);
    if (options.bumpLastModified && changes.length > 0) recordAudit(this.store, kind, id, 'update', changes, now);
    return after;
  }

  delete(kind: Kind, id: string): void {
    const doc = this.get(kind, id);
    const users = this.usedBy(kind, id);
    if (users.length > 0) {
      const names = users
        .slice(0, 5)
        .map((u) => `${SINGULAR[u.kind]} "${u.name}"`)
        .join(', ');
      const more = users.length > 5 ? ` and ${users.length - 5} more` : '';
      throw new SandboxError(422, [
        { code: 'resource_in_use', message: `Cannot delete ${SINGULAR[kind]} "${asText(doc.name ?? id)}": it is used by ${names}${more}.` },
      ]);
    }
    this.store.remove(kind, id);
    recordAudit(this.store, kind, id, 'delete', []);
  }

  /** Resources that refer to this one (and so block its deletion). */
  usedBy(kind: Kind, id: string): UsedBy[] {
    const found: UsedBy[] = [];
    const add = (k: Kind, doc: StoredResource) => {
      const name: unknown = doc.name ?? doc._id;
      found.push({ kind: k, id: doc._id, name: String(name) });
    };
    const refersTo = (value: unknown): boolean => JSON.stringify(value ?? null).includes(`"${id}"`);
    switch (kind) {
      case 'exports':
      case 'imports':
        for (const flow of this.store.list('flows')) if (flowUses(flow, id)) add('flows', flow);
        break;
      case 'connections':
        for (const k of ['exports', 'imports'] as const) for (const doc of this.store.list(k)) if (doc._connectionId === id) add(k, doc);
        for (const integration of this.store.list('integrations')) {
          if (Array.isArray(integration._registeredConnectionIds) && integration._registeredConnectionIds.includes(id))
            add('integrations', integration);
        }
        break;
      case 'scripts':
        for (const k of ['exports', 'imports', 'flows'] as const)
          for (const doc of this.store.list(k)) if (refersTo(doc.hooks) || refersTo(doc.routers)) add(k, doc);
        break;
      case 'integrations':
        for (const flow of this.store.list('flows')) if (flow._integrationId === id) add('flows', flow);
        break;
      case 'filedefinitions':
        for (const k of ['exports', 'imports'] as const) for (const doc of this.store.list(k)) if (refersTo(doc.file)) add(k, doc);
        break;
      default:
        break;
    }
    return found;
  }

  private requireObject(body: unknown): JsonObject {
    if (!isObject(body)) throw SandboxError.badRequest('invalid_body', 'The request body must be a JSON object.');
    return clone(body);
  }

  /** Validates the document; `earlier` are problems already found (masked secrets), reported with the rest. */
  private check(kind: Kind, doc: JsonObject, earlier: ErrorDetail[] = []): void {
    const errors = [...earlier, ...validate(kind, doc, this.store)];
    if (errors.length > 0) throw new SandboxError(this.validationStatus, errors);
  }

  /** "The backend identifies adaptorType on its own" when a client leaves it out. */
  private inferAdaptorType(kind: Kind, doc: JsonObject): void {
    const suffix = ADAPTOR_SUFFIX[kind];
    if (!suffix || doc.adaptorType !== undefined) return;
    if (kind === 'exports' && doc.type === 'webhook') {
      doc.adaptorType = 'WebhookExport';
      return;
    }
    const connection = typeof doc._connectionId === 'string' ? this.store.get('connections', doc._connectionId) : undefined;
    const prefix = connection ? ADAPTOR_PREFIX[String(connection.type)] : undefined;
    if (prefix) doc.adaptorType = kind === 'imports' && prefix === 'NetSuite' ? 'NetSuiteDistributedImport' : prefix + suffix;
  }
}

/** Whether a flow uses an export or import, in any of its step lists. */
export function flowUses(flow: JsonObject, resourceId: string): boolean {
  return flowStepIds(flow).includes(resourceId);
}

/** Export and import ids a flow uses, page generators first, in order. */
export function flowStepIds(flow: JsonObject): string[] {
  const ids: string[] = [];
  const steps = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const step of list) {
      if (!isObject(step)) continue;
      if (typeof step._exportId === 'string') ids.push(step._exportId);
      if (typeof step._importId === 'string') ids.push(step._importId);
    }
  };
  steps(flow.pageGenerators);
  if (typeof flow._exportId === 'string') ids.push(flow._exportId);
  steps(flow.pageProcessors);
  if (Array.isArray(flow.routers)) {
    for (const router of flow.routers) {
      if (isObject(router) && Array.isArray(router.branches))
        for (const branch of router.branches) if (isObject(branch)) steps(branch.pageProcessors);
    }
  }
  if (typeof flow._importId === 'string') ids.push(flow._importId);
  return ids;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
