/**
 * integratorRunHook: one function of an account's hook script run here, in the sandbox Run Hook…
 * uses (hooks/runner.ts: QuickJS in a worker thread, its time and memory limits), on `options`
 * the model gives or on the sample Run Hook… would make (hooks/samples.ts: a page of the export
 * that feeds the hook, run as a virtual export when it can only read, else an example record).
 * Runs take a slot (hookRunSlots.ts: a few at once per process), and a cancelled call ends its
 * run at once. Returns what the function returned, its console,
 * its error and the hook contract's check, each cut to a size a model can read. The script is
 * the account's code: whatever it tries comes back as the run's error, and its integrator-api
 * calls may only read (hookTryApi.ts). Nothing is saved and nothing runs on integrator.io.
 */
import { IntegratorClient } from '../api';
import { isJsonObject } from '../api/types';
import { HOOK_TYPES, HookType } from '../hooks/contracts';
import { findHookUsages } from '../hooks/hookUsage';
import { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_MS, HookResult, runHook as runHookLocally } from '../hooks/runner';
import { sampleOptions } from '../hooks/samples';
import { quotedName } from '../model/accountText';
import { textOf } from '../model/describe';
import { inHookRunSlot } from './hookRunSlots';
import { tryApiCalls, tryExport } from './hookTryApi';
import { environmentField, environmentLabel, environmentOf, inputObject, oneOf, optionalInteger, requiredId, requiredText } from './input';
import { accountData, AgentTool, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY } from './schemaParts';

export interface RunHookInput {
  environment?: string;
  scriptId: string;
  functionName: string;
  type: HookType;
  /** The hook's `options`; none: the sample Run Hook… would make. */
  options?: Record<string, unknown>;
  timeoutMs: number;
}

/** `options` as JSON text: real pages of records fit, megabytes for the worker to parse do not. */
const MAX_OPTIONS_TEXT = 200_000;
/** What comes back to the model, each cut and said so past its size. */
const MAX_RESULT_TEXT = 50_000;
const MAX_SAMPLE_TEXT = 20_000;
const MAX_LOG_LINES = 100;
const MAX_LOG_LINE = 2_000;
const MAX_CALLS_SHOWN = 20;
const MAX_ERROR = 5_000;

export const runHook: AgentTool<RunHookInput> = {
  name: 'integratorRunHook',
  title: 'Run an integrator.io hook locally',
  description:
    "Runs one function of an integrator.io hook script (a script id, the function's name and the hook type) here, in the extension's hook sandbox with its time and memory limits, on the `options` given or, without them, on a sample made from the account's records the way Run Hook… makes it. Returns what the function returned, its console output, its error with the script's line, and whether the result fits the hook type's contract. Nothing runs on integrator.io and nothing is saved; the script's integrator-api calls may only read (exports.run), any other is refused inside the script.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      scriptId: { type: 'string', description: 'The script id.' },
      functionName: { type: 'string', description: 'The function of the script to run.' },
      type: {
        type: 'string',
        enum: [...HOOK_TYPES],
        description: 'The hook type it runs as (the contract its options and result follow).',
      },
      options: {
        type: 'object',
        description: "The hook's options (records and all); without it, a sample made from the account's records.",
      },
      timeoutSeconds: {
        type: 'integer',
        minimum: 1,
        maximum: DEFAULT_TIMEOUT_MS / 1000,
        description: `Stop the function after this many seconds (default ${DEFAULT_TIMEOUT_MS / 1000}).`,
      },
    },
    required: ['scriptId', 'functionName', 'type'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'scriptId', 'functionName', 'type', 'options', 'timeoutSeconds']);
    const type = oneOf(o, 'type', HOOK_TYPES);
    if (!type) throw new ToolInputError(`"type" is required: one of ${HOOK_TYPES.join(', ')}.`);
    const functionName = requiredText(o, 'functionName', 100);
    if (!/^[A-Za-z_$][\w$]*$/.test(functionName)) throw new ToolInputError('"functionName" must be a JavaScript function name.');
    const seconds = optionalInteger(o, 'timeoutSeconds', 1, DEFAULT_TIMEOUT_MS / 1000);
    return {
      scriptId: requiredId(o, 'scriptId'),
      functionName,
      type,
      timeoutMs: seconds === undefined ? DEFAULT_TIMEOUT_MS : seconds * 1000,
      ...(o.options !== undefined && o.options !== null ? { options: optionsOf(o.options) } : {}),
      ...environmentField(o),
    };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const script = await client.scripts.get(input.scriptId, { signal: context.signal });
    const name = textOf(script.name) ?? input.scriptId;
    const source = typeof script.content === 'string' ? script.content : '';
    if (!source.trim()) throw new ToolInputError(`The script "${name}" holds no code to run.`);
    const sample = input.options ? undefined : await sampleFor(client, input);
    const result = await inHookRunSlot(
      () =>
        runHookLocally({
          source,
          filename: `${input.scriptId}.js`,
          functionName: input.functionName,
          type: input.type,
          input: input.options ?? sample!.options,
          timeoutMs: input.timeoutMs,
          memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB,
          api: tryApiCalls(client),
          signal: context.signal,
        }),
      context.signal,
    );
    return accountData({
      environment: environmentLabel(env),
      script: { id: input.scriptId, name },
      functionName: input.functionName,
      type: input.type,
      ran: 'here, in the hook sandbox (not on integrator.io); nothing was saved',
      ...(sample ? { sample: { from: sample.from, ...cut('options', sample.options, MAX_SAMPLE_TEXT) } } : {}),
      ...outcomeOf(result),
      // A misspelt name is the common mistake: the names the script declares let the model correct it.
      ...(!result.returned && result.error?.startsWith('The script has no function ')
        ? { functionsDeclared: declaredFunctions(source) }
        : {}),
    });
  },
};

/** The function names a script declares (`function name(` at any depth; a read of its text, not a run), at most 50. */
export function declaredFunctions(source: string): string[] {
  const names = [...source.matchAll(/\bfunction\s+([A-Za-z_$][\w$]{0,100})\s*\(/g)].map((m) => m[1]!);
  return [...new Set(names)].slice(0, 50);
}

/**
 * The sample Run Hook… would make, for the hook's first use: a page of the export that feeds it,
 * when that export can only read (hookTryApi.ts's tryExport), run without its own scripts (the
 * hook's input is the records before them); else an example record, saying why.
 */
async function sampleFor(client: IntegratorClient, input: RunHookInput): Promise<{ options: Record<string, unknown>; from: string }> {
  const uses = (await findHookUsages(client, input.scriptId)).filter((u) => u.functionName === input.functionName && u.type === input.type);
  const use = uses[0];
  let notRun: string | undefined;
  const options = await sampleOptions(client, input.type, use, (exportDoc) => {
    const verdict = tryExport(exportDoc);
    if ('refused' in verdict)
      notRun = `the export ${quotedName(textOf(exportDoc.name) ?? '')} that feeds it was not run (${verdict.refused})`;
    return verdict;
  });
  if (!use) return { options, from: `a sample with an example record: no resource uses ${input.functionName} as its ${input.type} hook` };
  const of = `the ${use.type} hook of ${use.kind.slice(0, -1)} ${quotedName(use.resourceName)} (${use.resourceId})`;
  return {
    options,
    from: notRun ? `a sample with an example record, for ${of}: ${notRun}` : `a sample made as Run Hook… makes it, for ${of}`,
  };
}

/** The options a model gave: a JSON object, of a size a run takes. */
function optionsOf(value: unknown): Record<string, unknown> {
  if (!isJsonObject(value)) throw new ToolInputError('"options" must be a JSON object: the hook\'s options.');
  if (JSON.stringify(value).length > MAX_OPTIONS_TEXT)
    throw new ToolInputError(`"options" is larger than ${MAX_OPTIONS_TEXT} characters of JSON: send fewer records.`);
  return value;
}

/** `{ [key]: value }`, or its JSON cut to `max` characters with a word saying so. */
function cut(key: string, value: unknown, max: number): Record<string, unknown> {
  const text = JSON.stringify(value) ?? 'null';
  if (text.length <= max) return { [key]: value };
  return { [`${key}Text`]: text.slice(0, max), [`${key}Cut`]: `cut at ${max} of ${text.length} characters of JSON` };
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (cut at ${max} characters)` : text);

/** What the run gave, as a model reads it: each part bounded. */
function outcomeOf(result: HookResult): Record<string, unknown> {
  const logs = result.logs.slice(0, MAX_LOG_LINES).map((l) => ({ level: l.level, text: shorten(l.text, MAX_LOG_LINE) }));
  const calls = result.calls.slice(0, MAX_CALLS_SHOWN).map((c) => ({ path: c.path, ...(c.error ? { error: shorten(c.error, 500) } : {}) }));
  return {
    returned: result.returned,
    ...(result.returned ? cut('result', result.result ?? null, MAX_RESULT_TEXT) : {}),
    ...(result.error !== undefined ? { error: shorten(result.error, MAX_ERROR) } : {}),
    ...(result.line !== undefined ? { line: result.line, column: result.column } : {}),
    ...(result.timedOut ? { timedOut: true } : {}),
    ...(result.cancelled ? { cancelled: true } : {}),
    ...(result.outOfMemory ? { outOfMemory: true } : {}),
    contract: result.returned ? result.contract : { ok: false, problems: ['the function did not return'], notes: [] },
    logs,
    ...(result.logs.length > logs.length ? { moreLogs: `${result.logs.length - logs.length} more console lines not shown` } : {}),
    ...(calls.length ? { integratorApiCalls: calls } : {}),
    ...(result.calls.length > calls.length ? { moreCalls: `${result.calls.length - calls.length} more calls not shown` } : {}),
    filled: result.filled,
    ms: result.ms,
  };
}
