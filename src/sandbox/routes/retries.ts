/**
 * `/retries`: the older (error management 1.0) retry objects, one per error with retry data,
 * listed by job (`?_jobId=`, a flow job or one of its child jobs), with the data behind each.
 * They are another view of the same errors `/flows/:flowId/:stepId/…` serves.
 */
import { StoredError } from '../account';
import { SandboxError } from '../apiError';
import { ok, param, RequestContext, RouteModule } from '../http';
import { isObject } from '../json';
import { errorOfRetry, errorsOfJob, retryView } from '../legacyJobErrors';
import { SandboxServices } from '../services';
import { jsonFile } from '../signedFiles';

export const retryRoutes: RouteModule = (routes, services) => {
  const { store } = services;

  routes.add('GET', '/retries', (ctx) => {
    const jobId = ctx.query.get('_jobId');
    const job = jobId ? store.job(jobId) : undefined;
    if (jobId && !job) return ok([]);
    const errors = job ? errorsOfJob(store, job) : store.data.errors;
    return ok(
      errors
        .filter((e) => store.data.retryData[e.retryDataKey] !== undefined)
        .slice(0, services.settings.jobsPageCap)
        .map((e) => retryView(store, e)),
    );
  });

  routes.add('GET', '/retries/:id/data', (ctx) => ok(store.data.retryData[retryOf(services, ctx).retryDataKey]!.data));

  routes.add('PUT', '/retries/:id/data', async (ctx) => {
    const error = retryOf(services, ctx);
    if (ctx.body === undefined) throw SandboxError.badRequest('invalid_body', 'Send the record to retry as the body.');
    const current = store.data.retryData[error.retryDataKey]!;
    store.data.retryData[error.retryDataKey] = { ...current, data: isObject(ctx.body) ? ctx.body : { value: ctx.body } };
    error.retryDataEditedAt = new Date().toISOString();
    await store.commit();
    return ok(store.data.retryData[error.retryDataKey]!.data);
  });

  routes.add('GET', '/retries/:id/signedURL', (ctx) => {
    const error = retryOf(services, ctx);
    const file = jsonFile(`retry-${param(ctx, 'id')}.json`, store.data.retryData[error.retryDataKey]!.data);
    return ok({ signedURL: services.signedFiles.sign(ctx.origin, file) });
  });
};

function retryOf(services: SandboxServices, ctx: RequestContext): StoredError {
  const error = errorOfRetry(services.store, param(ctx, 'id'));
  if (!error) throw SandboxError.notFound('Retry');
  return error;
}
