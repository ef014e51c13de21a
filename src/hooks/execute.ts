/**
 * Runs one function of a hook script in this thread with `node:vm`: the script's world (console,
 * the three modules of the runtime), the function called with `options`, and what it returned or
 * threw, at the script's own line. NOT a sandbox (values handed in lead back to the host through
 * their constructors): only the debug entry (debugEntry.ts) still uses it, until Debug Hook… runs
 * under SES (README.md). Run Hook… and the CLI run in QuickJS (quickjsSandbox.ts).
 */
import * as vm from 'vm';
import { withRequires } from './scriptSource';
import { CallHost, integratorApiShim } from './integratorApiShim';
import { locate as locateIn, LogLine, WorkerOutput } from './hookOutput';

export type { LogLine, WorkerOutput } from './hookOutput';

const RUNTIME_MODULES = ['integrator-api', 'dayjs', 'sjcl'];

export interface ExecuteInput {
  source: string;
  filename: string;
  functionName: string;
  options: Record<string, unknown>;
}

export function executeHook(input: ExecuteInput, callHost: CallHost): WorkerOutput {
  const started = Date.now();
  const logs: LogLine[] = [];
  const log =
    (level: LogLine['level']) =>
    (...args: unknown[]) =>
      logs.push({ level, text: args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '), atMs: Date.now() - started });
  const modules: Record<string, () => unknown> = {
    'integrator-api': () => integratorApiShim(callHost),
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the runtime's modules, loaded when imported
    dayjs: () => require('dayjs') as unknown,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sjcl: () => require('sjcl') as unknown,
  };
  const context = vm.createContext({
    console: { log: log('log'), debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    __require: (name: string) => {
      const load = modules[name];
      if (!load) throw new Error(`Cannot find module '${name}': integrator.io scripts can import only ${RUNTIME_MODULES.join(', ')}.`);
      return load();
    },
    __default: (module: { default?: unknown }) => module.default ?? module,
  });
  try {
    new vm.Script(withRequires(input.source), { filename: input.filename }).runInContext(context);
    const fn = (context as Record<string, unknown>)[input.functionName];
    if (typeof fn !== 'function') return { ok: false, error: `The script has no function ${input.functionName}.`, logs };
    const result = (fn as (options: unknown) => unknown)(input.options);
    // What the server receives is data: the result as JSON would carry it.
    return { ok: true, result: result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown), logs };
  } catch (err) {
    const where = locate(err, input.filename);
    // An error made in the script's context is not an instance of this realm's Error: read its shape.
    const e = err as { name?: unknown; message?: unknown } | null;
    const name = typeof e?.name === 'string' ? e.name : 'Error';
    const message = e && typeof e.message === 'string' ? `${name}: ${e.message}` : `Thrown: ${safeJson(err)}`;
    return { ok: false, error: where ? `${message} (${input.filename}:${where.line}:${where.column})` : message, ...where, logs };
  }
}

function locate(err: unknown, filename: string): { line: number; column: number } | undefined {
  const stack = typeof (err as { stack?: unknown } | null)?.stack === 'string' ? (err as { stack: string }).stack : '';
  return locateIn(stack, filename);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
