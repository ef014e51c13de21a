/**
 * integratorJobHistory: a flow's (or an integration's) recent runs and retries, newest first,
 * a page at a time, in a createdAt window when asked, read as "Show Recent Jobs" reads them
 * (model/recentRuns.ts); or one run with its steps' jobs (`/jobs/:id/family`), each step named.
 * Two requests for a flow's page (flow jobs and retry jobs; three for an integration's, whose
 * flows are named), two for one run.
 */
import { IntegratorClient } from '../api';
import { Job } from '../api/types';
import { textOf } from '../model/describe';
import { formatDuration } from '../model/format';
import { recentRuns, RunsOf } from '../model/recentRuns';
import { environmentField, environmentLabel, environmentOf, inputObject, pageOf, type Paging, requiredId } from './input';
import { readTimeWindow, TIME_WINDOW_SCHEMA, TimeWindow } from './timeWindow';
import { accountData, AgentTool, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY, pageProperties } from './schemaParts';

export interface JobHistoryInput extends TimeWindow {
  environment?: string;
  /** Exactly one of the three. */
  of: RunsOf | { jobId: string };
  offset: number;
  limit: number;
}

const PAGING: Paging = { maxOffset: 10_000, maxLimit: 50, defaultLimit: 10 };
const OWNERS = ['flowId', 'integrationId', 'jobId'] as const;

export const jobHistory: AgentTool<JobHistoryInput> = {
  name: 'integratorJobHistory',
  title: "A flow's job history",
  description:
    "The recent runs (jobs) of one integrator.io flow (flowId) or of every flow of an integration (integrationId), newest first, a page at a time (offset/limit) with the total when known: job id, type (flow: a run; retry: errors retried, with the step retried), status, started and ended, duration, and the counts of records succeeded, with errors, ignored and resolved. since/until (ISO 8601) keep only jobs created in that window. Given a jobId instead, that one run with each step's job (export or import, named) and its counts. Read-only: it neither runs nor cancels.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      flowId: { type: 'string', description: 'The flow whose runs to list (from integratorFindResources or integratorFlow).' },
      integrationId: { type: 'string', description: 'Or: the integration whose flows’ runs to list.' },
      jobId: { type: 'string', description: 'Or: one run (a job id from a list) to show with its steps.' },
      ...pageProperties('runs', PAGING),
      ...TIME_WINDOW_SCHEMA('jobs created'),
    },
  },
  read(input) {
    const o = inputObject(input, ['environment', ...OWNERS, 'offset', 'limit', 'since', 'until']);
    const given = OWNERS.filter((key) => o[key] !== undefined && o[key] !== null);
    if (given.length !== 1) throw new ToolInputError('Give exactly one of "flowId", "integrationId" or "jobId".');
    const key = given[0]!;
    const id = requiredId(o, key);
    const of = key === 'flowId' ? { flowId: id } : key === 'integrationId' ? { integrationId: id } : { jobId: id };
    const window = readTimeWindow(o);
    if (key === 'jobId' && (window.since || window.until))
      throw new ToolInputError('"since" and "until" list runs: give them with flowId or integrationId, not jobId.');
    return {
      of,
      ...window,
      ...pageOf(o, PAGING),
      ...environmentField(o),
    };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const signal = context.signal;
    if ('jobId' in input.of) {
      const family = await client.jobs.family(input.of.jobId, { signal });
      const names = family._flowId ? await stepNames(client, family._flowId, signal) : new Map<string, string>();
      return accountData({
        environment: environmentLabel(env),
        run: { ...jobOf(family), steps: (family.children ?? []).map((c) => stepOf(c, names)) },
      });
    }
    const { runs, more, total } = await recentRuns(client, input.of, { ...input, types: ['flow', 'retry'] }, signal);
    const flows = 'integrationId' in input.of ? await flowNames(client, input.of.integrationId, signal) : undefined;
    const next = input.offset + runs.length;
    const windowed = input.since || input.until ? ' in this time window' : '';
    return accountData({
      environment: environmentLabel(env),
      ...input.of,
      ...(input.since ? { since: input.since } : {}),
      ...(input.until ? { until: input.until } : {}),
      offset: input.offset,
      runs: runs.map((job) => ({
        ...(job.type === 'retry' ? { type: 'retry', retried: retriedStep(job) } : { type: job.type }),
        ...jobOf(job),
        ...(flows && job._flowId ? { flowId: job._flowId, flow: flows.get(job._flowId) ?? job._flowId } : {}),
      })),
      ...(total !== undefined ? { total } : {}),
      ...(more ? { more: `Older runs: call again with offset ${next}.` } : {}),
      ...(runs.length || more
        ? {}
        : {
            none:
              total && input.offset >= total
                ? `Offset ${input.offset} is past the end: there are ${total} runs${windowed}.`
                : `No runs${windowed}.`,
          }),
    });
  },
};

/** A job as a model reads it: what it is, how it went, how long it took, its counts. */
function jobOf(job: Job) {
  const duration = formatDuration(job.startedAt, job.endedAt);
  return {
    jobId: job._id,
    status: job.status,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.endedAt ? { endedAt: job.endedAt } : {}),
    ...(duration && job.endedAt ? { duration } : {}),
    ...(typeof job.numExport === 'number' ? { exported: job.numExport } : {}),
    succeeded: job.numSuccess ?? 0,
    errors: job.numError ?? 0,
    ignored: job.numIgnore ?? 0,
    resolved: job.numResolved ?? 0,
    ...(typeof job.numOpenError === 'number' ? { openErrors: job.numOpenError } : {}),
  };
}

/** What a retry job retried: errors of one step (its export or import). */
function retriedStep(job: Job) {
  return {
    ...(job._exportId ? { exportId: job._exportId } : {}),
    ...(job._importId ? { importId: job._importId } : {}),
    ...(!job._exportId && !job._importId ? { step: 'not named by the job' } : {}),
  };
}

/** A step's job: its export or import, named. */
function stepOf(job: Job, names: ReadonlyMap<string, string>) {
  const stepId = job._exportId ?? job._importId;
  return {
    type: job.type,
    ...(job._exportId ? { exportId: job._exportId } : {}),
    ...(job._importId ? { importId: job._importId } : {}),
    ...(stepId ? { name: names.get(stepId) ?? stepId } : {}),
    ...jobOf(job),
  };
}

/** The flow's exports and imports by id, named: one request (the flow's descendants). */
async function stepNames(client: IntegratorClient, flowId: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const { exports = [], imports = [] } = await client.flowDescendants(flowId, { signal });
  return new Map([...exports, ...imports].map((step) => [step._id, textOf(step.name) ?? step._id]));
}

/** An integration's flows by id, named: one request per page of its flows. */
async function flowNames(client: IntegratorClient, integrationId: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const page of client.integrationChildren(integrationId, 'flows', { include: ['name'], signal }))
    for (const flow of page) names.set(flow._id, textOf(flow.name) ?? flow._id);
  return names;
}
