/**
 * Runs one function of a hook script in a Hardened JavaScript compartment (`ses`): lockdown()
 * freezes the shared intrinsics and tames their constructors, so no `constructor` chain leads to
 * the host's Function; the compartment has its own global object, with no `process`, `require`,
 * file, network or timer. It is the same V8 as the host, which is why Debug Hook… uses it: VS
 * Code's Node debugger stops at breakpoints in the script (named by `//# sourceURL=`).
 *
 * Only text crosses: the options go in as JSON and are parsed inside; the result and the logs come
 * out as JSON; integrator-api calls cross as one hardened host function taking and returning JSON
 * text. `console` and the three modules are made inside (sesWorld.ts, the modules from their
 * sources). Memory outside V8's heap (ArrayBuffers, typed arrays) is not counted by the heap limit
 * the debugged process runs with, so the compartment offers none of the ways to allocate it.
 */
import 'ses';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { field } from '../api/types';
import { CallHost, isApiCall } from './integratorApiShim';
import { locate, logLinesOf, WorkerOutput } from './hookOutput';
import { tooLargeMessage } from './resultLimits';
import { withRequires } from './scriptSource';
import { refusalProblem, syntaxProblem } from './sourceCheck';
import { WORLD_SOURCE } from './sesWorld';

export interface SesRun {
  source: string;
  /** The script's file: named in errors, and the URL the debugger maps breakpoints by. */
  filename: string;
  functionName: string;
  optionsJson: string;
  callHost: CallHost;
  modules: { dayjs: string; sjcl: string };
}

/**
 * Globals of a fresh compartment that allocate memory outside V8's heap, or lead to something that
 * does (TextEncoder returns a Uint8Array; a nested Compartment has a fresh set of all of them).
 */
const WITHHELD = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Atomics',
  'WebAssembly',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'TextEncoder',
  'TextDecoder',
  'Compartment',
  'lockdown',
  'repairIntrinsics',
  'hardenIntrinsics',
];

let lockedDown = false;

/** Freezes this process's intrinsics, once: from here on no code of the process can change them. */
export function lockdownOnce(): void {
  if (lockedDown) return;
  lockdown({
    // Stacks stay readable, so that an error carries the script's line and column.
    errorTaming: 'unsafe',
    // Node's own handling (and the debugger's "pause on uncaught exceptions") stays as it is.
    errorTrapping: 'none',
    unhandledRejectionTrapping: 'none',
    // The host's console is js-debug's way to the Debug Console; the script gets its own.
    consoleTaming: 'unsafe',
  });
  lockedDown = true;
}

export function runInCompartment(run: SesRun): WorkerOutput {
  if (!/^[A-Za-z_$][\w$]*$/.test(run.functionName))
    return { ok: false, error: `${JSON.stringify(run.functionName)} is not a function name.`, logs: [] };
  // A name is written into the evaluated text below: a line break in it would start a line of code.
  if (/[\r\n\u2028\u2029]/.test(run.filename)) return { ok: false, error: 'The script file name has a line break in it.', logs: [] };
  const source = withRequires(run.source);
  const syntax = syntaxProblem(source, run.filename);
  if (syntax) return { ok: false, ...syntax, logs: [] };
  lockdownOnce();
  const compartment = new Compartment({
    // The start compartment's Date and Math: a fresh compartment's refuse the clock and random
    // numbers, which scripts (and dayjs()) use on integrator.io. Their constructors are tamed too.
    globals: { Date, Math },
    __options__: true,
  });
  for (const name of WITHHELD) delete compartment.globalThis[name];
  const hostCall = harden((path: unknown, argsJson: unknown): string => {
    try {
      if (!isApiCall(path)) throw new Error(`integrator-api has no ${String(path)}`);
      const args: unknown = JSON.parse(String(argsJson));
      const result = run.callHost(path, Array.isArray(args) ? args : []);
      return JSON.stringify({ result: result === undefined ? null : result });
    } catch (err) {
      return JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
    }
  });
  const factory = (name: string, text: string): unknown =>
    compartment.evaluate(`(function (module, exports) {${text}\n})\n//# sourceURL=integrator-io-runtime/${name}.js`);
  // The world and the factories' holder are made inside, so that they belong to the compartment;
  // evaluate() types what it returns as any, and their shapes are WORLD_SOURCE's and '({})'.
  const makeWorld = compartment.evaluate(`${WORLD_SOURCE}\n//# sourceURL=integrator-io-runtime/world.js`) as (
    hostCall: unknown,
    factories: unknown,
  ) => { globals: Record<string, unknown>; hook: unknown; run: (optionsJson: string) => string };
  const factories = compartment.evaluate('({})') as Record<string, unknown>;
  factories.dayjs = factory('dayjs', run.modules.dayjs);
  factories.sjcl = factory('sjcl', run.modules.sjcl);
  const world = makeWorld(hostCall, factories);
  setGlobals(compartment.globalThis, { ...world.globals, __hook: world.hook });
  // V8 takes a sourceURL up to the first space: a file name with spaces ("x (debug copy).js")
  // goes as a file URL, which js-debug maps back to the file for its breakpoints.
  const url = path.isAbsolute(run.filename) ? pathToFileURL(run.filename).href : encodeURI(run.filename);
  const where = { filename: run.filename, url };
  try {
    compartment.evaluate(
      `${source}\n;__hook(typeof ${run.functionName} === 'function' ? ${run.functionName} : undefined);\n//# sourceURL=${url}`,
    );
  } catch (err) {
    const refused = refusalProblem(err, run.filename);
    if (refused) return { ok: false, ...refused, logs: [] };
    return thrown(describeHostSide(err), where, []);
  }
  let outputJson: string;
  try {
    outputJson = world.run(run.optionsJson);
  } catch (err) {
    // What run() could not catch itself, such as a stack overflow while it reported an error.
    return thrown(describeHostSide(err), where, []);
  }
  return outputOf(outputJson, where, run.functionName);
}

/** What the world's run() answered; a failure's error and stack are checked where they are used (thrown()). */
type Inside =
  | { ok: true; resultJson: string | undefined; logs: LogLine[] }
  | { ok: false; missing: boolean; tooLarge: number | undefined; error: unknown; stack: unknown; logs: LogLine[] };
type LogLine = WorkerOutput['logs'][number];

/** The script's file name, and the URL it has in stacks. */
type ScriptName = { filename: string; url: string };

/**
 * The world's globals first, then the compartment's own (re-defined after them): a script that
 * lists globalThis meets what it was given before the standard library.
 */
function setGlobals(global: Record<string, unknown>, given: Record<string, unknown>): void {
  const standard = Object.getOwnPropertyNames(global)
    .map((name) => [name, Object.getOwnPropertyDescriptor(global, name)!] as const)
    .filter(([, d]) => d.configurable);
  for (const [name] of standard) delete global[name];
  Object.assign(global, given);
  for (const [name, d] of standard) Object.defineProperty(global, name, d);
}

function outputOf(json: string, filename: ScriptName, functionName: string): WorkerOutput {
  const inside = insideOf(JSON.parse(json));
  if (inside.ok) return { ok: true, resultJson: inside.resultJson, logs: inside.logs };
  if (inside.tooLarge !== undefined) return { ok: false, error: tooLargeMessage(inside.tooLarge), logs: inside.logs };
  if (inside.missing) return { ok: false, error: `The script has no function ${functionName}.`, logs: inside.logs };
  return thrown(inside, filename, inside.logs);
}

/** The world's answer, read field by field: the world's own code made it, from the script's values. */
function insideOf(value: unknown): Inside {
  const logs = logLinesOf(field(value, 'logs'));
  if (field(value, 'ok') === true) {
    const resultJson = field(value, 'resultJson');
    return { ok: true, resultJson: typeof resultJson === 'string' ? resultJson : undefined, logs };
  }
  const tooLarge = field(value, 'tooLarge');
  return {
    ok: false,
    missing: field(value, 'missing') === true,
    tooLarge: typeof tooLarge === 'number' ? tooLarge : undefined,
    error: field(value, 'error'),
    stack: field(value, 'stack'),
    logs,
  };
}

/** An error thrown while the script's top level ran: read as text only (it is the script's value). */
function describeHostSide(err: unknown): { error: string; stack: string } {
  try {
    // Each property read once: a getter may answer a string to the check and an object to the use.
    const read = (key: string): unknown =>
      (typeof err === 'object' && err !== null) || typeof err === 'function' ? Reflect.get(err, key) : undefined;
    const name = read('name');
    const message = read('message');
    if (typeof message !== 'string') return { error: `Thrown: ${String(err)}`, stack: '' };
    const stack = read('stack');
    return { error: `${typeof name === 'string' ? name : 'Error'}: ${message}`, stack: typeof stack === 'string' ? stack : '' };
  } catch {
    return { error: 'Thrown: a value that could not be read', stack: '' };
  }
}

function thrown(e: { error: unknown; stack: unknown }, name: ScriptName, logs: LogLine[]): WorkerOutput {
  // Made by the world's own code, but a script's getters were read to make it: check, never trust.
  const where = typeof e.stack === 'string' ? locate(e.stack, name.url) : undefined;
  if (typeof e.error !== 'string') return { ok: false, error: 'Thrown: a value that could not be read', logs };
  const error = where ? `${e.error} (${name.filename}:${where.line}:${where.column})` : e.error;
  return { ok: false, error: error + withheldHint(e.error), ...where, logs };
}

/** Why a global the script expected is missing, when it is one the compartment withholds. */
function withheldHint(error: string): string {
  // An unknown name reads as undefined in a compartment: `new ArrayBuffer()` is "not a constructor".
  const m = /^(?:ReferenceError: ([\w$]+) is not defined|TypeError: ([\w$]+) is not a (?:constructor|function))/.exec(error);
  const name = m?.[1] ?? m?.[2];
  if (!name || !WITHHELD.includes(name)) return '';
  return ` Debug Hook… offers no ${name}: ArrayBuffers, typed arrays, TextEncoder and TextDecoder hold memory outside the run's memory limit.`;
}
