/**
 * Clones as the API does: an export or import alone; a flow with its exports and imports, into
 * an integration, its connections mapped by `connectionMap`; an integration with every flow (in
 * the same account, connections map to themselves). Copies are created through the resource
 * service, so they get new ids, server-set fields and audit entries like any create.
 */
import { StoredResource } from './account';
import { SandboxError } from './apiError';
import { clone, isObject, JsonObject } from './json';
import { Kind } from './kinds';
import { flowStepIds, ResourceService } from './resourceService';
import { SERVER_OWNED_FIELDS } from './serverFields';
import { Store } from './store';

export class CloneService {
  constructor(
    private readonly store: Store,
    private readonly resources: ResourceService,
  ) {}

  /** An export or import; `_connectionId` in the body points the copy at another connection. */
  step(kind: 'exports' | 'imports', id: string, body: JsonObject): StoredResource {
    const source = this.resources.get(kind, id);
    return this.resources.create(kind, {
      ...withoutServerFields(source),
      name: typeof body.name === 'string' ? body.name : `${String(source.name)} - Clone`,
      ...(typeof body._connectionId === 'string' ? { _connectionId: body._connectionId } : {}),
    });
  }

  /**
   * A flow into an integration, with its exports and imports. Connections the flow uses must each
   * be mapped in `connectionMap` (`{ "<old id>": "<new id>" }`).
   */
  flow(flowId: string, body: JsonObject, inheritedMap?: Record<string, string>): StoredResource {
    const { store, resources } = this;
    const source = resources.get('flows', flowId);
    const integrationId = body._integrationId;
    if (typeof integrationId !== 'string' || !store.get('integrations', integrationId)) {
      throw new SandboxError(422, [{ code: 'invalid_ref', message: 'Integration not found for the given id', field: '_integrationId' }]);
    }
    const connectionMap = inheritedMap ?? idMapOf(body.connectionMap);
    const stepIds = flowStepIds(source);
    const used = new Set<string>();
    for (const stepId of stepIds) {
      const step = store.get('exports', stepId) ?? store.get('imports', stepId);
      if (step && typeof step._connectionId === 'string') used.add(step._connectionId);
    }
    const unmapped = [...used].filter((c) => !connectionMap[c] || !store.get('connections', connectionMap[c]));
    if (unmapped.length > 0) {
      throw SandboxError.badRequest(
        'invalid_connectionMap',
        `connectionMap must map every connection the flow uses to an existing connection; missing: ${unmapped.join(', ')}.`,
        'connectionMap',
      );
    }
    const idMap: Record<string, string> = {};
    for (const stepId of new Set(stepIds)) {
      const kind: Kind = store.get('exports', stepId) ? 'exports' : 'imports';
      const step = resources.get(kind, stepId);
      const copy = resources.create(kind, {
        ...withoutServerFields(step),
        ...(typeof step._connectionId === 'string' ? { _connectionId: connectionMap[step._connectionId] } : {}),
      });
      idMap[stepId] = copy._id;
    }
    const remapped: unknown = JSON.parse(
      JSON.stringify(withoutServerFields(source)).replace(/"([0-9a-f]{24})"/g, (all, old: string) =>
        idMap[old] ? `"${idMap[old]}"` : all,
      ),
    );
    return resources.create('flows', {
      ...(isObject(remapped) ? remapped : {}),
      name: typeof body.name === 'string' ? body.name : `${String(source.name)} - Clone`,
      _integrationId: integrationId,
      disabled: true,
    });
  }

  /** An integration with all its flows; in the same account connections map to themselves. */
  integration(integrationId: string, body: JsonObject): StoredResource {
    const source = this.resources.get('integrations', integrationId);
    const copy = this.resources.create('integrations', {
      ...withoutServerFields(source),
      name: typeof body.name === 'string' ? body.name : `${String(source.name)} - Clone`,
    });
    const selfMap: Record<string, string> = Object.fromEntries(this.store.list('connections').map((c) => [c._id, c._id]));
    const connectionMap = { ...selfMap, ...idMapOf(body.connectionMap) };
    for (const flow of this.store.list('flows').filter((f) => f._integrationId === integrationId)) {
      this.flow(flow._id, { _integrationId: copy._id }, connectionMap);
    }
    return copy;
  }
}

/**
 * A `connectionMap` as the body gives it. An entry whose value is not an id maps to '', no
 * connection: the flow's check refuses it as it refuses a missing one, and it still overrides
 * the integration's own mapping of that connection.
 */
function idMapOf(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([from, to]) => [from, typeof to === 'string' ? to : '']));
}

/** A copy without what the server sets (ids, times, the generated identifier, the last run). */
function withoutServerFields(doc: JsonObject): JsonObject {
  const copy = clone(doc);
  for (const field of [...SERVER_OWNED_FIELDS, 'apiIdentifier', 'lastExecutedAt']) delete copy[field];
  return copy;
}
