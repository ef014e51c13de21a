/**
 * integratorResolveErrors and integratorRetryErrors: a flow step's open errors resolved or retried,
 * as the errors view does it (api/errorManagement.ts), given by id or all of them, at most
 * MAX_ERRORS a call. Both read the step's open errors first, so an id that is not one of them is
 * said and not sent, and the question names how many errors, of which step, flow and environment;
 * "all" then acts on the errors the question named (see `asked`), not on whatever is open by then.
 */
import { IntegratorClient } from '../api';
import { ErrorRecord, JsonObject } from '../api/types';
import { buildFlowGraph } from '../diagram/flowGraph';
import { textOf } from '../model/describe';
import { actingConfirmation, declinedResult, environmentPhrase, refusedWrite } from './acting';
import { dataName, quotedName } from '../model/accountText';
import { environmentField, environmentLabel, environmentOf, inputObject, requiredId } from './input';
import { accountData, AgentTool, JsonSchema, ToolContext, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY } from './schemaParts';

export interface ErrorActionInput {
  environment?: string;
  flowId: string;
  stepId: string;
  /** The errors to act on; undefined with `all`. */
  errorIds?: string[];
  all: boolean;
}

/** Errors one call acts on: a question about more than this is not one a person reads. */
export const MAX_ERRORS = 100;
/** Open errors read looking for the given ids: a step with more is not searched to its end. */
const MAX_SCANNED = 10_000;

/** What differs between resolving and retrying. */
interface ErrorAction {
  name: string;
  title: string;
  description: string;
  verb: 'resolve' | 'retry';
  /** What it does to the errors, for the question. */
  effect: string;
  /** Whether an error can be sent (a retry needs the error's retry data); why not, when not. */
  unsendable?: { test: (error: ErrorRecord) => boolean; why: string };
  send(client: IntegratorClient, flowId: string, stepId: string, errors: ErrorRecord[], signal?: AbortSignal): Promise<JsonObject>;
}

const INPUT_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    environment: ENVIRONMENT_PROPERTY,
    flowId: { type: 'string', description: 'The flow id.' },
    stepId: { type: 'string', description: "The step's export or import id (integratorFlow lists them)." },
    errorIds: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_ERRORS,
      items: { type: 'string' },
      description: 'The errors, by errorId (from integratorStepErrors).',
    },
    all: { type: 'boolean', description: `true instead of errorIds: the step's open errors, at most ${MAX_ERRORS} a call.` },
  },
  required: ['flowId', 'stepId'],
};

function errorActionTool(action: ErrorAction): AgentTool<ErrorActionInput> {
  return {
    name: action.name,
    acting: true,
    title: action.title,
    description: action.description,
    inputSchema: INPUT_SCHEMA,
    read: readInput,
    async confirm(input, context) {
      const key = input.all ? askedKey(action, environmentOf(context, input.environment).id, input) : undefined;
      if (key) asked.delete(key);
      const target = await targetOf(input, context, action);
      // Nothing to agree to: the model is told why instead of a person being asked about no errors.
      if (!target.sendable.length) throw new ToolInputError(nothingSent(target, action));
      if (key)
        remember(
          key,
          target.sendable.map((e) => e.errorId),
        );
      const where = environmentPhrase(target.env);
      const what = `${count(target.sendable.length, 'error')} of the step ${quotedName(target.stepName)} of the flow ${quotedName(target.flowName)}`;
      const verb = action.verb.charAt(0).toUpperCase() + action.verb.slice(1);
      return actingConfirmation(target.env, `${verb} ${what} in ${where}?`, [
        `The agent asks to ${action.verb} ${what} in ${where}: ${action.effect}`,
        ...(input.all ? [`${target.totalOpen} open in all${target.totalOpen > MAX_ERRORS ? `; at most ${MAX_ERRORS} a call` : ''}.`] : []),
        ...skippedLines(target),
      ]);
    },
    async invoke(input, context) {
      const target = await targetOf(actedOn(action, input, context), context, action);
      const named = {
        flow: { id: input.flowId, name: dataName(target.flowName) },
        step: { id: input.stepId, name: dataName(target.stepName) },
        errorIds: target.sendable.map((e) => e.errorId),
        ...(target.notFound.length ? { notFound: target.notFound } : {}),
        ...(target.unsendable.length ? { notSent: target.unsendable.map((e) => e.errorId), notSentBecause: action.unsendable?.why } : {}),
      };
      if (!target.sendable.length)
        return accountData({ environment: environmentLabel(target.env), ...named, sent: false, message: nothingSent(target, action) });
      const what = `${count(target.sendable.length, 'error')} of step ${quotedName(target.stepName)} of flow ${quotedName(target.flowName)}`;
      const refused = await refusedWrite(context, target.env, { action: action.verb, what });
      if (refused) return declinedResult(target.env, refused, named);
      const sent = await action.send(target.client, input.flowId, input.stepId, target.sendable, context.signal);
      // "all" acts on at most MAX_ERRORS a call: the model is told how many are left, and how to go on.
      const left = input.all ? target.totalOpen - target.sendable.length : 0;
      const rest =
        left > 0 ? { remaining: left, more: `${count(left, 'open error')} of the step remain: call again with "all": true.` } : {};
      return accountData({
        environment: environmentLabel(target.env),
        ...named,
        sent: true,
        count: target.sendable.length,
        ...rest,
        ...sent,
      });
    },
  };
}

export const resolveErrors = errorActionTool({
  name: 'integratorResolveErrors',
  title: "Resolve a flow step's errors",
  description: `Marks open errors of one flow step resolved, as the errors view's Resolve does, after the user agrees (in VS Code they are asked, and in a production environment the production question too; an MCP server runs it only when started with --allow-writes, and the MCP client's approval is the question): given by errorId (from integratorStepErrors), or "all": true for the step's open errors, at most ${MAX_ERRORS} a call. Their records are not sent again. With "all", what is acted on is what the user was asked about: the errors the question counted that are still open (errors that arrived since are left for another call); where nobody is asked first (the MCP server), the open errors when it runs. Returns how many were resolved; ids that are not open errors of the step are listed and not sent.`,
  verb: 'resolve',
  effect: 'they leave the open errors, and their records are not sent again.',
  async send(client, flowId, stepId, errors, signal) {
    await client.errors.resolve(
      flowId,
      stepId,
      errors.map((e) => e.errorId),
      { signal },
    );
    return { resolved: errors.length };
  },
});

export const retryErrors = errorActionTool({
  name: 'integratorRetryErrors',
  title: "Retry a flow step's errors",
  description: `Retries open errors of one flow step, as the errors view's Retry does, after the user agrees (in VS Code they are asked, and in a production environment the production question too; an MCP server runs it only when started with --allow-writes, and the MCP client's approval is the question): their records (retry data) go through the step again as a retry job. Given by errorId (from integratorStepErrors), or "all": true for the step's open errors, at most ${MAX_ERRORS} a call. With "all", what is acted on is what the user was asked about: the errors the question counted that are still open (errors that arrived since are left for another call); where nobody is asked first (the MCP server), the open errors when it runs. Returns the retry job's id; integratorStepErrors then shows which errors are left. An error without retry data is listed and not sent.`,
  verb: 'retry',
  effect: 'their records go through the step again, as a retry job.',
  unsendable: { test: (e) => !e.retryDataKey, why: 'The error has no retry data to send again.' },
  async send(client, flowId, stepId, errors, signal) {
    const started = await client.errors.retry(
      flowId,
      stepId,
      errors.map((e) => e.retryDataKey!),
      { signal },
    );
    const jobId = textOf(started?._jobId);
    return {
      retried: errors.length,
      ...(jobId ? { jobId } : {}),
      next: `The retry runs as a job${jobId ? ` (${jobId})` : ''}: integratorStepErrors reads the errors left once it has finished.`,
    };
  },
});

function readInput(input: unknown): ErrorActionInput {
  const o = inputObject(input, ['environment', 'flowId', 'stepId', 'errorIds', 'all']);
  if (o.all !== undefined && typeof o.all !== 'boolean') throw new ToolInputError('"all" must be true or false.');
  const all = o.all === true;
  if (all === (o.errorIds !== undefined)) throw new ToolInputError('Send either "errorIds" (from integratorStepErrors) or "all": true.');
  return {
    flowId: requiredId(o, 'flowId'),
    stepId: requiredId(o, 'stepId'),
    all,
    ...(all ? {} : { errorIds: idsOf(o.errorIds) }),
    ...environmentField(o),
  };
}

function idsOf(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ERRORS)
    throw new ToolInputError(`"errorIds" must be an array of 1 to ${MAX_ERRORS} error ids.`);
  // Each id checked as any other id is, its message naming its place.
  return [...new Set(value.map((id: unknown, i) => requiredId({ [`errorIds[${i}]`]: id }, `errorIds[${i}]`)))];
}

/**
 * What "all" acts on is what the person was asked about: the errors confirm named, remembered for
 * that input, the same tool and environment, and a short while; the step's open errors are read
 * again when the tool runs, and errors that arrived since are not among them. Where nobody was
 * asked first (the MCP server has no question per call) it is the errors open when it runs.
 */
const asked = new Map<string, { ids: string[]; at: number }>();
/** How long a question's errors are remembered: long enough for a person to read it. */
const ASKED_FOR_MS = 15 * 60_000;
/** Questions remembered at once; the oldest is forgotten first. */
const MAX_ASKED = 50;

const askedKey = (action: ErrorAction, envId: string, input: ErrorActionInput) =>
  JSON.stringify([action.name, envId, input.flowId, input.stepId]);

function remember(key: string, ids: string[]): void {
  asked.delete(key);
  asked.set(key, { ids, at: Date.now() });
  // A Map keeps its keys in the order they were set: the first is the oldest.
  for (const old of asked.keys()) if (asked.size > MAX_ASKED) asked.delete(old);
}

/** The input invoke acts on: with "all", the ids its question named when there was one (each question answers one call). */
function actedOn(action: ErrorAction, input: ErrorActionInput, context: ToolContext): ErrorActionInput {
  if (!input.all) return input;
  const key = askedKey(action, environmentOf(context, input.environment).id, input);
  const remembered = asked.get(key);
  asked.delete(key);
  if (!remembered || Date.now() - remembered.at > ASKED_FOR_MS) return input;
  return { ...input, all: false, errorIds: remembered.ids };
}

/** The flow, the step (one of the flow's), and the step's open errors the input chose, read before anything is sent. */
async function targetOf(input: ErrorActionInput, context: ToolContext, action: ErrorAction) {
  const env = environmentOf(context, input.environment);
  const client = await context.client(env.id);
  const signal = context.signal;
  const flow = await client.flows.get(input.flowId, { signal });
  const ref = buildFlowGraph(flow, () => undefined).nodes.find((node) => node.ref?.id === input.stepId)?.ref;
  if (!ref) throw new ToolInputError(`${input.stepId} is not a step of the flow ${input.flowId}: integratorFlow lists its steps.`);
  const step = await client[ref.kind].get(input.stepId, { signal });
  const summary = await client.errors.flowSummary(input.flowId, { signal });
  const totalOpen = summary.flowErrors.find((e) => e._expOrImpId === input.stepId)?.numError ?? 0;
  const { chosen, notFound } = await chosenErrors(client, input, signal);
  const unsendable = action.unsendable ? chosen.filter(action.unsendable.test) : [];
  return {
    env,
    client,
    flowName: textOf(flow.name) ?? input.flowId,
    stepName: textOf(step.name) ?? input.stepId,
    totalOpen: Math.max(totalOpen, chosen.length),
    sendable: chosen.filter((e) => !unsendable.includes(e)),
    unsendable,
    notFound,
    why: action.unsendable?.why,
  };
}

/** The step's open errors the input names (or its first MAX_ERRORS), read page by page only as far as needed. */
async function chosenErrors(client: IntegratorClient, input: ErrorActionInput, signal?: AbortSignal) {
  const wanted = new Set(input.errorIds ?? []);
  const chosen: ErrorRecord[] = [];
  let scanned = 0;
  for await (const page of client.errors.list(input.flowId, input.stepId, {}, { signal })) {
    for (const error of page) {
      if (input.all ? chosen.length < MAX_ERRORS : wanted.has(error.errorId)) chosen.push(error);
    }
    scanned += page.length;
    if (chosen.length >= (input.all ? MAX_ERRORS : wanted.size) || scanned >= MAX_SCANNED) break;
  }
  const found = new Set(chosen.map((e) => e.errorId));
  return { chosen, notFound: [...wanted].filter((id) => !found.has(id)) };
}

function nothingSent(target: Awaited<ReturnType<typeof targetOf>>, action: ErrorAction): string {
  const open = `The step ${quotedName(target.stepName)} has ${count(target.totalOpen, 'open error')}`;
  return [`No error to ${action.verb}, so nothing was sent. ${open}.`, ...skippedLines(target)].join(' ');
}

function skippedLines(target: Awaited<ReturnType<typeof targetOf>>): string[] {
  return [
    ...(target.notFound.length ? [`Not open errors of this step, so not sent: ${target.notFound.join(', ')}.`] : []),
    ...(target.unsendable.length ? [`Not sent (${target.why}): ${target.unsendable.map((e) => e.errorId).join(', ')}.`] : []),
  ];
}

/** "1 error", "3 errors". */
function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
