/**
 * integratorStepErrors: a flow step's open errors, a page at a time (offset/limit), with the
 * step's total from the flow's error summary so a model knows how many there are before it reads them;
 * in a time window (since/until); grouped by code and message (summary); or one error in depth
 * (errorId: its failing record and HTTP exchange, errorDetail.ts).
 */
import { IntegratorClient } from '../api';
import { ErrorQuery } from '../api/errorManagement';
import { field, jsonObjects, JsonObject, numberField, textField } from '../api/types';
import { cutText } from '../model/accountText';
import { MAX_SCANNED, readErrorDetail } from './errorDetail';
import { MAX_SUMMARIZED, summarizeErrors } from './errorSummary';
import { environmentField, environmentLabel, environmentOf, inputObject, pageOf, type Paging, requiredId } from './input';
import { readTimeWindow, TIME_WINDOW_SCHEMA, TimeWindow } from './timeWindow';
import { accountData, AgentTool, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY, pageProperties } from './schemaParts';

export interface StepErrorsInput extends TimeWindow {
  environment?: string;
  flowId: string;
  stepId: string;
  offset: number;
  limit: number;
  /** One error in depth instead of a page. */
  errorId?: string;
  /** Groups by code and message instead of a page. */
  summary?: true;
}

const PAGING: Paging = { maxOffset: 100_000, maxLimit: 50, defaultLimit: 20 };
/** An error message longer than this is cut: a stack trace of 100 KB says nothing more in full. */
const MAX_MESSAGE = 2000;
/** Every other field of an error (an id, a code, a time) is short; one longer than this is cut. */
const MAX_FIELD = 200;

export const stepErrors: AgentTool<StepErrorsInput> = {
  name: 'integratorStepErrors',
  title: "A flow step's open errors",
  description: `The open errors of one flow step (an export or import of the flow, from integratorFlow): when, source, code, message, errorId, a page at a time (offset/limit) with the step's total open errors. since/until (ISO 8601) keep only errors that occurred in that window. summary: true groups the step's errors (in the window) by code and message: [{code, message, count, firstAt, lastAt}], most frequent first, reading at most the newest ${MAX_SUMMARIZED} errors and saying so. errorId (from a page) gives that one error in depth: the failing record (its retry data) and the HTTP request and response behind it (bodies cut, credential headers shown as ******). Read-only: it neither resolves nor retries.`,
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      flowId: { type: 'string', description: 'The flow id.' },
      stepId: { type: 'string', description: "The step's export or import id (integratorFlow lists them)." },
      ...pageProperties('errors', PAGING),
      ...TIME_WINDOW_SCHEMA('errors that occurred'),
      summary: {
        type: 'boolean',
        description: `true: the errors grouped by code and message with counts and first and last times, instead of a page (at most the newest ${MAX_SUMMARIZED} read).`,
      },
      errorId: {
        type: 'string',
        description: "One error's errorId (from a page): that error with its failing record and its HTTP request and response.",
      },
    },
    required: ['flowId', 'stepId'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'flowId', 'stepId', 'offset', 'limit', 'since', 'until', 'summary', 'errorId']);
    if (o.summary !== undefined && o.summary !== null && typeof o.summary !== 'boolean')
      throw new ToolInputError('"summary" must be true or false.');
    const errorId = o.errorId === undefined || o.errorId === null ? undefined : requiredId(o, 'errorId');
    if (errorId && o.summary === true) throw new ToolInputError('Give "errorId" or "summary", not both.');
    return {
      flowId: requiredId(o, 'flowId'),
      stepId: requiredId(o, 'stepId'),
      ...pageOf(o, PAGING),
      ...readTimeWindow(o),
      ...(o.summary === true ? { summary: true as const } : {}),
      ...(errorId ? { errorId } : {}),
      ...environmentField(o),
    };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const signal = context.signal;
    const about = { environment: environmentLabel(env), flowId: input.flowId, stepId: input.stepId, ...windowOf(input) };
    const query = errorQuery(input);
    if (input.errorId) {
      const at = { flowId: input.flowId, stepId: input.stepId, errorId: input.errorId };
      const { scanned, detail } = await readErrorDetail(client, at, query, errorOf, signal);
      if (detail) return accountData({ ...about, error: detail });
      const newest =
        scanned >= MAX_SCANNED ? ` among the newest ${MAX_SCANNED} (narrow the window with since/until to reach older ones)` : '';
      return accountData({ ...about, errorId: input.errorId, notFound: `No open error of this step has this errorId${newest}.` });
    }
    const openByStep = openErrorsByStep(await client.errors.flowSummary(input.flowId, { signal }));
    const total = openByStep.get(input.stepId) ?? 0;
    if (input.summary) {
      const { read, complete, groups, moreGroups } = await summarizeErrors(client, input, query, signal);
      return accountData({
        ...about,
        ...(query.occurredAt_gte || query.occurredAt_lte ? { totalOpenInStep: total } : { totalOpen: Math.max(total, read) }),
        read,
        groups,
        ...(moreGroups ? { moreGroups: `${moreGroups} more groups, each rarer than those shown.` } : {}),
        ...(complete
          ? {}
          : { partial: `Only the newest ${read} errors were read; narrow the window with since/until to summarize older ones.` }),
      });
    }
    return accountData({ ...about, ...(await errorPage(client, input, query, total, signal)) });
  },
};

/** A page of errors: pages are read only as far as the page asked for (one more error tells whether there are more). */
async function errorPage(client: IntegratorClient, input: StepErrorsInput, query: ErrorQuery, total: number, signal?: AbortSignal) {
  const wanted = input.offset + input.limit + 1;
  const read: JsonObject[] = [];
  let ended = true;
  for await (const page of client.errors.list(input.flowId, input.stepId, query, { signal })) {
    read.push(...jsonObjects(page));
    if (read.length >= wanted) {
      ended = false;
      break;
    }
  }
  const errors = read.slice(input.offset, input.offset + input.limit).map(errorOf);
  const next = input.offset + errors.length;
  const windowed = query.occurredAt_gte !== undefined || query.occurredAt_lte !== undefined;
  // In a window the step's total says nothing of the window's count: that is known only when the list was read to its end.
  const count = windowed
    ? ended
      ? { totalInWindow: read.length, totalOpenInStep: total }
      : { totalOpenInStep: total }
    : { totalOpen: Math.max(total, read.length) };
  return {
    ...count,
    offset: input.offset,
    errors,
    ...(read.length > next
      ? { more: `More errors: call again with offset ${next}.` }
      : !errors.length && input.offset > 0 && input.offset >= read.length
        ? { none: `Offset ${input.offset} is past the end: there are ${read.length} errors${windowed ? ' in this window' : ''}.` }
        : {}),
  };
}

function errorQuery(window: TimeWindow): ErrorQuery {
  return { ...(window.since ? { occurredAt_gte: window.since } : {}), ...(window.until ? { occurredAt_lte: window.until } : {}) };
}

function windowOf(window: TimeWindow) {
  return { ...(window.since ? { since: window.since } : {}), ...(window.until ? { until: window.until } : {}) };
}

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
    ...(textField(error, 'reqAndResKey') ? { hasHttp: true } : {}),
  };
}
