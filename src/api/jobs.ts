/**
 * Flow runs and jobs: `POST /flows/:id/run` and `/jobs`. Jobs are not Link-paged; see
 * `createdAtPages`.
 */
import { pathSegment } from './pathSegment';
import { collect, createdAtPages } from './paging';
import { CallOptions } from './resources';
import { sleep } from './sleep';
import { Transport } from './transport';
import { Job } from './types';

/** The optional body of a run. */
export interface RunFlowOptions extends CallOptions {
  /** Custom start date for delta exports (`{"export":{"startDate"}}`). */
  startDate?: string | Date;
  endDate?: string | Date;
  /** Run only these page generators. */
  exportIds?: string[];
  runKey?: string;
}

/** `/jobs` filters. Parent-job queries need one of the ids or a createdAt bound (the API says so with 400). */
export interface JobQuery {
  _integrationId?: string;
  _flowId?: string;
  _exportId?: string;
  _importId?: string;
  _flowJobId?: string;
  type?: string;
  status?: string | string[];
  createdAt_gte?: string | Date;
  createdAt_lte?: string | Date;
  [filter: string]: string | number | boolean | Date | string[] | undefined;
}

/** Most rows one `/jobs` page holds (the API says 1001; observed 1000). A full page means more may follow. */
export const JOBS_PAGE_CAP = 1000;

export class JobsApi {
  constructor(private readonly transport: Transport) {}

  /** Starts a flow; resolves with the new flow job's id. A run is never retried automatically. */
  async runFlow(flowId: string, options: RunFlowOptions = {}): Promise<string> {
    const body: Record<string, unknown> = {};
    if (options.startDate || options.endDate) {
      body.export = {
        ...(options.startDate ? { startDate: toIso(options.startDate) } : {}),
        ...(options.endDate ? { endDate: toIso(options.endDate) } : {}),
      };
    }
    if (options.exportIds?.length) body._exportIds = options.exportIds;
    if (options.runKey) body.runKey = options.runKey;
    const response = await this.transport.request<{ _jobId: string }>({
      method: 'POST',
      path: `/flows/${pathSegment(flowId)}/run`,
      body,
      signal: options.signal,
    });
    return response.body._jobId;
  }

  /** Pages of jobs, newest first. */
  list(query: JobQuery, options: CallOptions & { pageCap?: number } = {}): AsyncGenerator<Job[]> {
    return createdAtPages<Job>(this.transport, '/jobs', query, options.pageCap ?? JOBS_PAGE_CAP, options);
  }

  listAll(query: JobQuery, options: CallOptions & { pageCap?: number } = {}): Promise<Job[]> {
    return collect(this.list(query, options));
  }

  async get(jobId: string, options: CallOptions = {}): Promise<Job> {
    return (await this.transport.request<Job>({ path: `/jobs/${pathSegment(jobId)}`, signal: options.signal })).body;
  }

  /** The job with its child export/import jobs in `children`. */
  async family(jobId: string, options: CallOptions = {}): Promise<Job> {
    return (await this.transport.request<Job>({ path: `/jobs/${pathSegment(jobId)}/family`, signal: options.signal })).body;
  }

  /** Asks a queued or running job to stop; it moves to `canceling`, then `canceled`. */
  async cancel(jobId: string, options: CallOptions = {}): Promise<Job | undefined> {
    return (
      await this.transport.request<Job | undefined>({
        method: 'PUT',
        path: `/jobs/${pathSegment(jobId)}/cancel`,
        signal: options.signal,
      })
    ).body;
  }

  /**
   * Polls a job until it is completed, failed or canceled, and resolves with its family (the
   * job and its child jobs). Polls back off from `intervalMs`; a poll that fails with a
   * transient error is tried again at the next tick.
   */
  async follow(jobId: string, options: FollowOptions = {}): Promise<Job> {
    const started = Date.now();
    const timeoutMs = options.timeoutMs ?? 30 * 60_000;
    let interval = options.intervalMs ?? 1000;
    let last: Job | undefined;
    for (;;) {
      try {
        const job = await this.family(jobId, { signal: options.signal });
        if (!last || job.status !== last.status || job.lastModified !== last.lastModified) options.onUpdate?.(job);
        last = job;
        if (FINISHED_JOB_STATUSES.has(job.status)) return job;
      } catch (err) {
        const transient = err instanceof Error && 'isTransient' in err && Boolean(err.isTransient);
        if (!transient) throw err;
      }
      if (Date.now() - started > timeoutMs) throw new JobStillRunningError(last ?? ({ _id: jobId, status: 'running' } as Job));
      await sleep(interval, options.signal, () => new Error('Stopped following the job.'));
      interval = Math.min(interval * 1.5, options.maxIntervalMs ?? 5000);
    }
  }

  /** Latest flow jobs of a flow. */
  async latestForFlow(flowId: string, options: CallOptions = {}): Promise<Job[]> {
    return (
      (
        await this.transport.request<Job[] | undefined>({
          path: `/flows/${pathSegment(flowId)}/jobs/latest`,
          signal: options.signal,
        })
      ).body ?? []
    );
  }
}

export interface FollowOptions extends CallOptions {
  /** Called with each new state of the job. */
  onUpdate?: (job: Job) => void;
  /** First wait between polls; it grows to `maxIntervalMs`. Default 1 s. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up after this long (the job goes on). Default 30 min. */
  timeoutMs?: number;
}

/** Raised when a followed job has not finished in time. The job itself goes on and can be cancelled. */
export class JobStillRunningError extends Error {
  constructor(readonly job: Job) {
    super(`The job is still ${job.status} after the time allowed for following it.`);
  }
}

export const FINISHED_JOB_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'canceled']);

function toIso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}
