/**
 * Pull Remote Changes: brings into the folder what changed in the account only (changed, added or
 * deleted there), and refuses where the folder changed too (a conflict is for a person to settle).
 */
import { bindingOf } from './pull';
import { writeBindings } from './bindings';
import { UnsafeFolderError } from './confinedFs';
import { removeResource, writeResource } from './folder';
import { LogicalKey } from './layout';
import { makePlan, PlanItem, PlanOptions } from './plan';

export interface PullRemoteReport {
  pulled: PlanItem[];
  /** Conflicts left alone. */
  refused: PlanItem[];
  written: string[];
  removed: string[];
}

export async function pullRemoteChanges(options: PlanOptions & { keys?: readonly LogicalKey[] }): Promise<PullRemoteReport> {
  const { plan, state } = await makePlan(options);
  // A folder with a link in it, or a binding pointing outside the integration, is written to no more than the account is.
  if (state.refusals.length) throw new UnsafeFolderError(state.refusals);
  const wanted = (item: PlanItem) => !options.keys || options.keys.includes(item.key);
  const report: PullRemoteReport = {
    pulled: [],
    refused: plan.items.filter((i) => i.action === 'conflict' && wanted(i)),
    written: [],
    removed: [],
  };
  for (const item of plan.items.filter((i) => i.action === 'remote-change' && wanted(i))) {
    if (item.remote === 'deleted') {
      report.removed.push(...(await removeResource(options.dir, item.key)));
      delete state.bindings.resources[item.key];
    } else {
      const resource = state.remote.get(item.key)!;
      const account = state.account.get(item.id!)!;
      report.written.push(...(await writeResource(options.dir, resource)));
      state.bindings.resources[item.key] = bindingOf(account, resource);
    }
    report.pulled.push(item);
  }
  await writeBindings(options.dir, options.environment, state.bindings);
  return report;
}
