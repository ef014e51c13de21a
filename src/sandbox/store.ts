/**
 * The sandbox's in-memory account with fast lookups, and its persistence. Every handler that
 * changes something calls `commit()` and answers only after the promise resolves, so with
 * `--data FILE` an acknowledged write is on disk.
 *
 * Resource and audit changes are logged with a way to undo them until they are committed: a
 * commit that fails (a full disk) undoes its changes, and so does a handler that fails before
 * committing, so an answer of 500 never leaves a half-applied write behind. Handlers run
 * synchronously up to their commit, so what is uncommitted at a failure is that handler's own.
 */
import { AccountData, AuditRecord, StoredError, StoredJob, StoredResource } from './account';
import { IdGenerator } from './ids';
import { JsonObject } from './json';
import { Kind, SANDBOX_KINDS } from './kinds';
import { AtomicJsonFile } from './persistence';

export class Store {
  readonly ids = new IdGenerator();
  private readonly byId = new Map<Kind, Map<string, StoredResource>>();
  private readonly jobsById = new Map<string, StoredJob>();
  private file: AtomicJsonFile<AccountData> | undefined;
  private uncommitted: { seq: number; undo: () => void }[] = [];
  private nextSeq = 0;

  constructor(public data: AccountData) {
    this.reindex();
  }

  /** Keeps the account in a file from now on. */
  attachFile(file: AtomicJsonFile<AccountData>): void {
    this.file = file;
  }

  /** Resolves when every change made so far is durable (at once without a data file). */
  commit(): Promise<void> {
    const undo = this.uncommitted;
    this.uncommitted = [];
    if (!this.file) return Promise.resolve();
    return this.file.write().catch((err: unknown) => {
      runBackwards(undo);
      throw err;
    });
  }

  /** A point to roll back to: taken before a handler runs. */
  mark(): number {
    return this.nextSeq;
  }

  /** Undoes the uncommitted resource and audit changes made since `mark` (its handler failed). */
  rollbackTo(mark: number): void {
    const undo = this.uncommitted.filter((entry) => entry.seq >= mark);
    this.uncommitted = this.uncommitted.filter((entry) => entry.seq < mark);
    runBackwards(undo);
  }

  private logUndo(undo: () => void): void {
    this.uncommitted.push({ seq: this.nextSeq++, undo });
  }

  async flush(): Promise<void> {
    await this.file?.flush();
  }

  // Resources ---------------------------------------------------------------------------------

  list(kind: Kind): readonly StoredResource[] {
    return this.data.resources[kind];
  }

  get(kind: Kind, id: string): JsonObject | undefined {
    return this.byId.get(kind)?.get(id);
  }

  insert(kind: Kind, doc: StoredResource): void {
    this.data.resources[kind].push(doc);
    this.byId.get(kind)?.set(doc._id, doc);
    this.logUndo(() => this.remove(kind, doc._id, false));
  }

  replace(kind: Kind, doc: StoredResource, undoable = true): void {
    const previous = this.byId.get(kind)?.get(doc._id);
    const list = this.data.resources[kind];
    const index = list.findIndex((d) => d._id === doc._id);
    if (index >= 0) list[index] = doc;
    this.byId.get(kind)?.set(doc._id, doc);
    if (previous && undoable) this.logUndo(() => this.replace(kind, previous, false));
  }

  remove(kind: Kind, id: string, undoable = true): void {
    const list = this.data.resources[kind];
    const index = list.findIndex((d) => d._id === id);
    if (index < 0) return;
    const [doc] = list.splice(index, 1);
    this.byId.get(kind)?.delete(id);
    if (undoable && doc) {
      this.logUndo(() => {
        list.splice(index, 0, doc);
        this.byId.get(kind)?.set(id, doc);
      });
    }
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
    this.logUndo(() => {
      const index = this.data.audit.lastIndexOf(entry);
      if (index >= 0) this.data.audit.splice(index, 1);
    });
  }

  nextErrorNumber(): number {
    return this.data.nextErrorNumber++;
  }

  private reindex(): void {
    for (const kind of SANDBOX_KINDS) {
      this.data.resources[kind] ??= [];
      this.byId.set(kind, new Map(this.data.resources[kind].map((d) => [d._id, d])));
    }
    this.jobsById.clear();
    for (const job of this.data.jobs) this.jobsById.set(job._id, job);
  }
}

function runBackwards(entries: readonly { undo: () => void }[]): void {
  for (let i = entries.length - 1; i >= 0; i--) entries[i]!.undo();
}
