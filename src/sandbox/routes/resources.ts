/**
 * `/<plural>` for every resource kind: list, get, create, replace (PUT), JSON Patch, delete,
 * plus `/audit`, `/dependencies` and `/clone`.
 */
import { CloneService } from '../cloneService';
import { SandboxError } from '../apiError';
import { created, noContent, ok, param, RequestContext, RouteModule, RouteTable } from '../http';
import { isObject, JsonObject } from '../json';
import { Kind, PATCH_WHITELIST, SANDBOX_KINDS } from '../kinds';
import { filterByQuery, LIST_PARAMS, pagedList } from '../listing';
import { SandboxServices } from '../services';
import { applyPatch } from '../jsonPatch';

export const resourceRoutes: RouteModule = (routes, services) => {
  for (const kind of SANDBOX_KINDS) {
    documentRoutes(routes, services, kind);
    relationRoutes(routes, services, kind);
  }
  cloneRoutes(routes, services);
};

/** A kind's documents: list, create, get, replace, JSON Patch, delete. */
function documentRoutes(routes: RouteTable, services: SandboxServices, kind: Kind): void {
  const { store, resources, settings } = services;
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
    checkPatchPaths(kind, operations, settings.validationStatus);
    resources.applyChange(kind, id(ctx), (doc) => applyPatch(doc, operations), { bumpLastModified: true });
    await store.commit();
    return { status: settings.patchStatus };
  });

  routes.add('DELETE', `${base}/:id`, async (ctx) => {
    resources.delete(kind, id(ctx));
    await store.commit();
    return noContent();
  });
}

/** Refuses a JSON Patch that touches a field the kind's PATCH does not allow, naming the first such operation. */
function checkPatchPaths(kind: Kind, operations: unknown[], validationStatus: number): void {
  const allowed = PATCH_WHITELIST[kind] ?? [];
  for (const [i, op] of operations.entries()) {
    const path = isObject(op) && typeof op.path === 'string' ? op.path : '';
    if (!allowed.some((a) => path === a || path.startsWith(`${a}/`))) {
      throw new SandboxError(validationStatus, [
        {
          code: 'invalid_patch',
          message: `PATCH of "${path}" is not allowed on ${kind}; allowed: ${allowed.join(', ') || 'none'}.`,
          field: `[${i}].path`,
        },
      ]);
    }
  }
}

/** What a document is linked to: its audit log (an integration's includes its flows') and what uses it. */
function relationRoutes(routes: RouteTable, services: SandboxServices, kind: Kind): void {
  const { store, resources, settings } = services;
  const base = `/${kind}`;

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

/** `/clone` of integrations, flows, exports and imports. */
const cloneRoutes: RouteModule = (routes, services) => {
  const { store, resources } = services;
  const cloning = new CloneService(store, resources);

  routes.add('POST', '/integrations/:id/clone', async (ctx) => {
    const copy = cloning.integration(id(ctx), bodyObject(ctx));
    await store.commit();
    return created(resources.view('integrations', copy));
  });

  routes.add('POST', '/flows/:id/clone', async (ctx) => {
    const copy = cloning.flow(id(ctx), bodyObject(ctx));
    await store.commit();
    return created(resources.view('flows', copy));
  });

  for (const kind of ['exports', 'imports'] as const) {
    routes.add('POST', `/${kind}/:id/clone`, async (ctx) => {
      const copy = cloning.step(kind, id(ctx), bodyObject(ctx));
      await store.commit();
      return created(resources.view(kind, copy));
    });
  }
};

function id(ctx: RequestContext): string {
  return param(ctx, 'id');
}

function bodyObject(ctx: RequestContext): JsonObject {
  if (ctx.body === undefined) return {};
  if (!isObject(ctx.body)) throw SandboxError.badRequest('invalid_body', 'The request body must be a JSON object.');
  return ctx.body;
}

/** Lists leave out scripts' `content` and mask secrets. */
function listView(services: SandboxServices, kind: Kind, doc: JsonObject): JsonObject {
  const view = services.resources.view(kind, doc);
  if (kind !== 'scripts' || !('content' in view)) return view;
  const summary = { ...view };
  delete summary.content;
  return summary;
}
