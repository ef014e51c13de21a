/**
 * Helps seeds build a consistent account: ids and timestamps set as the server would, audit
 * entries for each create and update, and past runs whose job counters add up.
 */
import { AccountData, emptyAccount, SandboxUser, StoredJob } from '../account';
import { fieldChanges } from '../audit';
import { hexKey, IdGenerator, numericId } from '../ids';
import { asText, clone, JsonObject } from '../json';
import { Kind, SINGULAR } from '../kinds';
import { flowStepIds } from '../resourceService';
import { applyServerFields } from '../serverFields';
import { childJobFields, flowJobFields, jobFiles } from '../jobShapes';
import { recordFailedRequest } from '../requestLog';

const DAY = 86_400_000;

export class SeedBuilder {
  readonly account: AccountData;
  private readonly ids: IdGenerator;
  private readonly now = Date.now();

  constructor(
    user: SandboxUser,
    seedNumber: number,
    /** Audit entries are skipped for large accounts (they would dwarf the data). */
    private readonly audited = true,
  ) {
    this.account = emptyAccount(user);
    this.ids = new IdGenerator(seedNumber);
  }

  /** A moment `days` ago (fractions allowed). */
  ago(days: number): Date {
    return new Date(this.now - days * DAY);
  }

  add<T extends JsonObject>(kind: Kind, fields: T, daysAgo: number, by: SandboxUser = this.account.user): T & { _id: string } {
    const at = this.ago(daysAgo);
    const doc = { _id: this.ids.next(at), ...fields, createdAt: at.toISOString(), lastModified: at.toISOString() };
    applyServerFields(kind, doc, undefined);
    this.account.resources[kind].push(doc);
    this.audit(kind, doc._id, 'create', [], at, 'ui', by);
    return doc;
  }

  /** Changes a resource in the past, leaving an audit entry with the field changes. */
  update(kind: Kind, doc: JsonObject, changes: JsonObject, daysAgo: number, source = 'ui', by: SandboxUser = this.account.user): void {
    const before = clone(doc);
    Object.assign(doc, changes);
    const at = this.ago(daysAgo);
    doc.lastModified = at.toISOString();
    const changed = fieldChanges(kind, before, doc);
    if (changed.length === 0) throw new Error(`Seed update of ${String(doc.name)} changes nothing`); // a history entry must say something
    this.audit(kind, doc._id as string, 'update', changed, at, source, by);
  }

  /**
   * A finished run of a flow `daysAgo`: a flow job with one child job per step. `errors` lists,
   * per import id, the records that failed; they become open errors with retry data.
   */
  pastRun(
    flow: JsonObject,
    daysAgo: number,
    options: { records: number; errors?: Record<string, JsonObject[]>; failed?: boolean; canceled?: boolean } = { records: 10 },
  ): StoredJob {
    const started = this.ago(daysAgo);
    const allSteps = flowStepIds(flow);
    // A run whose export failed stops there: recorded failed runs have no children after it.
    const stepIds = options.failed ? allSteps.slice(0, 1) : allSteps;
    const generators = Array.isArray(flow.pageGenerators) ? flow.pageGenerators.length : 1;
    const errorsByStep = options.errors ?? {};
    const numError = Object.values(errorsByStep).reduce((n, list) => n + list.length, 0);
    const status = options.canceled ? 'canceled' : options.failed ? 'failed' : 'completed';
    const ended = new Date(started.getTime() + 20_000 + stepIds.length * 7_000);
    const exported = options.failed ? 0 : options.records;
    const jobId = this.ids.next(started);
    const files = status === 'completed' ? jobFiles(flow, jobId, ended, (id) => this.step(id)) : undefined;
    const canceledBy = options.canceled ? { canceledBy: this.account.user._id } : {};
    const job: StoredJob = {
      _id: jobId,
      type: 'flow',
      status,
      ...flowJobFields(flow),
      createdAt: started.toISOString(),
      startedAt: started.toISOString(),
      endedAt: ended.toISOString(),
      lastExecutedAt: ended.toISOString(),
      lastModified: ended.toISOString(),
      purgeAt: new Date(started.getTime() + 30 * DAY).toISOString(),
      numExport: exported * generators,
      numSuccess: options.failed ? 0 : exported * generators - numError,
      numError: options.failed ? 1 : numError,
      numOpenError: options.failed ? 1 : numError,
      numResolved: 0,
      numIgnore: 0,
      numPagesGenerated: options.failed ? 0 : generators * Math.max(1, Math.ceil(exported / 20)),
      numPagesProcessed: options.failed ? 0 : (stepIds.length - generators) * Math.max(1, Math.ceil(exported / 20)),
      doneExporting: true,
      ...(files ? { files } : {}),
      ...canceledBy,
    };
    this.account.jobs.push(job);
    stepIds.forEach((stepId, i) => {
      const isImport = this.account.resources.imports.some((d) => d._id === stepId);
      const stepErrors = errorsByStep[stepId]?.length ?? 0;
      // A run canceled by hand is stopped while it imports: its exports had finished.
      const childStatus = options.failed ? 'failed' : status === 'canceled' && i < generators ? 'completed' : status;
      const childEnded = new Date(started.getTime() + (i + 1) * 7_000).toISOString();
      this.account.jobs.push({
        _id: this.ids.next(started),
        type: isImport ? 'import' : 'export',
        status: childStatus,
        ...childJobFields(isImport ? 'import' : 'export', stepId, job._id, i < generators ? 0 : i - generators + 1),
        createdAt: new Date(started.getTime() + i * 7_000).toISOString(),
        startedAt: new Date(started.getTime() + i * 7_000).toISOString(),
        endedAt: childEnded,
        lastExecutedAt: childEnded,
        lastModified: ended.toISOString(),
        purgeAt: job.purgeAt,
        numExport: i < generators ? exported : 0,
        numSuccess: options.failed ? 0 : exported - stepErrors,
        numError: options.failed && i === 0 ? 1 : stepErrors,
        numOpenError: options.failed && i === 0 ? 1 : stepErrors,
        numResolved: 0,
        numIgnore: 0,
        numPagesGenerated: i < generators ? Math.ceil(exported / 20) : 0,
        numPagesProcessed: i < generators ? 0 : Math.ceil(exported / 20),
        ...(childStatus === 'canceled' && isImport ? canceledBy : {}),
      });
    });
    const integrationFlow = this.account.resources.flows.find((f) => f._id === flow._id);
    if (integrationFlow) integrationFlow.lastExecutedAt = started.toISOString();
    return job;
  }

  /** Open errors of a step from a past run, each with retry data holding the failed record. */
  openErrors(
    job: StoredJob,
    stepId: string,
    records: JsonObject[],
    error: { code: string; message: (r: JsonObject) => string; source?: string; classification?: string },
    minutesAfter = 2,
  ): void {
    const at = new Date(Date.parse(job.createdAt) + minutesAfter * 60_000).toISOString();
    for (const record of records) {
      const retryDataKey = hexKey();
      const traceKey = asText(record.id ?? record.internalId ?? record.Id ?? retryDataKey.slice(0, 6));
      const source = error.source ?? 'application';
      const message = error.message(record);
      const step = this.step(stepId);
      const connection = this.account.resources.connections.find((c) => c._id === step?._connectionId);
      const ids = { flowId: job._flowId as string, stepId };
      const reqAndResKey =
        source === 'application'
          ? recordFailedRequest(this.account.requests, at, ids, step, connection, record, { code: error.code, message })
          : undefined;
      this.account.errors.push({
        _flowId: job._flowId as string,
        _stepId: stepId,
        errorId: numericId(this.account.nextErrorNumber++),
        occurredAt: at,
        source,
        code: error.code,
        message,
        classification: error.classification ?? 'value',
        classifiedBy: 'autopilot',
        traceKey,
        oIndex: '1',
        retryDataKey,
        _flowJobId: job._id,
        exportDataURI: traceKey,
        ...(reqAndResKey ? { reqAndResKey } : {}),
      });
      this.account.retryData[retryDataKey] = { data: record, stage: 'page_processor_import', traceKey, dataURI: traceKey };
    }
  }

  /** The export or import with this id. */
  private step(id: string): JsonObject | undefined {
    return this.account.resources.exports.find((d) => d._id === id) ?? this.account.resources.imports.find((d) => d._id === id);
  }

  private audit(
    kind: Kind,
    resourceId: string,
    event: 'create' | 'update',
    changes: ReturnType<typeof fieldChanges>,
    at: Date,
    source: string,
    by: SandboxUser,
  ): void {
    if (!this.audited) return;
    this.account.audit.push({
      _id: this.ids.next(at),
      resourceType: SINGULAR[kind],
      _resourceId: resourceId,
      source,
      event,
      time: at.toISOString(),
      byUser: { ...by },
      fieldChanges: changes,
    });
  }

  /** Sorts the audit log by time (seeds add entries out of order). */
  finish(): AccountData {
    this.account.audit.sort((a, b) => a.time.localeCompare(b.time));
    return this.account;
  }
}
