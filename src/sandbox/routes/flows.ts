/**
 * Flow and integration extras: run, the integration's sub-collections, descendants, latest
 * jobs, last export time, and the open-error summaries.
 */
import { SandboxError } from '../apiError';
import { created, ok, param, RouteModule } from '../http';
import { isObject, JsonObject } from '../json';
import { filterByQuery, LIST_PARAMS, pagedList } from '../listing';
import { flowStepIds } from '../resourceService';
import { SandboxServices } from '../services';

export const flowRoutes: RouteModule = (routes, services) => {
  const { store, resources, jobs, settings } = services;

  routes.add('POST', '/flows/:id/run', async (ctx) => {
    const flow = resources.get('flows', param(ctx, 'id'));
    if (ctx.body !== undefined && !isObject(ctx.body)) throw SandboxError.badRequest('invalid_body', 'The run body must be a JSON object.');
    const job = jobs.runFlow(flow);
    await store.commit();
    return created({ _jobId: job._id });
  });

  routes.add('GET', '/flows/:id/descendants', (ctx) => {
    const flow = resources.get('flows', param(ctx, 'id'));
    const ids = new Set(flowStepIds(flow));
    const pick = (kind: 'exports' | 'imports') =>
      store
        .list(kind)
        .filter((d) => ids.has(d._id))
        .map((d) => resources.view(kind, d));
    return ok({ exports: pick('exports'), imports: pick('imports') });
  });

  routes.add('GET', '/flows/:id/jobs/latest', (ctx) => {
    resources.get('flows', param(ctx, 'id'));
    const latest = store.data.jobs
      .filter((j) => j.type === 'flow' && j._flowId === ctx.params.id)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, 1);
    return ok(latest);
  });

  routes.add('GET', '/flows/:id/lastExportDateTime', (ctx) => {
    const flow = resources.get('flows', param(ctx, 'id'));
    return ok({ lastExportDateTime: flow.lastExecutedAt ?? null });
  });

  routes.add('GET', '/flows/:id/errors', (ctx) => {
    resources.get('flows', param(ctx, 'id'));
    return ok({
      flowErrors: errorCountsBy(
        services,
        (e) => e._flowId === ctx.params.id,
        (e) => e._stepId,
        '_expOrImpId',
      ),
    });
  });

  routes.add('GET', '/integrations/:id/errors', (ctx) => {
    resources.get('integrations', param(ctx, 'id'));
    const flowIds = new Set(
      store
        .list('flows')
        .filter((f) => f._integrationId === ctx.params.id)
        .map((f) => f._id),
    );
    return ok(
      errorCountsBy(
        services,
        (e) => flowIds.has(e._flowId),
        (e) => e._flowId,
        '_flowId',
      ),
    );
  });

  for (const child of ['flows', 'exports', 'imports', 'connections'] as const) {
    routes.add('GET', `/integrations/:id/${child}`, (ctx) => {
      const integration = resources.get('integrations', param(ctx, 'id'));
      const items = filterByQuery(integrationChildren(services, integration, child), ctx.query, LIST_PARAMS);
      return pagedList(ctx, items, settings, (doc) => resources.view(child, doc));
    });
  }
};

/** Open errors counted per key, newest error time included. */
function errorCountsBy(
  services: SandboxServices,
  filter: (e: SandboxServices['store']['data']['errors'][number]) => boolean,
  key: (e: SandboxServices['store']['data']['errors'][number]) => string,
  keyName: string,
): JsonObject[] {
  const counts = new Map<string, { numError: number; lastErrorAt: string }>();
  for (const error of services.store.data.errors) {
    if (error.resolvedAt || !filter(error)) continue;
    const k = key(error);
    const entry = counts.get(k) ?? { numError: 0, lastErrorAt: error.occurredAt };
    entry.numError++;
    if (error.occurredAt > entry.lastErrorAt) entry.lastErrorAt = error.occurredAt;
    counts.set(k, entry);
  }
  return [...counts].map(([k, v]) => ({ [keyName]: k, ...v }));
}

/** What belongs to an integration: its flows, the steps they use, and the connections behind those and registered on it. */
export function integrationChildren(
  services: SandboxServices,
  integration: JsonObject,
  child: 'flows' | 'exports' | 'imports' | 'connections',
): readonly JsonObject[] {
  const { store } = services;
  const flows = store.list('flows').filter((f) => f._integrationId === integration._id);
  if (child === 'flows') return flows;
  const stepIds = new Set(flows.flatMap(flowStepIds));
  const steps = (kind: 'exports' | 'imports') => store.list(kind).filter((d) => stepIds.has(d._id) || d._integrationId === integration._id);
  if (child === 'exports' || child === 'imports') return steps(child);
  const registered: unknown = integration._registeredConnectionIds;
  const connectionIds = new Set<string>(
    Array.isArray(registered) ? registered.filter((id: unknown): id is string => typeof id === 'string') : [],
  );
  for (const doc of [...steps('exports'), ...steps('imports')])
    if (typeof doc._connectionId === 'string') connectionIds.add(doc._connectionId);
  return store.list('connections').filter((c) => connectionIds.has(c._id));
}
