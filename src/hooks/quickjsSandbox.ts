/**
 * Runs one function of a hook script in QuickJS (a separate JavaScript engine compiled to
 * WebAssembly), in a new runtime and context per run. Only JSON text crosses: `options` goes in
 * as a string parsed inside, the result and the console lines come out as strings parsed here.
 * The script's world is made inside (sandboxWorld.ts); `dayjs` and `sjcl` are evaluated inside
 * from their sources, only for a script that names them. One host function crosses the other
 * way, `integrator-api` calls as JSON text, answered by `callApi` (the worker's blocking call).
 *
 * Limits: the runtime's memory limit (an allocation past it throws inside, and the run reports
 * it) and the time limit, checked by QuickJS's interrupt handler while the script runs.
 * Runs in the worker thread (hookWorker.ts), never in the extension host's thread.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten';
import { field } from '../api/types';
import { locate, LogLine, logLinesOf, memoryMessage, WorkerOutput } from './hookOutput';
import { isApiCall } from './integratorApiShim';
import { withRequires } from './scriptSource';
import { moduleWrapper, WORLD_SOURCE } from './sandboxWorld';
import { v8Message } from './quickjsMessages';
import { bounded, MAX_ERROR_CHARS, MAX_LOG_CHARS, MAX_LOG_LINES, MAX_RESULT_CHARS, tooLargeMessage } from './resultLimits';

export interface SandboxRun {
  source: string;
  filename: string;
  functionName: string;
  /** `options`, as JSON text. */
  optionsJson: string;
  memoryLimitMb: number;
  timeoutMs: number;
  /** The sources of the runtime's modules, by name (`dayjs`, `sjcl`): read only for those the script names. */
  moduleSource(name: string): string;
}

/** Performs an integrator-api call for the script, blocking until the answer comes; throws with the reason. */
export type CallApi = (path: string, args: unknown[]) => unknown;

/** Time for reading the logs and the error after the time limit stopped the script. */
const WRAP_UP_MS = 250;

/** The runtime's modules evaluated from their sources, in the order a script may need them. */
const SOURCED_MODULES = ['dayjs', 'sjcl'] as const;

export function runInQuickJS(engine: QuickJSWASMModule, run: SandboxRun, callApi: CallApi): WorkerOutput {
  const runtime = engine.newRuntime();
  runtime.setMemoryLimit(run.memoryLimitMb * 1024 * 1024);
  let deadline = Date.now() + run.timeoutMs;
  let interrupted = false;
  runtime.setInterruptHandler(() => {
    if (Date.now() <= deadline) return false;
    interrupted = true;
    return true;
  });
  const vm = runtime.newContext();
  const handles: QuickJSHandle[] = [];
  const keep = (h: QuickJSHandle) => (handles.push(h), h);
  let world: QuickJSHandle | undefined;
  try {
    const callFn = keep(
      vm.newFunction('callApi', (arg) => vm.newString(answer(vm.typeof(arg) === 'string' ? vm.getString(arg) : '', callApi))),
    );
    vm.setProp(vm.global, '__callApi', callFn);
    world = keep(evaluate(vm, WORLD_SOURCE, 'integrator-io-world'));
    for (const name of SOURCED_MODULES) {
      if (!run.source.includes(name)) continue; // evaluating a module costs milliseconds: only when named
      const exported = keep(evaluate(vm, moduleWrapper(run.moduleSource(name)), name));
      call(vm, world, 'define', [keep(vm.newString(name)), exported]).dispose();
    }
    const evaluated = vm.evalCode(withRequires(run.source), run.filename);
    if (evaluated.error) return failure(keep(evaluated.error));
    evaluated.value.dispose();
    const ran = vm.callFunction(
      keep(vm.getProp(world, 'run')),
      world,
      keep(vm.newString(run.functionName)),
      keep(vm.newString(run.optionsJson)),
    );
    if (ran.error) return failure(keep(ran.error));
    const returned = vm.getString(keep(ran.value));
    // Promise callbacks the function queued run now, as they would before the server took the result.
    const jobs = runtime.executePendingJobs();
    if (jobs.error) keep(jobs.error);
    // A callback that throws only rejects its own promise; one stopped by the time limit is said.
    const after = interrupted ? [STOPPED_JOB_NOTE] : [];
    if (returned === 'M') return { ok: false, error: `The script has no function ${run.functionName}.`, logs: logs() };
    if (returned[0] === 'L') return { ok: false, error: tooLargeMessage(Number(returned.slice(1))), logs: [...logs(), ...after] };
    // Handed on as text: the host parses it after checking its size and depth (resultLimits.ts),
    // and text crosses to the parent however deep the value is (a structured clone does not).
    return { ok: true, resultJson: returned[0] === 'V' ? returned.slice(1) : undefined, logs: [...logs(), ...after] };
  } catch (err) {
    return { ok: false, error: `The script could not be run: ${err instanceof Error ? err.message : String(err)}`, logs: [] };
  } finally {
    release();
  }

  /**
   * Frees the run's handles, context and runtime. After some failures (a stack overflow, a promise
   * job stopped by the time limit) QuickJS still holds objects and its runtime aborts on freeing:
   * the output is made by then, and the worker ends with the run, taking the engine with it.
   */
  function release(): void {
    try {
      for (const h of handles.reverse()) if (h.alive) h.dispose();
      vm.dispose();
      runtime.dispose();
    } catch {
      /* the engine is left as it is; the worker ends */
    }
  }

  function logs(): LogLine[] {
    if (!world) return [];
    try {
      const h = vm.callFunction(keep(vm.getProp(world, 'logs')), world);
      if (h.error) return (h.error.dispose(), []);
      const json = vm.getString(keep(h.value));
      // The world bounds what it keeps; this bounds what is parsed here whatever the script did to it.
      if (json.length > MAX_LOG_CHARS * 2 + MAX_LOG_LINES * 100)
        return [{ level: 'warn', text: '(the console output was too large to read)', atMs: 0 }];
      return logLinesOf(JSON.parse(json));
    } catch {
      return [];
    }
  }

  function failure(error: QuickJSHandle): WorkerOutput {
    if (interrupted) {
      deadline = Date.now() + WRAP_UP_MS;
      interrupted = false;
      return { ok: false, stopped: 'time', error: 'time limit', logs: logs() };
    }
    let described: Described;
    try {
      if (!world) throw new Error('no world');
      const h = vm.callFunction(keep(vm.getProp(world, 'describe')), world, error);
      if (h.error) throw new Error('unreadable');
      const json = vm.getString(keep(h.value));
      if (json.length > MAX_ERROR_CHARS * 4) throw new Error('too large');
      described = describedOf(JSON.parse(json));
    } catch {
      described = { name: 'Error', stack: '', thrown: '(an error that could not be read)' };
    }
    if (described.name === 'InternalError' && described.message === 'out of memory') {
      return { ok: false, stopped: 'memory', error: memoryMessage(run.memoryLimitMb), logs: logs() };
    }
    const where = locate(described.stack, run.filename);
    const message = bounded(
      described.message !== undefined ? `${described.name}: ${v8Message(described.message)}` : `Thrown: ${described.thrown ?? 'undefined'}`,
      MAX_ERROR_CHARS,
    );
    return { ok: false, error: where ? `${message} (${run.filename}:${where.line}:${where.column})` : message, ...where, logs: logs() };
  }
}

/** An error as the world's `describe` wrote it: its message, or the text of a thrown value that is not an Error. */
type Described = { name: string; message?: string; stack: string; thrown?: string };

/** The world's description of an error, checked: it is made from the script's value. Unreadable, it throws. */
function describedOf(value: unknown): Described {
  const name = field(value, 'name');
  const stack = field(value, 'stack');
  const message = field(value, 'message');
  const thrown = field(value, 'thrown');
  if (typeof name !== 'string' || typeof stack !== 'string') throw new Error('unreadable');
  return {
    name,
    stack,
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof thrown === 'string' ? { thrown } : {}),
  };
}

/** Said after the result when a promise callback the function queued ran past the time limit. */
const STOPPED_JOB_NOTE: LogLine = {
  level: 'warn',
  text: 'A promise callback the function queued was stopped at the time limit; the result is what the function returned.',
  atMs: 0,
};

/** Evaluates source in the context; an error becomes a host Error carrying the message only. */
function evaluate(vm: QuickJSContext, source: string, filename: string): QuickJSHandle {
  const result = vm.evalCode(source, filename);
  if (result.error) {
    const detail: unknown = vm.dump(result.error);
    result.error.dispose();
    throw new Error(`${filename} did not load: ${typeof detail === 'string' ? detail : String(field(detail, 'message'))}`);
  }
  return result.value;
}

function call(vm: QuickJSContext, target: QuickJSHandle, method: string, args: QuickJSHandle[]): QuickJSHandle {
  const fn = vm.getProp(target, method);
  try {
    const result = vm.callFunction(fn, target, ...args);
    if (result.error) {
      result.error.dispose();
      throw new Error(`${method} failed`);
    }
    return result.value;
  } finally {
    fn.dispose();
  }
}

/** One integrator-api call: JSON text in, JSON text out, never a host value. */
function answer(request: string, callApi: CallApi): string {
  let call: unknown;
  if (request.length > MAX_RESULT_CHARS)
    return JSON.stringify({ error: 'integrator-api: the call carries more data than a local run sends' });
  try {
    call = JSON.parse(request);
  } catch {
    return JSON.stringify({ error: 'integrator-api: the call could not be read' });
  }
  const path = field(call, 'path');
  const args = field(call, 'args');
  if (!isApiCall(path) || !Array.isArray(args)) {
    return JSON.stringify({ error: 'integrator-api: no such call' });
  }
  try {
    const result = callApi(path, args);
    return JSON.stringify({ result: result === undefined ? null : result });
  } catch (err) {
    return JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
  }
}
