/**
 * `/<plural>` for every resource kind: list, get, create, replace (PUT), JSON Patch, delete,
 * plus `/audit`, `/dependencies` and `/clone`.
 */
import { SandboxError } from '../apiError';
import { created, noContent, ok, RequestContext, RouteModule } from '../http';
import { clone, isObject, JsonObject } from '../json';
import { SERVER_OWNED_FIELDS } from '../serverFields';
import { Kind, PATCH_WHITELIST, RESOURCE_KINDS } from '../kinds';
import { filterByQuery, LIST_PARAMS, pagedList } from '../listing';
import { flowStepIds } from '../resourceService';
import { Services } from '../services';
import { applyPatch } from '../jsonPatch';

export const resourceRoutes: RouteModule = (routes, services) => {
  const { store, resources, settings } = services;
  for (const kind of RESOURCE_KINDS) {
    const base = `/${kind}`;

    routes.add('GET', base, (ctx) => {
      const items = filterByQuery(store.list(kind), ctx.query, LIST_PARAMS);
      return pagedList(ctx, items, settings, (doc) => listView(services, kind, doc));
    });

    routes.add('POST', base, async (ctx) => {
      const doc = resources.create(kind, ctx.body ?? {});
      await store.commit();
      return created(resources.view(kind, doc));
    });

    routes.add('GET', `${base}/:id`, (ctx) => ok(resources.view(kind, resources.get(kind, id(ctx)))));

    routes.add('PUT', `${base}/:id`, async (ctx) => {
      const doc = resources.replace(kind, id(ctx), ctx.body);
      await store.commit();
      return ok(resources.view(kind, doc));
    });

    routes.add('PATCH', `${base}/:id`, async (ctx) => {
      const operations = ctx.body;
      if (!Array.isArray(operations))
        throw SandboxError.badRequest('invalid_body', 'PATCH takes a JSON Patch array: [{"op":"replace","path":"/field","value":…}].');
      const allowed = PATCH_WHITELIST[kind] ?? [];
      for (const [i, op] of operations.entries()) {
        const path = isObject(op) && typeof op.path === 'string' ? op.path : '';
        if (!allowed.some((a) => path === a || path.startsWith(`${a}/`))) {
          throw new SandboxError(settings.validationStatus, [
            {
              code: 'invalid_patch',
              message: `PATCH of "${path}" is not allowed on ${kind}; allowed: ${allowed.join(', ') || 'none'}.`,
              field: `[${i}].path`,
            },
          ]);
        }
      }
      resources.applyChange(kind, id(ctx), (doc) => applyPatch(doc, operations), { bumpLastModified: true });
      await store.commit();
      return { status: settings.patchStatus };
    });

    routes.add('DELETE', `${base}/:id`, async (ctx) => {
      resources.delete(kind, id(ctx));
      await store.commit();
      return noContent();
    });

    routes.add('GET', `${base}/:id/audit`, (ctx) => {
      const target = resources.get(kind, id(ctx));
      const ids = new Set([target._id]);
      if (kind === 'integrations') for (const flow of store.list('flows')) if (flow._integrationId === target._id) ids.add(flow._id);
      const entries = store.data.audit.filter((e) => ids.has(e._resourceId)).reverse();
      return pagedList(ctx, entries, settings);
    });

    routes.add('GET', `${base}/:id/dependencies`, (ctx) => {
      resources.get(kind, id(ctx));
      const result: Record<string, { id: string; name: string }[]> = {};
      for (const user of resources.usedBy(kind, id(ctx))) (result[user.kind] ??= []).push({ id: user.id, name: user.name });
      return ok(result);
    });
  }

  routes.add('POST', '/integrations/:id/clone', async (ctx) => {
    const copy = cloneIntegration(services, id(ctx), bodyObject(ctx));
    await store.commit();
    return created(resources.view('integrations', copy));
  });

  routes.add('POST', '/flows/:id/clone', async (ctx) => {
    const copy = cloneFlow(services, id(ctx), bodyObject(ctx));
    await store.commit();
    return created(resources.view('flows', copy));
  });

  for (const kind of ['exports', 'imports'] as const) {
    routes.add('POST', `/${kind}/:id/clone`, async (ctx) => {
      const body = bodyObject(ctx);
      const source = resources.get(kind, id(ctx));
      const copy = resources.create(kind, {
        ...stripServerFields(source),
        name: typeof body.name === 'string' ? body.name : `${String(source.name)} - Clone`,
        ...(typeof body._connectionId === 'string' ? { _connectionId: body._connectionId } : {}),
      });
      await store.commit();
      return created(resources.view(kind, copy));
    });
  }
};

function id(ctx: RequestContext): string {
  return ctx.params.id as string;
}

function bodyObject(ctx: RequestContext): JsonObject {
  if (ctx.body === undefined) return {};
  if (!isObject(ctx.body)) throw SandboxError.badRequest('invalid_body', 'The request body must be a JSON object.');
  return ctx.body;
}

/** Lists leave out scripts' `content` and mask secrets. */
function listView(services: Services, kind: Kind, doc: JsonObject): JsonObject {
  const view = services.resources.view(kind, doc);
  if (kind !== 'scripts' || !('content' in view)) return view;
  const summary = { ...view };
  delete summary.content;
  return summary;
}

function stripServerFields(doc: JsonObject): JsonObject {
  const copy = clone(doc);
  for (const field of [...SERVER_OWNED_FIELDS, 'apiIdentifier', 'lastExecutedAt']) delete copy[field];
  return copy;
}

/**
 * Clones a flow into an integration, with its exports and imports. Connections the flow uses
 * must each be mapped in `connectionMap` (`{ "<old id>": "<new id>" }`).
 */
export function cloneFlow(services: Services, flowId: string, body: JsonObject, inheritedMap?: Record<string, string>): JsonObject {
  const { store, resources } = services;
  const source = resources.get('flows', flowId);
  const integrationId = body._integrationId;
  if (typeof integrationId !== 'string' || !store.get('integrations', integrationId)) {
    throw new SandboxError(422, [{ code: 'invalid_ref', message: 'Integration not found for the given id', field: '_integrationId' }]);
  }
  const connectionMap = inheritedMap ?? (isObject(body.connectionMap) ? (body.connectionMap as Record<string, string>) : {});
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
      ...stripServerFields(step),
      ...(typeof step._connectionId === 'string' ? { _connectionId: connectionMap[step._connectionId] } : {}),
    });
    idMap[stepId] = copy._id as string;
  }
  const remapped = JSON.parse(
    JSON.stringify(stripServerFields(source)).replace(/"([0-9a-f]{24})"/g, (all, old: string) => (idMap[old] ? `"${idMap[old]}"` : all)),
  ) as JsonObject;
  return resources.create('flows', {
    ...remapped,
    name: typeof body.name === 'string' ? body.name : `${String(source.name)} - Clone`,
    _integrationId: integrationId,
    disabled: true,
  });
}

/** Clones an integration with all its flows; in the same account connections map to themselves. */
function cloneIntegration(services: Services, integrationId: string, body: JsonObject): JsonObject {
  const { store, resources } = services;
  const source = resources.get('integrations', integrationId);
  const copy = resources.create('integrations', {
    ...stripServerFields(source),
    name: typeof body.name === 'string' ? body.name : `${String(source.name)} - Clone`,
  });
  const selfMap: Record<string, string> = Object.fromEntries(store.list('connections').map((c) => [c._id as string, c._id as string]));
  const connectionMap = isObject(body.connectionMap) ? { ...selfMap, ...(body.connectionMap as Record<string, string>) } : selfMap;
  for (const flow of store.list('flows').filter((f) => f._integrationId === integrationId)) {
    cloneFlow(services, flow._id as string, { _integrationId: copy._id }, connectionMap);
  }
  return copy;
}
