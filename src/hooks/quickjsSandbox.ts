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
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
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
  const quickjs = new QuickJSRun(engine, run);
  try {
    return quickjs.execute(callApi);
  } catch (err) {
    return { ok: false, error: `The script could not be run: ${err instanceof Error ? err.message : String(err)}`, logs: [] };
  } finally {
    quickjs.release();
  }
}

/**
 * One run's runtime and context, with the handles it made (freed together at the end), the world
 * once made, and the time limit's state, which the interrupt handler reads while the script runs.
 */
class QuickJSRun {
  private readonly run: SandboxRun;
  private readonly runtime: QuickJSRuntime;
  private readonly vm: QuickJSContext;
  private readonly handles: QuickJSHandle[] = [];
  private world: QuickJSHandle | undefined;
  private deadline: number;
  private interrupted = false;

  /** A new runtime with the run's memory and time limits set, before anything is evaluated in it. */
  constructor(engine: QuickJSWASMModule, run: SandboxRun) {
    this.run = run;
    this.runtime = engine.newRuntime();
    this.runtime.setMemoryLimit(run.memoryLimitMb * 1024 * 1024);
    this.deadline = Date.now() + run.timeoutMs;
    this.runtime.setInterruptHandler(() => {
      if (Date.now() <= this.deadline) return false;
      this.interrupted = true;
      return true;
    });
    this.vm = this.runtime.newContext();
  }

  /** The world, the script, then its function: what it returned, or why it did not. */
  execute(callApi: CallApi): WorkerOutput {
    const world = this.makeWorld(callApi);
    const { vm, run } = this;
    const evaluated = vm.evalCode(withRequires(run.source), run.filename);
    if (evaluated.error) return this.failure(this.keep(evaluated.error));
    evaluated.value.dispose();
    const ran = vm.callFunction(
      this.keep(vm.getProp(world, 'run')),
      world,
      this.keep(vm.newString(run.functionName)),
      this.keep(vm.newString(run.optionsJson)),
    );
    if (ran.error) return this.failure(this.keep(ran.error));
    return this.afterReturn(vm.getString(this.keep(ran.value)));
  }

  /**
   * Frees the run's handles, context and runtime. After some failures (a stack overflow, a promise
   * job stopped by the time limit) QuickJS still holds objects and its runtime aborts on freeing:
   * the output is made by then, and the worker ends with the run, taking the engine with it.
   */
  release(): void {
    try {
      for (const h of this.handles.reverse()) if (h.alive) h.dispose();
      this.vm.dispose();
      this.runtime.dispose();
    } catch {
      /* the engine is left as it is; the worker ends */
    }
  }

  private keep(h: QuickJSHandle): QuickJSHandle {
    this.handles.push(h);
    return h;
  }

  /** The script's world: the integrator-api function handed in, then the world, then the modules the script names. */
  private makeWorld(callApi: CallApi): QuickJSHandle {
    const vm = this.vm;
    const callFn = this.keep(
      vm.newFunction('callApi', (arg) => vm.newString(answer(vm.typeof(arg) === 'string' ? vm.getString(arg) : '', callApi))),
    );
    vm.setProp(vm.global, '__callApi', callFn);
    const world = this.keep(evaluate(vm, WORLD_SOURCE, 'integrator-io-world'));
    this.world = world;
    for (const name of SOURCED_MODULES) {
      if (!this.run.source.includes(name)) continue; // evaluating a module costs milliseconds: only when named
      const exported = this.keep(evaluate(vm, moduleWrapper(this.run.moduleSource(name)), name));
      call(vm, world, 'define', [this.keep(vm.newString(name)), exported]).dispose();
    }
    return world;
  }

  /** The output once the function returned (`returned` is the world's coded answer), after the jobs it queued ran. */
  private afterReturn(returned: string): WorkerOutput {
    // Promise callbacks the function queued run now, as they would before the server took the result.
    const jobs = this.runtime.executePendingJobs();
    if (jobs.error) this.keep(jobs.error);
    // A callback that throws only rejects its own promise; one stopped by the time limit is said.
    const after = this.interrupted ? [STOPPED_JOB_NOTE] : [];
    if (returned === 'M') return { ok: false, error: `The script has no function ${this.run.functionName}.`, logs: this.logs() };
    if (returned[0] === 'L') return { ok: false, error: tooLargeMessage(Number(returned.slice(1))), logs: [...this.logs(), ...after] };
    // Handed on as text: the host parses it after checking its size and depth (resultLimits.ts),
    // and text crosses to the parent however deep the value is (a structured clone does not).
    return { ok: true, resultJson: returned[0] === 'V' ? returned.slice(1) : undefined, logs: [...this.logs(), ...after] };
  }

  private logs(): LogLine[] {
    const { vm, world } = this;
    if (!world) return [];
    try {
      const h = vm.callFunction(this.keep(vm.getProp(world, 'logs')), world);
      if (h.error) return (h.error.dispose(), []);
      const json = vm.getString(this.keep(h.value));
      // The world bounds what it keeps; this bounds what is parsed here whatever the script did to it.
      if (json.length > MAX_LOG_CHARS * 2 + MAX_LOG_LINES * 100)
        return [{ level: 'warn', text: '(the console output was too large to read)', atMs: 0 }];
      return logLinesOf(JSON.parse(json));
    } catch {
      return [];
    }
  }

  private failure(error: QuickJSHandle): WorkerOutput {
    const run = this.run;
    if (this.interrupted) {
      this.deadline = Date.now() + WRAP_UP_MS;
      this.interrupted = false;
      return { ok: false, stopped: 'time', error: 'time limit', logs: this.logs() };
    }
    const described = this.describe(error);
    if (described.name === 'InternalError' && described.message === 'out of memory') {
      return { ok: false, stopped: 'memory', error: memoryMessage(run.memoryLimitMb), logs: this.logs() };
    }
    const where = locate(described.stack, run.filename);
    const message = bounded(
      described.message !== undefined ? `${described.name}: ${v8Message(described.message)}` : `Thrown: ${described.thrown ?? 'undefined'}`,
      MAX_ERROR_CHARS,
    );
    return {
      ok: false,
      error: where ? `${message} (${run.filename}:${where.line}:${where.column})` : message,
      ...where,
      logs: this.logs(),
    };
  }

  /** The error as the world describes it, inside the sandbox (it may be any value the script threw). */
  private describe(error: QuickJSHandle): Described {
    const { vm, world } = this;
    try {
      if (!world) throw new Error('no world');
      const h = vm.callFunction(this.keep(vm.getProp(world, 'describe')), world, error);
      if (h.error) throw new Error('unreadable');
      const json = vm.getString(this.keep(h.value));
      if (json.length > MAX_ERROR_CHARS * 4) throw new Error('too large');
      return describedOf(JSON.parse(json));
    } catch {
      return { name: 'Error', stack: '', thrown: '(an error that could not be read)' };
    }
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
