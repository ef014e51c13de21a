/**
 * `/jobs`: filtered lists (newest first, capped, paged by the client with `createdAt_lte`),
 * one job, its family, cancel, the files a run moved, and the older job-error routes. Queries
 * without a narrowing filter are refused as the API does. A list without `type` holds every
 * type that matches: a date filter alone returns flow jobs and their child jobs in one flat list,
 * as recorded, while `_flowId` or `_integrationId` find flow jobs only (children carry neither).
 */
import { StoredJob } from '../account';
import { SandboxError } from '../apiError';
import { errorsOfJob, jobErrorView } from '../legacyJobErrors';
import { dateParam } from '../queryDates';
import { noContent, ok, param, RouteModule } from '../http';
import { isObject, JsonObject } from '../json';
import { generateRecords, flavourOf } from '../records';
import { csvFile, jsonFile } from '../signedFiles';
import { Store } from '../store';

const PARENT_FILTERS = [
  '_integrationId',
  '_flowId',
  '_exportId',
  '_importId',
  '_flowJobId',
  '_jobId',
  'createdAt_gte',
  'createdAt_lte',
  '_bulkJobId',
];
const CHILD_FILTERS = ['_flowJobId', '_exportId', '_importId', 'resourceId'];
const CHILD_TYPES = new Set(['export', 'import']);
/** Columns of the error file, as the 1.0 job errors name them. */
const ERROR_FILE_COLUMNS = ['createdAt', 'code', 'message', 'source', 'exportDataURI', 'importDataURI', '_retryId', '_jobId'];

export const jobRoutes: RouteModule = (routes, services) => {
  jobListRoutes(routes, services);
  oneJobRoutes(routes, services);
  jobOutputRoutes(routes, services);
};

/** `GET /jobs`: the jobs the query keeps, newest first, capped as the API caps them. */
const jobListRoutes: RouteModule = (routes, { store, settings }) => {
  routes.add('GET', '/jobs', (ctx) => {
    const found = store.data.jobs
      .filter(jobQuery(ctx.query))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, settings.jobsPageCap);
    return ok(found);
  });
};

/** One job, the families of jobs, and cancel. */
const oneJobRoutes: RouteModule = (routes, services) => {
  const { store, jobs } = services;

  routes.add('GET', '/jobs/:id', (ctx) => ok(jobOf(store, param(ctx, 'id'))));

  routes.add('GET', '/jobs/:id/family', (ctx) => {
    const parent = jobOf(store, param(ctx, 'id'));
    return ok({ ...parent, children: store.childJobs(parent._id).sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
  });

  routes.add('POST', '/jobs/family', (ctx) => {
    if (!Array.isArray(ctx.body)) throw SandboxError.badRequest('invalid_body', 'The body must be an array of job ids.');
    return ok(
      ctx.body
        .filter((id): id is string => typeof id === 'string' && !!store.job(id))
        .map((id) => ({ ...store.job(id)!, children: store.childJobs(id) })),
    );
  });

  routes.add('PUT', '/jobs/:id/cancel', async (ctx) => {
    const canceled = jobs.cancel(param(ctx, 'id'));
    await store.commit();
    return ok(canceled);
  });
};

/** What a job left behind: its errors (the older job-error view, and as a file) and the files its run moved. */
const jobOutputRoutes: RouteModule = (routes, services) => {
  const { store } = services;

  routes.add('GET', '/jobs/:id/joberrors', (ctx) => {
    const found = jobOf(store, param(ctx, 'id'));
    return ok(errorsOfJob(store, found).map((e) => jobErrorView(store, e)));
  });

  routes.add('GET', '/jobs/:id/errorFile/signedURL', (ctx) => {
    const found = jobOf(store, param(ctx, 'id'));
    const rows = errorsOfJob(store, found).map((e) => jobErrorView(store, e));
    return ok({ signedURL: services.signedFiles.sign(ctx.origin, csvFile(`errors-${found._id}.csv`, ERROR_FILE_COLUMNS, rows)) });
  });

  // The files a run moved (`files` on the flow job): one URL, or one per file when several are asked for.
  routes.add('POST', '/jobs/:id/files/signedURL', (ctx) => {
    const found = jobOf(store, param(ctx, 'id'));
    const files = Array.isArray(found.files) ? found.files.filter(isObject) : [];
    const wanted = isObject(ctx.body) && Array.isArray(ctx.body.fileIds) ? ctx.body.fileIds : undefined;
    const chosen = wanted ? files.filter((f) => wanted.includes(f.id)) : files;
    if (chosen.length === 0) return noContent();
    const urls = chosen.map((file) => services.signedFiles.sign(ctx.origin, runFile(store, found, file)));
    return ok(urls.length === 1 ? { signedURL: urls[0] } : { signedURLs: urls });
  });
};

/**
 * Which jobs a `/jobs` query keeps. A query without a narrowing filter is refused first, as the
 * API refuses it, and so is a date that is not one.
 */
function jobQuery(q: URLSearchParams): (job: StoredJob) => boolean {
  const types = [...q.getAll('type'), ...indexed(q, 'type_in')];
  const isChildQuery = types.length > 0 && types.every((t) => CHILD_TYPES.has(t));
  if (isChildQuery && !CHILD_FILTERS.some((f) => q.has(f))) {
    throw SandboxError.badRequest('invalid_query', 'For child jobs, query parameters must contain either "_flowJobId" or "resourceId"');
  }
  if (!isChildQuery && !PARENT_FILTERS.some((f) => q.has(f)) && indexed(q, '_flowId_in').length === 0) {
    throw SandboxError.badRequest(
      'invalid_query',
      'For parent jobs, query parameters must contain either "_integrationId" or "_jobId" or "createdAt"',
    );
  }
  const wantedTypes = types.length ? new Set(types) : undefined;
  const statuses = [...q.getAll('status'), ...indexed(q, 'status_in')];
  const flowIds = indexed(q, '_flowId_in');
  const gte = dateParam(q, 'createdAt_gte');
  const lte = dateParam(q, 'createdAt_lte');
  const numericFilters = [...q.keys()].filter((k) => /^num\w+_(gte|lte)$/.test(k));
  return (job) => {
    if (wantedTypes && !wantedTypes.has(job.type)) return false;
    for (const field of ['_integrationId', '_flowId', '_exportId', '_importId', '_flowJobId'] as const) {
      const want = q.get(field);
      if (want !== null && job[field] !== want) return false;
    }
    if (q.has('_jobId') && job._id !== q.get('_jobId')) return false;
    const resourceId = q.get('resourceId');
    if (resourceId !== null && job._exportId !== resourceId && job._importId !== resourceId) return false;
    if (statuses.length && !statuses.includes(job.status)) return false;
    if (flowIds.length && !flowIds.includes(String(job._flowId))) return false;
    const created = Date.parse(job.createdAt);
    if (gte !== undefined && created < gte) return false;
    if (lte !== undefined && created > lte) return false;
    if (!numericFilters.every((key) => withinCount(job, key, Number(q.get(key))))) return false;
    if (q.has('retriable') && String(job.retriable === true) !== q.get('retriable')) return false;
    return true;
  };
}

/**
 * Whether a job's count (`numError_gte=1`: `numError`, at least 1) is within the bound; a count
 * it lacks is 0. Only a count past the bound fails: a bound that is not a number keeps every job.
 */
function withinCount(job: StoredJob, key: string, limit: number): boolean {
  const [, field, bound] = /^(num\w+)_(gte|lte)$/.exec(key)!;
  const count = job[field!];
  const value = typeof count === 'number' ? count : 0;
  return !(bound === 'gte' ? value < limit : value > limit);
}

function jobOf(store: Store, id: string): StoredJob {
  const found = store.job(id);
  if (!found) throw SandboxError.notFound('Job');
  return found;
}

/** A file of the run: the records its export read, as the export's file type. */
function runFile(store: Store, flowJob: StoredJob, file: JsonObject) {
  const exportDoc = flowJob._exportId ? store.get('exports', flowJob._exportId) : undefined;
  const count = typeof flowJob.numExport === 'number' ? Math.min(flowJob.numExport, 500) : 0;
  const records = generateRecords(`${String(flowJob._exportId)}:${flowJob._id}`, exportDoc ? flavourOf(exportDoc) : 'generic', 0, count);
  const name = String(file.name);
  if (!name.endsWith('.csv')) return jsonFile(name, records);
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return csvFile(name, columns, records);
}

/** `name[0]=a&name[1]=b` (and `name=a` for convenience) as a list. */
function indexed(query: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (const [key, value] of query.entries()) if (key === name || key.startsWith(`${name}[`)) values.push(value);
  return values;
}
