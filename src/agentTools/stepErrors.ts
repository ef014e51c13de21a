/**
 * integratorStepErrors: a flow step's open errors, a page at a time (offset/limit), with the
 * step's total from the flow's error summary so a model knows how many there are before it reads them.
 */
import { field, jsonObjects, JsonObject, numberField, textField } from '../api/types';
import { cutText } from '../model/accountText';
import { environmentLabel, environmentOf, inputObject, optionalInteger, optionalText, requiredId } from './input';
import { accountData, AgentTool } from './types';

export interface StepErrorsInput {
  environment?: string;
  flowId: string;
  stepId: string;
  offset: number;
  limit: number;
}

const MAX_LIMIT = 50;
/** An error message longer than this is cut: a stack trace of 100 KB says nothing more in full. */
const MAX_MESSAGE = 2000;
/** Every other field of an error (an id, a code, a time) is short; one longer than this is cut. */
const MAX_FIELD = 200;

export const stepErrors: AgentTool<StepErrorsInput> = {
  name: 'integratorStepErrors',
  title: "A flow step's open errors",
  description:
    "The open errors of one flow step (an export or import of the flow, from integratorFlow): when, source, code, message, a page at a time (offset/limit) with the step's total open errors. Read-only: it neither resolves nor retries.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: { type: 'string', description: 'Environment name or id (optional when there is only one).' },
      flowId: { type: 'string', description: 'The flow id.' },
      stepId: { type: 'string', description: "The step's export or import id (integratorFlow lists them)." },
      offset: { type: 'integer', minimum: 0, description: 'Skip this many errors (paging).' },
      limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, description: 'At most this many errors (default 20).' },
    },
    required: ['flowId', 'stepId'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'flowId', 'stepId', 'offset', 'limit']);
    const environment = optionalText(o, 'environment');
    return {
      flowId: requiredId(o, 'flowId'),
      stepId: requiredId(o, 'stepId'),
      offset: optionalInteger(o, 'offset', 0, 100_000) ?? 0,
      limit: optionalInteger(o, 'limit', 1, MAX_LIMIT) ?? 20,
      ...(environment ? { environment } : {}),
    };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const summary = await client.errors.flowSummary(input.flowId, { signal: context.signal });
    const total = openErrorsByStep(summary).get(input.stepId) ?? 0;
    // Pages are read only as far as the page asked for (one more error tells whether there are more).
    const wanted = input.offset + input.limit + 1;
    const read: JsonObject[] = [];
    for await (const page of client.errors.list(input.flowId, input.stepId, {}, { signal: context.signal })) {
      read.push(...jsonObjects(page));
      if (read.length >= wanted) break;
    }
    const errors = read.slice(input.offset, input.offset + input.limit).map(errorOf);
    const next = input.offset + errors.length;
    const more = read.length > next;
    return accountData({
      environment: environmentLabel(env),
      flowId: input.flowId,
      stepId: input.stepId,
      totalOpen: Math.max(total, read.length),
      offset: input.offset,
      errors,
      ...(more ? { more: `More errors: call again with offset ${next}.` } : {}),
    });
  },
};

/**
 * A flow's error summary as open errors by step id. The summary is read with guards: a summary
 * that is not what the API documents (no list, a count that is not a number) counts nothing
 * rather than failing the tool.
 */
export function openErrorsByStep(summary: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of jsonObjects(field(summary, 'flowErrors'))) {
    const step = textField(entry, '_expOrImpId');
    const count = numberField(entry, 'numError');
    if (step && count !== undefined && Number.isFinite(count) && count >= 0) counts.set(step, count);
  }
  return counts;
}

/** The fields a model needs of an error, each text cut (every one is account text of any length), any other value left out. */
function errorOf(error: JsonObject) {
  const text = (key: string, max = MAX_FIELD) => {
    const value = textField(error, key);
    return value === undefined ? {} : { [key === '_flowJobId' ? 'flowJobId' : key]: cutText(value, max) };
  };
  return {
    ...text('errorId'),
    ...text('occurredAt'),
    ...text('source'),
    ...text('code'),
    message: cutText(textField(error, 'message') ?? '', MAX_MESSAGE),
    ...text('classification'),
    ...text('retryDataKey'),
    ...text('_flowJobId'),
  };
}
