/**
 * The sandbox's in-memory account with fast lookups, and its persistence. Every handler that
 * changes something calls `commit()` and answers only after the promise resolves, so with
 * `--data FILE` an acknowledged write is on disk.
 */
import { AccountData, AuditRecord, StoredError, StoredJob } from './account';
import { IdGenerator } from './ids';
import { JsonObject } from './json';
import { Kind, RESOURCE_KINDS } from './kinds';
import { AtomicJsonFile } from './persistence';

export class Store {
  readonly ids = new IdGenerator();
  private readonly byId = new Map<Kind, Map<string, JsonObject>>();
  private readonly jobsById = new Map<string, StoredJob>();
  private file: AtomicJsonFile<AccountData> | undefined;

  constructor(public data: AccountData) {
    this.reindex();
  }

  /** Keeps the account in a file from now on. */
  attachFile(file: AtomicJsonFile<AccountData>): void {
    this.file = file;
  }

  /** Resolves when every change made so far is durable (at once without a data file). */
  commit(): Promise<void> {
    return this.file ? this.file.write() : Promise.resolve();
  }

  async flush(): Promise<void> {
    await this.file?.flush();
  }

  // Resources ---------------------------------------------------------------------------------

  list(kind: Kind): readonly JsonObject[] {
    return this.data.resources[kind];
  }

  get(kind: Kind, id: string): JsonObject | undefined {
    return this.byId.get(kind)?.get(id);
  }

  insert(kind: Kind, doc: JsonObject): void {
    this.data.resources[kind].push(doc);
    this.byId.get(kind)?.set(doc._id as string, doc);
  }

  replace(kind: Kind, doc: JsonObject): void {
    const list = this.data.resources[kind];
    const index = list.findIndex((d) => d._id === doc._id);
    if (index >= 0) list[index] = doc;
    this.byId.get(kind)?.set(doc._id as string, doc);
  }

  remove(kind: Kind, id: string): void {
    const list = this.data.resources[kind];
    const index = list.findIndex((d) => d._id === id);
    if (index >= 0) list.splice(index, 1);
    this.byId.get(kind)?.delete(id);
  }

  // Jobs, errors, audit -----------------------------------------------------------------------

  addJob(job: StoredJob): void {
    this.data.jobs.push(job);
    this.jobsById.set(job._id, job);
  }

  job(id: string): StoredJob | undefined {
    return this.jobsById.get(id);
  }

  childJobs(flowJobId: string): StoredJob[] {
    return this.data.jobs.filter((j) => j._flowJobId === flowJobId);
  }

  stepErrors(flowId: string, stepId: string): StoredError[] {
    return this.data.errors.filter((e) => e._flowId === flowId && e._stepId === stepId);
  }

  addAudit(entry: AuditRecord): void {
    this.data.audit.push(entry);
  }

  nextErrorNumber(): number {
    return this.data.nextErrorNumber++;
  }

  private reindex(): void {
    for (const kind of RESOURCE_KINDS) {
      this.data.resources[kind] ??= [];
      this.byId.set(kind, new Map(this.data.resources[kind].map((d) => [d._id as string, d])));
    }
    this.jobsById.clear();
    for (const job of this.data.jobs) this.jobsById.set(job._id, job);
  }
}
