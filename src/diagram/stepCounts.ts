/**
 * A flow's live counts for its diagram: each step's success, error and ignore counts from the
 * flow's latest run (its job family), and its open errors (GET /flows/:id/errors). Read with the
 * project's client; a count that cannot be read is left out, never guessed.
 */
import { IntegratorClient } from '../api';
import { Job } from '../api/types';

export interface StepCounts {
  success?: number;
  errors?: number;
  ignored?: number;
  /** Open errors of the step now, older runs' too. */
  open?: number;
}

/** Counts by step resource id (export or import). */
export async function readStepCounts(client: IntegratorClient, flowId: string): Promise<Map<string, StepCounts>> {
  const counts = new Map<string, StepCounts>();
  const at = (id: string) => counts.get(id) ?? (counts.set(id, {}), counts.get(id)!);
  const [summary, latest] = await Promise.all([
    client.errors.flowSummary(flowId).catch(() => undefined),
    client.jobs
      .list({ _flowId: flowId, type: 'flow' })
      .next()
      .then((page) => (page.done ? undefined : page.value[0]))
      .catch(() => undefined),
  ]);
  for (const e of summary?.flowErrors ?? []) if (e._expOrImpId) at(e._expOrImpId).open = e.numError;
  const family = latest ? await client.jobs.family(latest._id).catch(() => undefined) : undefined;
  return family ? withRun(counts, family) : counts;
}

/**
 * The counts with a run's: each step's success, error and ignore counts from the job family (as
 * a run goes on, or once it ended), and the open errors as they were. Returns a new map.
 */
export function withRun(counts: Map<string, StepCounts>, family: Job): Map<string, StepCounts> {
  const next = new Map<string, StepCounts>([...counts].map(([id, c]) => [id, c.open !== undefined ? { open: c.open } : {}]));
  for (const child of family.children ?? []) {
    const id = child._exportId ?? child._importId;
    if (!id) continue;
    // One resource on two branches runs as two child jobs: its box says both.
    const c = next.get(id) ?? {};
    next.set(id, {
      ...c,
      success: (c.success ?? 0) + (child.numSuccess ?? 0),
      errors: (c.errors ?? 0) + (child.numError ?? 0),
      ignored: (c.ignored ?? 0) + (child.numIgnore ?? 0),
    });
  }
  return next;
}

/** "24 ok · 3 failed · 0 ignored": the latest run's counts, as a step's box says them. */
export function countsText(c: StepCounts | undefined): string | undefined {
  if (c?.success === undefined) return undefined;
  return `${c.success} ok · ${c.errors ?? 0} failed · ${c.ignored ?? 0} ignored`;
}
