/**
 * Error management 2.0 for a flow step (`:stepId` is the step's export or import id): open and
 * resolved lists paged with `nextPageURL`, resolve, purge, retry, retry data, the HTTP exchange
 * behind an error (`reqAndResKey`), the filter lists, and the signed downloads of each.
 */
import { StoredError } from '../account';
import { SandboxError } from '../apiError';
import { isoDateParam } from '../queryDates';
import { noContent, ok, param, RequestContext, RouteModule } from '../http';
import { isObject, JsonObject } from '../json';
import { SandboxServices } from '../services';
import { csvFile, jsonFile } from '../signedFiles';

/** Every error source and classification the API names (reference §6.7), for the filter lists. */
const ERROR_SOURCES = [
  'internal',
  'application',
  'connection',
  'resource',
  'transformation',
  'output_filter',
  'input_filter',
  'import_filter',
  'lookup',
  'mapping',
  'response_mapping',
  'pre_save_page_hook',
  'pre_map_hook',
  'post_map_hook',
  'post_submit_hook',
  'post_response_map_hook',
  'post_aggregate_hook',
];
const ERROR_CLASSIFICATIONS = ['connection', 'duplicate', 'governance', 'missing', 'parse', 'value', 'intermittent', 'none'];
/** Columns of the downloaded error lists. */
const ERROR_FILE_COLUMNS = [
  'errorId',
  'occurredAt',
  'source',
  'code',
  'message',
  'classification',
  'traceKey',
  'retryDataKey',
  'resolvedAt',
];

/** Fields kept on the store's error records for its own bookkeeping, not shown by the API. */
const INTERNAL_FIELDS = ['_flowId', '_stepId', 'retryDataEditedAt'];

export const errorRoutes: RouteModule = (routes, services) => {
  errorListRoutes(routes, services);
  errorActionRoutes(routes, services);
  errorDetailRoutes(routes, services);
};

/** The open and resolved lists, the same lists as files, and what their filter menus offer. */
const errorListRoutes: RouteModule = (routes, services) => {
  const { store, settings } = services;

  routes.add('GET', '/flows/:id/:stepId/errors', (ctx) => {
    const step = checkStep(services, ctx);
    const open = store.stepErrors(step.flowId, step.stepId).filter((e) => !e.resolvedAt && matchesErrorQuery(e, ctx.query, 'occurredAt'));
    return pageOfErrors(ctx, open, 'errors', settings.errorPageSize);
  });

  routes.add('GET', '/flows/:id/:stepId/resolved', (ctx) => {
    const step = checkStep(services, ctx);
    const resolved = store
      .stepErrors(step.flowId, step.stepId)
      .filter((e) => e.resolvedAt && matchesErrorQuery(e, ctx.query, 'resolvedAt'));
    return pageOfErrors(ctx, resolved, 'resolved', settings.errorPageSize);
  });

  // The open or resolved list as a file, with the same filters as the list.
  for (const list of ['errors', 'resolved'] as const) {
    routes.add('GET', `/flows/:id/:stepId/${list}/signedURL`, (ctx) => {
      const step = checkStep(services, ctx);
      const timeField = list === 'errors' ? 'occurredAt' : 'resolvedAt';
      const rows = store
        .stepErrors(step.flowId, step.stepId)
        .filter((e) => (list === 'errors' ? !e.resolvedAt : !!e.resolvedAt) && matchesErrorQuery(e, ctx.query, timeField))
        .map(publicError);
      const file = csvFile(`${list}-${step.stepId}.csv`, ERROR_FILE_COLUMNS, rows);
      return ok({ signedURL: services.signedFiles.sign(ctx.origin, file) });
    });
  }

  // The sources and classifications a step's open errors have, for its filter menus.
  routes.add('GET', '/flows/:id/:stepId/errors/filterMetadata', (ctx) => {
    const step = checkStep(services, ctx);
    const open = store.stepErrors(step.flowId, step.stepId).filter((e) => !e.resolvedAt);
    const distinct = (values: string[]) => [...new Set(values)].sort();
    return ok({ sources: distinct(open.map((e) => e.source)), classifications: distinct(open.map((e) => e.classification)) });
  });

  routes.add('GET', '/errors/filterMetadata', () => ok({ sources: ERROR_SOURCES, classifications: ERROR_CLASSIFICATIONS }));
};

/** What is done to a step's errors: resolve, purge the resolved, retry. */
const errorActionRoutes: RouteModule = (routes, services) => {
  const { store, jobs } = services;

  routes.add('PUT', '/flows/:id/:stepId/resolved', async (ctx) => {
    const step = checkStep(services, ctx);
    const ids = idList(ctx.body, 'errors');
    const now = new Date().toISOString();
    for (const error of store.stepErrors(step.flowId, step.stepId)) {
      if (error.resolvedAt || !ids.includes(error.errorId)) continue;
      Object.assign(error, { resolvedAt: now, resolvedBy: store.data.user._id });
      jobs.adjustFlowJob(error._flowJobId, { numOpenError: -1, numResolved: 1 });
    }
    await store.commit();
    return noContent();
  });

  routes.add('DELETE', '/flows/:id/:stepId/resolved', async (ctx) => {
    const step = checkStep(services, ctx);
    const ids = idList(ctx.body, 'errors');
    store.data.errors = store.data.errors.filter(
      (e) => !(e._flowId === step.flowId && e._stepId === step.stepId && e.resolvedAt && ids.includes(e.errorId)),
    );
    await store.commit();
    return noContent();
  });

  routes.add('POST', '/flows/:id/:stepId/retry', async (ctx) => {
    const step = checkStep(services, ctx);
    const keys = idList(ctx.body, 'retryDataKeys');
    const job = jobs.retry(step.flowId, step.stepId, keys);
    await store.commit();
    return ok({ _jobId: job._id });
  });
};

/** What is behind one error: its retry data (read, edited, downloaded) and the HTTP exchange. */
const errorDetailRoutes: RouteModule = (routes, services) => {
  const { store } = services;

  routes.add('GET', '/flows/:id/:stepId/:retryDataKey/data', (ctx) => ok(retryData(services, ctx).data));

  routes.add('GET', '/flows/:id/:stepId/:retryDataKey/signedURL', (ctx) => {
    const { key, data } = retryData(services, ctx);
    return ok({ signedURL: services.signedFiles.sign(ctx.origin, jsonFile(`retry-data-${key}.json`, data)) });
  });

  routes.add('PUT', '/flows/:id/:stepId/:retryDataKey/data', async (ctx) => {
    const { error, key } = retryData(services, ctx);
    if (!isObject(ctx.body) || !('data' in ctx.body))
      throw SandboxError.badRequest('invalid_body', 'Send the retry data object back with its `data` edited.', 'data');
    store.data.retryData[key] = ctx.body;
    error.retryDataEditedAt = new Date().toISOString();
    await store.commit();
    return ok(ctx.body);
  });

  // The HTTP request and response behind an error, named by its `reqAndResKey`.
  routes.add('GET', '/flows/:id/:stepId/requests/:reqAndResKey', (ctx) => {
    const step = checkStep(services, ctx);
    const found = store.data.requests[param(ctx, 'reqAndResKey')];
    if (!found || found._flowId !== step.flowId || found._stepId !== step.stepId) throw SandboxError.notFound('Request');
    const { key, time, request, response } = found;
    return ok({ key, time, request, response });
  });
};

function checkStep(services: SandboxServices, ctx: RequestContext): { flowId: string; stepId: string } {
  const flowId = param(ctx, 'id');
  const stepId = param(ctx, 'stepId');
  services.resources.get('flows', flowId);
  if (!services.store.get('exports', stepId) && !services.store.get('imports', stepId)) throw SandboxError.notFound('Flow step');
  return { flowId, stepId };
}

function retryData(services: SandboxServices, ctx: RequestContext): { error: StoredError; key: string; data: JsonObject } {
  const step = checkStep(services, ctx);
  const key = param(ctx, 'retryDataKey');
  const error = services.store.stepErrors(step.flowId, step.stepId).find((e) => e.retryDataKey === key);
  const data = services.store.data.retryData[key];
  if (!error || !data) throw SandboxError.notFound('Retry data');
  return { error, key, data };
}

function idList(body: unknown, field: string): string[] {
  const list = isObject(body) ? body[field] : undefined;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) {
    throw SandboxError.badRequest('invalid_body', `The body must be {"${field}": ["…"]}.`, field);
  }
  return list;
}

function matchesErrorQuery(error: StoredError, query: URLSearchParams, timeField: 'occurredAt' | 'resolvedAt'): boolean {
  const time = String(error[timeField] ?? '');
  const gte = isoDateParam(query, `${timeField}_gte`);
  const lte = isoDateParam(query, `${timeField}_lte`);
  if (gte && time < gte) return false;
  if (lte && time > lte) return false;
  const sources = query.getAll('source');
  if (sources.length && !sources.includes(error.source)) return false;
  const classes = query.getAll('classification');
  if (classes.length && !classes.includes(error.classification)) return false;
  const job = query.get('_flowJobId');
  return !job || error._flowJobId === job;
}

/** A page of errors starting at `startAtErrorId`, with a UI-style `nextPageURL` when more follow. */
function pageOfErrors(ctx: RequestContext, errors: StoredError[], key: 'errors' | 'resolved', pageSize: number) {
  const sorted = [...errors].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.errorId.localeCompare(b.errorId));
  const startAt = ctx.query.get('startAtErrorId');
  const start = startAt
    ? Math.max(
        0,
        sorted.findIndex((e) => e.errorId === startAt),
      )
    : 0;
  const page = sorted.slice(start, start + pageSize).map(publicError);
  const body: JsonObject = { [key]: page };
  const next = sorted[start + pageSize];
  if (next) {
    const query = new URLSearchParams(ctx.query);
    query.set('startAtErrorId', next.errorId);
    body.nextPageURL = `/api${ctx.path}?${query.toString()}`;
  }
  return ok(body);
}

function publicError(error: StoredError): JsonObject {
  const copy: JsonObject = { ...error };
  for (const field of INTERNAL_FIELDS) delete copy[field];
  return copy;
}
