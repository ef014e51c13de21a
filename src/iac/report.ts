/**
 * Plans and apply reports as plain text, one line per resource, for a CI log and for the
 * extension's output channel alike. Every value from the account or the folder (names, keys,
 * reasons, problems, paths) goes through `printable`, so none can move the cursor, erase or forge
 * a line.
 */
import { ApplyReport } from './apply';
import { Plan } from './plan';
import { Effect, effectOf, PlanAction, PlanItem } from './planItem';
import { printable as p } from './printable';
import { PullReport } from './pull';
import { PullRemoteReport } from './pullRemoteChanges';

const MARK: Record<PlanAction, string> = {
  create: '+ create',
  update: '~ update',
  delete: '- delete',
  bind: '= bind',
  adopt: '= adopt',
  'needs-connection': '? needs connection',
  'remote-change': '< remote change',
  conflict: '! conflict',
  unchanged: '  unchanged',
};

export function planLines(plan: Plan, options: { showUnchanged?: boolean } = {}): string[] {
  const integration = plan.integration ? `, integration "${p(plan.integration.name)}" (${p(plan.integration.id)})` : '';
  const lines = [`Plan for ${p(plan.environment)} (${p(plan.baseUrl)})${integration}:`];
  const shown = plan.items.filter((i) => options.showUnchanged || i.action !== 'unchanged');
  for (const item of shown) lines.push(`  ${itemLine(item)}`);
  if (shown.length === 0) lines.push('  nothing to do: the folder and the environment agree.');
  for (const problem of plan.problems) lines.push(`  problem: ${p(problem)}`);
  for (const warning of plan.warnings) lines.push(`  warning: ${p(warning)}`);
  lines.push(summary(plan.items));
  return lines;
}

export function itemLine(item: PlanItem): string {
  return `${MARK[item.action].padEnd(20)} ${p(item.key)}${item.name ? ` ("${p(item.name)}")` : ''}: ${p(item.reason)}`;
}

function summary(items: readonly PlanItem[]): string {
  const count = (action: PlanAction) => items.filter((i) => i.action === action).length;
  const parts = (
    [
      ['create', 'to create'],
      ['update', 'to update'],
      ['delete', 'to delete'],
      ['bind', 'to bind'],
      ['adopt', 'to adopt'],
      ['needs-connection', 'needing a connection'],
      ['conflict', 'in conflict'],
      ['remote-change', 'changed in the account'],
      ['unchanged', 'unchanged'],
    ] as const
  )
    .map(([action, words]) => [count(action), words] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`);
  return parts.length ? `${parts.join(', ')}.` : 'The folder holds nothing.';
}

export function applyLines(report: ApplyReport): string[] {
  if (report.refused) return [...planLines(report.plan), `Nothing applied: ${p(report.refused)}.`];
  const lines = [`Apply to ${p(report.plan.environment)} (${p(report.plan.baseUrl)}):`];
  for (const step of report.applied) lines.push(`  done      ${itemLine(step.item)}`);
  if (report.failed) lines.push(`  FAILED    ${p(report.failed.item.key)}: ${p(report.failed.message)}`);
  for (const { item, why } of report.notApplied) lines.push(`  not done  ${p(item.key)} (${item.action}): ${p(why)}`);
  const remote = report.plan.items.filter((i) => i.action === 'remote-change');
  if (remote.length)
    lines.push(
      `  ${remote.length} changed in the account and not in the folder: pull remote changes to bring ${remote.length === 1 ? 'it' : 'them'} in.`,
    );
  lines.push(
    report.failed
      ? `Stopped at ${p(report.failed.item.key)}: ${report.applied.length} applied, ${report.notApplied.length} not. Run apply again once it is fixed.`
      : report.cancelled
        ? `Cancelled: ${report.applied.length} applied, ${report.notApplied.length} not. Run apply again to finish.`
        : `${report.applied.length} applied${report.notApplied.length ? `, ${report.notApplied.length} not` : ''}.`,
  );
  return lines;
}

/** What a pull wrote; `from` names the environment where the reader may not know it (VS Code's log). */
export function pullLines(report: PullReport, dir: string, from?: string): string[] {
  return [
    `Pulled "${p(report.integrationName)}" (${report.resources} resources)${from === undefined ? '' : ` from "${p(from)}"`} into ${p(dir)}: ` +
      `${report.written.length} file${report.written.length === 1 ? '' : 's'} written, ${report.removed.length} removed.`,
  ];
}

export function pullRemoteLines(report: PullRemoteReport): string[] {
  return [
    `${report.pulled.length} remote change${report.pulled.length === 1 ? '' : 's'} pulled.`,
    ...report.refused.map((i) => `  not pulled (conflict): ${p(i.key)}: ${p(i.reason)}`),
  ];
}

/**
 * What an apply would do, counted as a change record would: what it creates or changes in the
 * account, then what is only bound (a connection matched by name, or a resource adopted as it
 * is): "1 change (1 to update); 15 already there, bound as they are". Counting a binding as a
 * change made a promotion that changed one export say "16 changes" to production. Deletions are
 * asked about on their own.
 */
export function changeCount(plan: Plan): string {
  const effects = plan.items.map(effectOf);
  const count = (effect: Effect) => effects.filter((e) => e === effect).length;
  const creates = count('create');
  const updates = count('update');
  const bound = count('bind');
  const parts = [creates ? `${creates} to create` : '', updates ? `${updates} to update` : ''].filter(Boolean);
  const changes = creates + updates;
  const head = `${changes} change${changes === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  return bound ? `${head}; ${bound} already there, bound as ${bound === 1 ? 'it is' : 'they are'}` : head;
}

/** What an apply did, counted as changeCount counts what it would do. */
export function appliedCount(report: ApplyReport): string {
  const bound = report.applied.filter((s) => effectOf(s.item) === 'bind').length;
  const changed = report.applied.length - bound;
  const head = `${changed} change${changed === 1 ? '' : 's'}`;
  return bound ? `${head}, ${bound} bound as ${bound === 1 ? 'it was' : 'they were'}` : head;
}
