/**
 * A flow's (an integration's) recent runs, newest first: the job view's "Show Recent Jobs" and the
 * agent tools' integratorJobHistory read them here. Flow jobs only (`type: flow`), as far back as
 * a window asks and one job more, so a caller knows whether there are more without reading them
 * all: one `/jobs` request reads up to a thousand.
 */
import { IntegratorClient } from '../api';
import { Job } from '../api/types';

export type RunsOf = { flowId: string } | { integrationId: string };

export interface RecentRuns {
  runs: Job[];
  /** Older runs follow the window. */
  more: boolean;
}

export async function recentRuns(
  client: IntegratorClient,
  of: RunsOf,
  window: { offset?: number; limit: number },
  signal?: AbortSignal,
): Promise<RecentRuns> {
  const filter = 'flowId' in of ? { _flowId: of.flowId } : { _integrationId: of.integrationId };
  const offset = window.offset ?? 0;
  const read: Job[] = [];
  for await (const page of client.jobs.list({ ...filter, type: 'flow' }, { signal })) {
    read.push(...page);
    if (read.length > offset + window.limit) break;
  }
  return { runs: read.slice(offset, offset + window.limit), more: read.length > offset + window.limit };
}
