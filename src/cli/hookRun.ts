/**
 * `integrator-io hook run`: one function of a hook script, run locally on a sample `options`,
 * with its result checked against the hook's contract (src/hooks). For hook tests in CI.
 *
 *   integrator-io hook run --script <file.js> --function <name> --type <hook type>
 *                          --input <options.json> [--url <base URL>] [--timeout <seconds>]
 *                          [--memory-limit <MB>] [--json]
 *
 * With --url, `integrator-api` calls go to that environment with the token from
 * INTEGRATOR_IO_TOKEN. Exit codes: 0 returned and fits the contract; 4 returned something that
 * breaks it; 1 threw, timed out, or could not run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IntegratorClient, normaliseBaseUrl } from '../api';
import { errorMessage } from '../api/errors';
import { apiCalls } from '../hooks/apiCalls';
import { HOOK_TYPES, isHookType } from '../hooks/contracts';
import { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_MS, HookResult, runHook } from '../hooks/runner';
import { printableJson } from '../iac/printable';
import { commandLine, UsageError } from './args';
import { CliIo } from './io';

export const HOOK_USAGE = `  integrator-io hook run --script <file.js> --function <name> --type <hook type> --input <options.json> [--url <base URL>] [--timeout <seconds>] [--memory-limit <MB>] [--json]
      hook types: ${HOOK_TYPES.join(', ')}
      exit codes: 0 fits its contract, 4 breaks it, 1 threw, timed out or ran out of memory (default ${DEFAULT_MEMORY_LIMIT_MB} MB)`;

/** `hook run`'s arguments, checked. */
export type HookArgs = ReturnType<typeof HOOK_LINE.check>;

export async function hookCommand(values: HookArgs, io: CliIo): Promise<number> {
  let client: IntegratorClient | undefined;
  try {
    const source = fs.readFileSync(values.script, 'utf8');
    const input: unknown = JSON.parse(fs.readFileSync(values.input, 'utf8'));
    if (values.url) {
      const token = io.env.INTEGRATOR_IO_TOKEN;
      if (!token) throw new Error('--url needs the INTEGRATOR_IO_TOKEN environment variable (the token is never taken as an argument).');
      client = new IntegratorClient({ baseUrl: normaliseBaseUrl(values.url), token });
    }
    const result = await runHook({
      source,
      filename: path.resolve(values.script),
      functionName: values.function,
      type: values.type,
      input,
      timeoutMs: values.timeoutMs,
      memoryLimitMb: values.memoryLimitMb,
      ...(client ? { api: apiCalls(client) } : {}),
    });
    report(result, values.json, io);
    return !result.returned ? 1 : result.contract.ok ? 0 : 4;
  } catch (err) {
    io.err(`Error: ${errorMessage(err)}`);
    return 1;
  } finally {
    client?.dispose();
  }
}

function report(result: HookResult, json: boolean, io: CliIo): void {
  if (json) {
    const { result: value, logs, calls, contract, filled, ms, error, line, column } = result;
    io.out(
      printableJson({
        result: value ?? null,
        logs,
        calls,
        contract: { ok: contract.ok, problems: contract.problems },
        filled,
        ms,
        ...(error ? { error, line, column } : {}),
      }),
    );
    return;
  }
  for (const log of result.logs) io.err(`[${log.level}] ${log.text}`);
  if (!result.returned) return io.err(`Error: ${result.error}`);
  io.out(printableJson(result.result ?? null));
  for (const problem of result.contract.problems) io.err(`contract: ${problem}`);
}

export const HOOK_LINE = commandLine({
  usage: `Usage:\n${HOOK_USAGE}`,
  positionals: true,
  refusesToken: true,
  options: {
    script: { type: 'string' },
    function: { type: 'string' },
    type: { type: 'string' },
    input: { type: 'string' },
    url: { type: 'string' },
    timeout: { type: 'string' },
    'memory-limit': { type: 'string' },
    json: { type: 'boolean' },
    token: { type: 'string' },
  },
  check({ values, positionals }) {
    if (positionals[0] !== 'run' || positionals.length > 1) throw new UsageError('The hook command is "hook run".');
    const missing = (['script', 'function', 'type', 'input'] as const).filter((k) => !values[k]);
    if (missing.length) throw new UsageError(`Missing ${missing.map((k) => `--${k}`).join(', ')}.`);
    if (!isHookType(values.type!)) throw new UsageError(`--type must be one of: ${HOOK_TYPES.join(', ')}.`);
    const seconds = values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
    // As the setting allows (integratorIo.hooks.timeoutSeconds); past 2³¹ ms a timer fires at once.
    if (!(seconds > 0 && seconds <= 600)) throw new UsageError('--timeout takes a number of seconds, at most 600.');
    const memoryLimitMb = values['memory-limit'] === undefined ? DEFAULT_MEMORY_LIMIT_MB : Number(values['memory-limit']);
    if (!Number.isInteger(memoryLimitMb) || memoryLimitMb < 16 || memoryLimitMb > 2000) {
      throw new UsageError('--memory-limit takes a whole number of MB from 16 to 2000.');
    }
    return {
      script: values.script!,
      function: values.function!,
      type: values.type,
      input: values.input!,
      url: values.url,
      timeoutMs: seconds * 1000,
      memoryLimitMb,
      json: values.json ?? false,
    };
  },
});
