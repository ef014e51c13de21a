/**
 * integratorRunFlow: runs a flow as "Run Flow" does (`POST /flows/:id/run`, commands/runCommands.ts),
 * after the person agrees to the tool's question and, in production, to the question a click asks.
 * A disabled flow runs only when the input says so (the click asks "Run it once anyway?"). It may
 * wait a bounded while for the run to finish; otherwise the run goes on and its job id is returned.
 */
import { IntegratorClient, JobStillRunningError } from '../api';
import { errorMessage } from '../api/errors';
import { Flow, Job } from '../api/types';
import { textOf } from '../model/describe';
import { actingConfirmation, declinedResult, environmentPhrase, refusedWrite } from './acting';
import { dataName, quotedName } from '../model/accountText';
import { environmentField, environmentLabel, environmentOf, inputObject, optionalInteger, requiredId } from './input';
import { accountData, AgentTool, ToolContext, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY } from './schemaParts';

export interface RunFlowInput {
  environment?: string;
  flowId: string;
  /** Seconds to wait for the run to finish; 0 returns at once. */
  waitSeconds: number;
  runDisabledOnce: boolean;
}

/** Long enough for a small flow to finish, short enough that a chat is not held for long. */
const MAX_WAIT_SECONDS = 300;
/** Step jobs listed in a finished run's answer. */
const MAX_STEPS = 50;

export const runFlow: AgentTool<RunFlowInput> = {
  name: 'integratorRunFlow',
  acting: true,
  title: 'Run an integrator.io flow',
  description:
    'Runs one integrator.io flow now, as its Run button does, after the user agrees (in VS Code they are asked, and in a production environment the production question too; an MCP server runs it only when started with --allow-writes, and the MCP client\'s approval is the question): its sources read their applications and its imports write to theirs. A disabled flow runs only with "runDisabledOnce": true, sent only when the user asked for it (it runs once; its schedule stays off). With "waitSeconds" it waits up to that long for the run to finish and returns its status and record counts, per step too; otherwise, or when the run takes longer, it returns the job id, and integratorJobHistory with the flowId reads the run\'s progress.',
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      flowId: { type: 'string', description: 'The flow id (from integratorFindResources or integratorFlow).' },
      waitSeconds: {
        type: 'integer',
        minimum: 0,
        maximum: MAX_WAIT_SECONDS,
        description: `Wait up to this many seconds for the run to finish (default 0: return once it has started).`,
      },
      runDisabledOnce: { type: 'boolean', description: 'true to run a disabled flow once anyway; its schedule stays off.' },
    },
    required: ['flowId'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'flowId', 'waitSeconds', 'runDisabledOnce']);
    if (o.runDisabledOnce !== undefined && typeof o.runDisabledOnce !== 'boolean')
      throw new ToolInputError('"runDisabledOnce" must be true or false.');
    return {
      flowId: requiredId(o, 'flowId'),
      waitSeconds: optionalInteger(o, 'waitSeconds', 0, MAX_WAIT_SECONDS) ?? 0,
      runDisabledOnce: o.runDisabledOnce === true,
      ...environmentField(o),
    };
  },
  async confirm(input, context) {
    const { env, flow, name } = await flowOf(input, context);
    const where = environmentPhrase(env);
    const flowName = quotedName(name);
    return actingConfirmation(
      env,
      `Run the ${flow.disabled ? 'disabled flow' : 'flow'} ${flowName}${flow.disabled ? ' once' : ''} in ${where}?`,
      [
        `The agent asks to run the flow ${flowName} in ${where} now: its sources read their applications and its imports write to theirs.`,
        ...(flow.disabled ? ['The flow is disabled: it runs this once, and its schedule stays off.'] : []),
        ...(input.waitSeconds ? [`The agent waits up to ${input.waitSeconds} seconds for the run to finish.`] : []),
      ],
    );
  },
  async invoke(input, context) {
    const { env, client, flow, name } = await flowOf(input, context);
    const named = { flow: { id: flow._id, name: dataName(name), ...(flow.disabled ? { disabled: true } : {}) } };
    const refused = await refusedWrite(context, env, { action: 'run', what: `flow ${quotedName(name)}` });
    if (refused) return declinedResult(env, refused, named);
    const jobId = await client.jobs.runFlow(flow._id, { signal: context.signal });
    const progress = `integratorJobHistory with {"flowId": "${flow._id}"} reads the run's progress and counts.`;
    const base = { environment: environmentLabel(env), ...named, ran: true, jobId };
    if (!input.waitSeconds) return accountData({ ...base, finished: false, next: `The run has started. ${progress}` });
    const waited = await waitFor(client, jobId, input.waitSeconds, context.signal);
    if (!waited.finished) {
      const why = waited.problem ?? `It had not finished after ${input.waitSeconds} second${input.waitSeconds === 1 ? '' : 's'}.`;
      return accountData({
        ...base,
        ...(waited.job ? { status: waited.job.status } : {}),
        finished: false,
        next: `${why} It goes on in integrator.io: ${progress}`,
      });
    }
    return accountData({ ...base, finished: true, ...runOf(waited.job) });
  },
};

/** The flow the input names, read (a read, before any write), refused when disabled unless the input says to run it anyway. */
async function flowOf(input: RunFlowInput, context: ToolContext) {
  const env = environmentOf(context, input.environment);
  const client = await context.client(env.id);
  const flow: Flow = await client.flows.get(input.flowId, { signal: context.signal });
  const name = textOf(flow.name) ?? flow._id;
  if (flow.disabled && !input.runDisabledOnce)
    throw new ToolInputError(
      `The flow ${quotedName(name)} is disabled, so it was not run. Ask the user whether to run it once anyway (its schedule stays off); only if they say so, send "runDisabledOnce": true.`,
    );
  return { env, client, flow, name };
}

type Waited = { finished: true; job: Job } | { finished: false; job?: Job; problem?: string };

/** Follows the job up to `seconds` (polls back off to 5 s, so it may end a poll later); a cancelled chat stops it. */
async function waitFor(client: IntegratorClient, jobId: string, seconds: number, signal?: AbortSignal): Promise<Waited> {
  try {
    return { finished: true, job: await client.jobs.follow(jobId, { timeoutMs: seconds * 1000, signal }) };
  } catch (err) {
    if (err instanceof JobStillRunningError) return { finished: false, job: err.job };
    // The run started: its id is the answer whatever stopped the waiting.
    if (signal?.aborted) return { finished: false, problem: 'Waiting was cancelled.' };
    return { finished: false, problem: `Reading the run failed: ${errorMessage(err)}.` };
  }
}

/** A finished run as a model reads it: status, counts, and each step job's counts. */
function runOf(job: Job) {
  const counts = (j: Job) => ({
    ...(typeof j.numExport === 'number' ? { exported: j.numExport } : {}),
    succeeded: j.numSuccess ?? 0,
    errors: j.numError ?? 0,
    ignored: j.numIgnore ?? 0,
    ...(typeof j.numOpenError === 'number' ? { openErrors: j.numOpenError } : {}),
  });
  const steps = (job.children ?? []).map((child) => ({
    stepId: child._exportId ?? child._importId,
    type: child.type,
    status: child.status,
    ...counts(child),
  }));
  const failing = steps.filter((s) => s.errors > 0 && s.stepId);
  return {
    status: job.status === 'completed' && (job.numError ?? 0) > 0 ? 'completed with errors' : job.status,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.endedAt ? { endedAt: job.endedAt } : {}),
    counts: counts(job),
    steps: steps.slice(0, MAX_STEPS),
    ...(steps.length > MAX_STEPS ? { moreSteps: `${steps.length - MAX_STEPS} more step jobs are not listed.` } : {}),
    ...(failing.length ? { next: 'integratorStepErrors with the flowId and a failing stepId reads its errors.' } : {}),
  };
}
