/**
 * Apply: makes the environment follow the folder. It plans first and refuses a plan with
 * conflicts, unbound connections or problems, writing nothing. Then, in dependency order, it
 * binds matched connections, adopts what the environment already holds (adoption.ts), creates (new flows disabled unless asked otherwise), updates with a
 * full PUT of the merged document, and, only with consent, deletes. Each step's result goes into
 * the binding file at once, so a run that stops at a failure (or is cancelled) can simply be run
 * again: what was done is then unchanged. Unchanged resources get no request beyond the plan's reads.
 */
import { JsonObject } from '../api/types';
import { Binding, writeBindings } from './bindings';
import { FolderResource, hashOfResource } from './folder';
import { mergeForUpdate } from './folderForm';
import { collectionOf, LogicalKey } from './layout';
import { blockReason, makePlan, Plan, PlanItem, PlanOptions, PlanState } from './plan';
import { effectOf } from './planItem';
import { keysToIds } from './references';

export interface ApplyOptions extends PlanOptions {
  /** Delete what was removed from the folder (otherwise deletions are left for later). */
  allowDelete?: boolean;
  /** Create new flows enabled (by default they are created disabled). */
  enableNewFlows?: boolean;
  /**
   * The plan a person agreed to: if the folder or the environment changed since, so that an item
   * would now write or replace other content, or a connection change differs, nothing is applied.
   */
  expected?: Plan;
  /** Called before each step, for progress. */
  onStep?: (item: PlanItem, index: number, total: number) => void;
}

export interface AppliedStep {
  item: PlanItem;
  /** The id the resource has in the environment after the step. */
  id?: string;
}

export interface ApplyReport {
  plan: Plan;
  /** Why nothing was applied, when the plan forbade it. */
  refused?: string;
  applied: AppliedStep[];
  failed?: { item: PlanItem; message: string };
  /** Steps not taken: after a failure or a cancellation, and deletions without consent. */
  notApplied: { item: PlanItem; why: string }[];
  cancelled?: boolean;
}

export async function apply(options: ApplyOptions): Promise<ApplyReport> {
  const { plan, state } = await makePlan(options);
  const report: ApplyReport = { plan, applied: [], notApplied: [] };
  const refused = blockReason(plan) ?? changedSince(options.expected, plan);
  if (refused) return { ...report, refused };
  const deletes = (item: PlanItem) => effectOf(item) === 'delete';
  const steps = plan.items.filter((i) => effectOf(i) !== undefined && (!deletes(i) || options.allowDelete));
  for (const item of plan.items) if (deletes(item) && !options.allowDelete) report.notApplied.push({ item, why: 'deleting needs consent' });
  const runner = new StepRunner(options, state);
  for (const [index, item] of steps.entries()) {
    if (options.signal?.aborted) {
      report.cancelled = true;
      report.notApplied.push(...steps.slice(index).map((i) => ({ item: i, why: 'cancelled' })));
      break;
    }
    options.onStep?.(item, index, steps.length);
    try {
      report.applied.push({ item, id: await runner.run(item) });
    } catch (err) {
      report.failed = { item, message: err instanceof Error ? err.message : String(err) };
      report.notApplied.push(...steps.slice(index + 1).map((i) => ({ item: i, why: `not reached: ${item.key} failed` })));
      break;
    }
  }
  await runner.dropStaleBindings();
  return report;
}

/** Said when the plan made just before writing is not the one agreed to. */
export const CHANGED_SINCE_SHOWN = 'the folder or the account changed since the plan was shown: plan again';

/**
 * Whether the plan about to be applied is the one agreed to: the same actions on the same ids,
 * the same content written and replaced (an edit the actions do not show, such as a connection's
 * base URI changed after a harmless rename, would otherwise be applied unasked), and the same
 * connection changes.
 */
function changedSince(expected: Plan | undefined, plan: Plan): string | undefined {
  if (!expected) return undefined;
  const said = (p: Plan) => JSON.stringify([p.items.map((i) => [i.key, i.action, i.id ?? '', i.fingerprint ?? '']), p.connectionChanges]);
  return said(expected) === said(plan) ? undefined : CHANGED_SINCE_SHOWN;
}

/** Whether everything the plan asked for was applied (the CLI exits 0 only then). */
export function appliedEverything(report: ApplyReport): boolean {
  return !report.refused && !report.failed && !report.cancelled && report.notApplied.length === 0;
}

class StepRunner {
  constructor(
    private readonly options: ApplyOptions,
    private readonly state: PlanState,
  ) {}

  private get bindings() {
    return this.state.bindings;
  }

  async run(item: PlanItem): Promise<string | undefined> {
    switch (item.action) {
      case 'bind':
        return this.bind(item);
      case 'adopt':
        return this.adopt(item);
      case 'create':
        return this.create(this.resource(item.key));
      case 'update':
        return this.update(this.resource(item.key), item.id!);
      case 'delete':
        await collectionOf(this.options.client, item.kind).delete(item.id!, { signal: this.options.signal });
        delete this.bindings.resources[item.key];
        await this.save();
        return undefined;
      default:
        return item.id;
    }
  }

  private async bind(item: PlanItem): Promise<string> {
    const match = this.state.matches.get(item.key)!;
    await this.record(item.key, match, this.resource(item.key), { boundByName: true });
    return match.id;
  }

  /** What the environment already holds: bound, and updated only where it differs from the folder. */
  private async adopt(item: PlanItem): Promise<string> {
    const id = item.id!;
    const resource = this.resource(item.key);
    if (item.differs) return this.update(resource, id);
    await this.record(item.key, this.state.account.get(id)!, resource);
    return id;
  }

  private async create(resource: FolderResource): Promise<string> {
    const body = this.accountForm(resource);
    if (resource.kind === 'flows') body.disabled = !this.options.enableNewFlows;
    const created = await collectionOf(this.options.client, resource.kind).create(body, { signal: this.options.signal });
    await this.record(resource.key, { id: created._id, doc: created }, resource);
    return created._id;
  }

  private async update(resource: FolderResource, id: string): Promise<string> {
    const current = this.state.account.get(id)!.doc;
    const body = mergeForUpdate(resource.kind, this.accountForm(resource), current);
    if (resource.kind === 'scripts') body.content = resource.code ?? '';
    const updated = await collectionOf(this.options.client, resource.kind).update(id, body, { signal: this.options.signal });
    await this.record(resource.key, { id: updated._id ?? id, doc: updated }, resource);
    return id;
  }

  /** The folder's document with keys replaced by this environment's ids (and a script's code). */
  private accountForm(resource: FolderResource): JsonObject {
    const { doc, unbound } = keysToIds(resource.doc, (key) => this.bindings.resources[key]?.id);
    if (unbound.length) throw new Error(`${resource.key} refers to ${[...new Set(unbound)].join(', ')}, not yet in this environment.`);
    if (resource.kind === 'scripts') doc.content = resource.code ?? '';
    return doc;
  }

  /** Binds `key` to what the account now holds: its id, and its `lastModified` as the base of the next comparison. */
  private async record(
    key: LogicalKey,
    { id, doc }: { id: string; doc: JsonObject },
    resource: FolderResource,
    extra: Partial<Binding> = {},
  ): Promise<void> {
    const binding: Binding = { id, hash: hashOfResource(resource), ...extra };
    if (typeof doc.lastModified === 'string') binding.lastModified = doc.lastModified;
    this.bindings.resources[key] = binding;
    await this.save();
  }

  /** Bindings of resources gone from both the folder and the account. */
  async dropStaleBindings(): Promise<void> {
    let dropped = false;
    for (const [key, binding] of Object.entries(this.bindings.resources)) {
      if (!this.state.folder.has(key) && !this.state.account.has(binding.id) && !binding.boundByName) {
        delete this.bindings.resources[key];
        dropped = true;
      }
    }
    if (dropped) await this.save();
  }

  private resource(key: LogicalKey): FolderResource {
    return this.state.folder.get(key)!;
  }

  private save(): Promise<void> {
    return writeBindings(this.options.dir, this.options.environment, this.bindings);
  }
}
