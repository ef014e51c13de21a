/**
 * A flow's (an integration's) recent runs, newest first: the job view's "Show Recent Jobs" and the
 * agent tools' integratorJobHistory read them here. Flow jobs by default (`type: flow`; a caller
 * may ask for retry jobs too), in a createdAt window when given, as far back as a window asks and
 * one job more, so a caller knows whether there are more without reading them all: one `/jobs`
 * request per type reads up to a thousand.
 */
import { IntegratorClient } from '../api';
import { JOBS_PAGE_CAP } from '../api/jobs';
import { Job, JobType } from '../api/types';

export type RunsOf = { flowId: string } | { integrationId: string };

export interface RunsWindow {
  offset?: number;
  limit: number;
  /** Job types to list (default flow jobs only); each is its own `/jobs` query, merged newest first. */
  types?: readonly JobType[];
  /** createdAt bounds, ISO text (the API's createdAt_gte / createdAt_lte). */
  since?: string;
  until?: string;
}

export interface RecentRuns {
  runs: Job[];
  /** Older runs follow the window. */
  more: boolean;
  /** How many runs there are in all, when the list was read to its end (otherwise unknown). */
  total?: number;
}

export async function recentRuns(client: IntegratorClient, of: RunsOf, window: RunsWindow, signal?: AbortSignal): Promise<RecentRuns> {
  const filter = {
    ...('flowId' in of ? { _flowId: of.flowId } : { _integrationId: of.integrationId }),
    ...(window.since ? { createdAt_gte: window.since } : {}),
    ...(window.until ? { createdAt_lte: window.until } : {}),
  };
  const offset = window.offset ?? 0;
  const wanted = offset + window.limit + 1;
  // One query per type rather than a list of types: `type` is the filter the API documents.
  const lists = await Promise.all(
    (window.types ?? ['flow']).map((type) => readUpTo(client.jobs.list({ ...filter, type }, { signal }), wanted)),
  );
  const read = lists.flatMap((list) => list.jobs).sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  return {
    runs: read.slice(offset, offset + window.limit),
    more: read.length > offset + window.limit,
    ...(lists.every((list) => list.ended) ? { total: read.length } : {}),
  };
}

async function readUpTo(pages: AsyncIterable<Job[]>, wanted: number): Promise<{ jobs: Job[]; ended: boolean }> {
  const jobs: Job[] = [];
  for await (const page of pages) {
    jobs.push(...page);
    // A page short of the API's cap is the last one (as createdAtPages reads it): the count is known.
    if (page.length < JOBS_PAGE_CAP) return { jobs, ended: true };
    if (jobs.length >= wanted) return { jobs, ended: false };
  }
  return { jobs, ended: true };
}
