/**
 * Simulated flow runs. A run creates a flow job that goes `queued → running → completed`
 * (or `failed`) over a couple of seconds, adding a child export job per page generator and a
 * child job per page processor, with counters that add up. Imports configured to fail some
 * records leave open errors with retry data. Retries run as `retry` jobs; jobs can be
 * cancelled (`canceling → canceled`).
 */
import { SandboxError } from './apiError';
import { StoredError, StoredJob, StoredResource } from './account';
import { hexKey, numericId } from './ids';
import { asText, hashString, isObject, JsonObject } from './json';
import { flavourOf, generateRecords } from './records';
import { childJobFields, flowJobFields, jobFiles, ZERO_COUNTS } from './jobShapes';
import { recordFailedRequest } from './requestLog';
import { flowStepIds } from './resourceService';
import { Store } from './store';
import { FaultSettings } from './faults';

export interface JobTiming {
  /** Time a new job waits in `queued`. */
  queuedMs: number;
  /** Time each step (child job) runs. */
  stepMs: number;
  /** Time from `canceling` to `canceled`. */
  cancelMs: number;
}

export const DEFAULT_TIMING: JobTiming = { queuedMs: 300, stepMs: 400, cancelMs: 200 };

const RECORDS_PER_PAGE = 20;
const FINISHED = new Set(['completed', 'failed', 'canceled']);

interface Step {
  kind: 'export' | 'import';
  id: string;
  oIndex: number;
}

export class JobEngine {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly timing: JobTiming,
    private readonly faults: () => FaultSettings,
  ) {}

  /** Starts a run of a flow; returns the new flow job (status `queued`). */
  runFlow(flow: StoredResource): StoredJob {
    const now = new Date();
    const job = this.newJob('flow', now, { ...flowJobFields(flow), ...ZERO_COUNTS, doneExporting: false });
    this.store.addJob(job);
    const steps = this.stepsOf(flow);
    this.schedule(job._id, this.timing.queuedMs, () => this.start(job, flow, steps));
    return job;
  }

  /** Retries errors of a step; returns the `retry` job. */
  retry(flowId: string, stepId: string, retryDataKeys: string[]): StoredJob {
    const flow = this.store.get('flows', flowId);
    const targets = this.store.stepErrors(flowId, stepId).filter((e) => !e.resolvedAt && retryDataKeys.includes(e.retryDataKey));
    const stepKind = this.store.get('imports', stepId) ? '_importId' : '_exportId';
    const job = this.newJob('retry', new Date(), {
      _flowId: flowId,
      [stepKind]: stepId,
      ...(flow && typeof flow._integrationId === 'string' ? { _integrationId: flow._integrationId } : {}),
      numSuccess: 0,
      numError: 0,
      numIgnore: 0,
      numExport: targets.length,
    });
    this.store.addJob(job);
    this.schedule(job._id, this.timing.queuedMs, () => {
      this.update(job, { status: 'running', startedAt: new Date().toISOString() });
      this.schedule(job._id, this.timing.stepMs, () => this.finishRetry(job, targets));
    });
    return job;
  }

  cancel(jobId: string): StoredJob {
    const job = this.store.job(jobId);
    if (!job) throw SandboxError.notFound('Job');
    if (FINISHED.has(job.status)) {
      throw new SandboxError(422, [
        { code: 'invalid_job_state', message: `The job has already ${job.status === 'canceled' ? 'been canceled' : job.status}.` },
      ]);
    }
    if (job.status === 'canceling') return job;
    this.clearTimer(job._id);
    this.update(job, { status: 'canceling' });
    const canceledBy = this.store.data.user._id;
    this.schedule(job._id, this.timing.cancelMs, () => {
      const endedAt = new Date().toISOString();
      for (const child of this.store.childJobs(job._id)) {
        if (!FINISHED.has(child.status)) this.update(child, { status: 'canceled', endedAt, lastExecutedAt: endedAt, canceledBy });
      }
      this.update(job, { status: 'canceled', endedAt, canceledBy, ...(job.type === 'flow' ? { doneExporting: true } : {}) });
      this.persist();
    });
    return job;
  }

  /** Stops every timer (the server is closing). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // Run simulation --------------------------------------------------------------------------

  private start(job: StoredJob, flow: StoredResource, steps: Step[]): void {
    const startedAt = new Date().toISOString();
    this.update(job, { status: 'running', startedAt, lastExecutedAt: startedAt });
    // lastExecutedAt is read-only and set by the system: lastModified stays as it is.
    const current = this.store.get('flows', flow._id);
    if (current) current.lastExecutedAt = startedAt;
    const behaviour = this.faults().jobs;
    if (behaviour === 'hang') return; // a job that never ends, for follower tests
    let records: JsonObject[] = [];
    let failed = behaviour === 'fail';
    const runStep = (index: number) => {
      const step = steps[index];
      if (!step || failed) return this.finishFlow(job, failed);
      const startedAt = new Date().toISOString();
      const child = this.newJob(step.kind, new Date(), {
        ...childJobFields(step.kind, step.id, job._id, step.oIndex),
        startedAt,
        lastExecutedAt: startedAt,
        status: 'running',
        ...ZERO_COUNTS,
      });
      this.store.addJob(child);
      this.persist();
      this.schedule(job._id, this.timing.stepMs, () => {
        if (step.kind === 'export' && step.oIndex === 0) {
          const result = this.runExport(job, flow._id, child, step.id);
          records = records.concat(result.records);
          failed = result.failed;
        } else {
          this.runProcessor(job, flow._id, child, step, records);
        }
        this.update(job, { lastExecutedAt: child.lastExecutedAt });
        runStep(index + 1);
      });
    };
    runStep(0);
  }

  private runExport(job: StoredJob, flowId: string, child: StoredJob, exportId: string): { records: JsonObject[]; failed: boolean } {
    const exportDoc = this.store.get('exports', exportId);
    const connection = this.connectionOf(exportDoc);
    const endedAt = new Date().toISOString();
    if (!exportDoc || connection?.offline === true) {
      const message = exportDoc ? `Connection "${String(connection?.name)}" is offline.` : 'The export no longer exists.';
      this.update(child, { status: 'failed', endedAt, numError: 1, numOpenError: 1 });
      this.update(job, { numError: num(job.numError) + 1, numOpenError: num(job.numOpenError) + 1 });
      this.addError(job, flowId, exportId, { source: 'connection', code: 'connection_offline', message, classification: 'connection' }, {});
      return { records: [], failed: true };
    }
    const count = 5 + (hashString(`${exportId}:${job._id}`) % 36);
    const records = generateRecords(`${exportId}:${job._id}`, flavourOf(exportDoc), 0, count);
    const pages = Math.ceil(count / RECORDS_PER_PAGE);
    this.update(child, { status: 'completed', endedAt, numExport: count, numSuccess: count, numPagesGenerated: pages });
    this.update(job, { numExport: num(job.numExport) + count, numPagesGenerated: num(job.numPagesGenerated) + pages });
    return { records, failed: false };
  }

  private runProcessor(job: StoredJob, flowId: string, child: StoredJob, step: Step, records: JsonObject[]): void {
    const endedAt = new Date().toISOString();
    const pages = Math.max(1, Math.ceil(records.length / RECORDS_PER_PAGE));
    if (step.kind === 'export') {
      // A lookup: every record is looked up, none fails.
      this.update(child, { status: 'completed', endedAt, numSuccess: records.length, numPagesProcessed: pages });
      this.update(job, { numPagesProcessed: num(job.numPagesProcessed) + pages });
      return;
    }
    const importDoc = this.store.get('imports', step.id);
    const connection = this.connectionOf(importDoc);
    const every = this.store.data.simulation.errorEvery[step.id] ?? 0;
    let errors = 0;
    records.forEach((record, i) => {
      const offline = connection?.offline === true;
      // Every Nth record fails; a run with fewer than N records fails its last, so a run of a demo
      // import meant to fail always leaves an error to look at (and a test that runs it, one to count).
      const failing = every > 0 && ((i + 1) % every === 0 || (records.length < every && i === records.length - 1));
      if (!offline && !failing) return;
      errors++;
      this.addError(job, flowId, step.id, offline ? offlineError(connection) : recordError(importDoc, record), record);
    });
    const success = records.length - errors;
    this.update(child, {
      status: 'completed',
      endedAt,
      numSuccess: success,
      numError: errors,
      numOpenError: errors,
      numPagesProcessed: pages,
    });
    this.update(job, {
      // A record succeeds in the run when no step failed it.
      numSuccess: Math.max(0, num(job.numExport) - num(job.numError) - errors),
      numError: num(job.numError) + errors,
      numOpenError: num(job.numOpenError) + errors,
      numPagesProcessed: num(job.numPagesProcessed) + pages,
    });
  }

  private finishFlow(job: StoredJob, failed: boolean): void {
    this.timers.delete(job._id);
    const endedAt = new Date();
    const flow = this.store.get('flows', String(job._flowId));
    const files = !failed && flow ? jobFiles(flow, job._id, endedAt, (id) => this.stepDoc(id)) : undefined;
    this.update(job, {
      status: failed ? 'failed' : 'completed',
      endedAt: endedAt.toISOString(),
      doneExporting: true,
      ...(files ? { files } : {}),
    });
    this.persist();
  }

  private finishRetry(job: StoredJob, targets: StoredError[]): void {
    this.timers.delete(job._id);
    const now = new Date().toISOString();
    let success = 0;
    for (const error of targets) {
      if (error.resolvedAt) continue;
      const connection = this.connectionOf(this.store.get('imports', error._stepId) ?? this.store.get('exports', error._stepId));
      // Data errors need their retry data fixed first; connection errors need the connection back.
      const fixed =
        error.classification === 'connection' || error.classification === 'intermittent'
          ? connection?.offline !== true
          : error.retryDataEditedAt !== undefined;
      if (fixed) {
        success++;
        Object.assign(error, { resolvedAt: now, resolvedBy: 'retry' });
        this.adjustFlowJob(error._flowJobId, { numOpenError: -1, numResolved: 1 });
      } else {
        error.occurredAt = now;
      }
    }
    this.update(job, { status: 'completed', endedAt: now, numSuccess: success, numError: targets.length - success });
    this.persist();
  }

  // Helpers --------------------------------------------------------------------------------

  /** Moves a flow job's counters when its errors are resolved or retried. */
  adjustFlowJob(flowJobId: string | undefined, delta: { numOpenError: number; numResolved: number }): void {
    const job = flowJobId ? this.store.job(flowJobId) : undefined;
    if (!job) return;
    this.update(job, {
      numOpenError: Math.max(0, num(job.numOpenError) + delta.numOpenError),
      numResolved: num(job.numResolved) + delta.numResolved,
    });
  }

  private addError(
    job: StoredJob,
    flowId: string,
    stepId: string,
    error: Pick<StoredError, 'source' | 'code' | 'message' | 'classification'>,
    record: JsonObject,
  ): void {
    const retryDataKey = hexKey();
    const traceKey = asText(record.id ?? record.internalId ?? record.Id ?? record.reference ?? retryDataKey.slice(0, 8));
    const occurredAt = new Date().toISOString();
    // Only a target that answered has an HTTP exchange to show; an offline connection sent nothing.
    const step = this.stepDoc(stepId);
    const reqAndResKey =
      error.source === 'application'
        ? recordFailedRequest(this.store.data.requests, occurredAt, { flowId, stepId }, step, this.connectionOf(step), record, error)
        : undefined;
    const stored: StoredError = {
      _flowId: flowId,
      _stepId: stepId,
      errorId: numericId(this.store.nextErrorNumber()),
      occurredAt,
      ...error,
      traceKey,
      oIndex: '1',
      retryDataKey,
      _flowJobId: job._id,
      classifiedBy: 'autopilot',
      ...(reqAndResKey ? { reqAndResKey } : {}),
    };
    this.store.data.errors.push(stored);
    this.store.data.retryData[retryDataKey] = { data: record, stage: 'page_processor_import', traceKey };
  }

  private stepsOf(flow: JsonObject): Step[] {
    const generators = Array.isArray(flow.pageGenerators) ? flow.pageGenerators.length : flow._exportId ? 1 : 0;
    return flowStepIds(flow).map((id, i) => {
      const isGenerator = i < generators;
      const kind: Step['kind'] = this.store.get('imports', id) ? 'import' : 'export';
      return { kind, id, oIndex: isGenerator ? 0 : i - generators + 1 };
    });
  }

  private connectionOf(doc: JsonObject | undefined): JsonObject | undefined {
    return doc && typeof doc._connectionId === 'string' ? this.store.get('connections', doc._connectionId) : undefined;
  }

  private newJob(type: StoredJob['type'], at: Date, fields: JsonObject): StoredJob {
    const createdAt = at.toISOString();
    return {
      _id: this.store.ids.next(at),
      type,
      status: 'queued',
      createdAt,
      lastModified: createdAt,
      purgeAt: new Date(at.getTime() + 30 * 86_400_000).toISOString(),
      ...fields,
    };
  }

  private update(job: StoredJob, fields: JsonObject): void {
    // A step's last execution is when it last did something: its end, once it has one.
    const executed = job._flowJobId && typeof fields.endedAt === 'string' ? { lastExecutedAt: fields.endedAt } : {};
    Object.assign(job, fields, executed, { lastModified: new Date().toISOString() });
  }

  private stepDoc(id: string): JsonObject | undefined {
    return this.store.get('exports', id) ?? this.store.get('imports', id);
  }

  private schedule(jobId: string, ms: number, action: () => void): void {
    this.clearTimer(jobId);
    const timer = setTimeout(() => {
      this.timers.delete(jobId);
      action();
    }, ms);
    timer.unref();
    this.timers.set(jobId, timer);
  }

  private clearTimer(jobId: string): void {
    const timer = this.timers.get(jobId);
    if (timer) clearTimeout(timer);
    this.timers.delete(jobId);
  }

  private persist(): void {
    this.store.commit().catch(() => undefined); // a failed background write is retried by the next one
  }
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function offlineError(connection: JsonObject | undefined): Pick<StoredError, 'source' | 'code' | 'message' | 'classification'> {
  return {
    source: 'connection',
    code: 'connection_offline',
    message: `Connection "${String(connection?.name)}" is offline; records were not sent.`,
    classification: 'connection',
  };
}

/** A believable application error for a record, naming a field the import maps. */
function recordError(
  importDoc: JsonObject | undefined,
  record: JsonObject,
): Pick<StoredError, 'source' | 'code' | 'message' | 'classification'> {
  const mapping = importDoc && isObject(importDoc.mapping) && Array.isArray(importDoc.mapping.fields) ? importDoc.mapping.fields : [];
  const firstField = mapping.find(isObject);
  const field = firstField && typeof firstField.generate === 'string' ? firstField.generate : 'email';
  const value = JSON.stringify(record[field] ?? record.email ?? null);
  return {
    source: 'application',
    code: 'invalid_value',
    message: `Invalid value for field "${field}": ${value}. The target application rejected the record.`,
    classification: 'value',
  };
}
