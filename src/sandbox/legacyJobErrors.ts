/**
 * The older (error management 1.0) view of a job's errors: `GET /jobs/:id/joberrors`, its error
 * file, and the retry objects of `GET /retries?_jobId=`. The sandbox keeps one set of errors (the
 * 2.0 records); this module shows them in the 1.0 shapes of the API reference (job.md and
 * retry.md): an error belongs to the child job of its step, and each error with retry data has
 * a retry object whose id is derived from its `retryDataKey`.
 */
import { StoredError, StoredJob } from './account';
import { JsonObject } from './json';
import { Store } from './store';

/** The job an error belongs to in 1.0 terms: its step's child job, else the flow job. */
function jobIdOf(store: Store, error: StoredError): string | undefined {
  if (!error._flowJobId) return undefined;
  const child = store.childJobs(error._flowJobId).find((j) => j._exportId === error._stepId || j._importId === error._stepId);
  return child?._id ?? error._flowJobId;
}

/** Errors of a flow job (all of them) or of a child job (its step's). */
export function errorsOfJob(store: Store, job: StoredJob): StoredError[] {
  if (job.type === 'flow') return store.data.errors.filter((e) => e._flowJobId === job._id);
  if (!job._flowJobId) return [];
  const stepId = job._exportId ?? job._importId;
  return store.data.errors.filter((e) => e._flowJobId === job._flowJobId && e._stepId === stepId);
}

export function retryIdOf(error: StoredError): string {
  return error.retryDataKey.slice(0, 24);
}

/** A 1.0 job error, field for field as job.md's sample. */
export function jobErrorView(store: Store, error: StoredError): JsonObject {
  return {
    resolve: error.resolvedAt !== undefined,
    retry: false,
    createdAt: error.occurredAt,
    code: error.code,
    extract: '',
    generate: '',
    extracted: '',
    generated: '',
    message: error.message,
    source: error.source,
    exportDataURI: typeof error.exportDataURI === 'string' ? error.exportDataURI : '',
    importDataURI: typeof error.importDataURI === 'string' ? error.importDataURI : '',
    _retryId: retryIdOf(error),
    _jobId: jobIdOf(store, error) ?? '',
  };
}

/** A 1.0 retry object (retry.md): one record's retry data, kept in S3 under its key. */
export function retryView(store: Store, error: StoredError): JsonObject {
  return {
    _id: retryIdOf(error),
    type: 'object',
    _jobId: jobIdOf(store, error) ?? '',
    createdAt: error.occurredAt,
    data: { id: error.retryDataKey, host: 's3' },
  };
}

/** The error behind a retry id, when it still has retry data. */
export function errorOfRetry(store: Store, retryId: string): StoredError | undefined {
  return store.data.errors.find((e) => retryIdOf(e) === retryId && store.data.retryData[e.retryDataKey] !== undefined);
}
