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
import { locate, LogLine, memoryMessage, WorkerOutput } from './hookOutput';
import { API_CALLS } from './integratorApiShim';
import { withRequires } from './scriptSource';
import { moduleWrapper, WORLD_SOURCE } from './sandboxWorld';
import { v8Message } from './quickjsMessages';

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
    const resultJson = vm.getString(keep(ran.value));
    // Promise callbacks the function queued run now, as they would before the server took the result.
    const jobs = runtime.executePendingJobs();
    if (jobs.error) jobs.error.dispose();
    const parsed = JSON.parse(resultJson) as { missing?: boolean; value?: unknown };
    if (parsed.missing) return { ok: false, error: `The script has no function ${run.functionName}.`, logs: logs() };
    return { ok: true, result: parsed.value, logs: logs() };
  } catch (err) {
    return { ok: false, error: `The script could not be run: ${(err as Error).message}`, logs: [] };
  } finally {
    for (const h of handles.reverse()) if (h.alive) h.dispose();
    vm.dispose();
    runtime.dispose();
  }

  function logs(): LogLine[] {
    if (!world) return [];
    try {
      const h = vm.callFunction(keep(vm.getProp(world, 'logs')), world);
      if (h.error) return (h.error.dispose(), []);
      return JSON.parse(vm.getString(keep(h.value))) as LogLine[];
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
    let described: { name: string; message?: string; stack: string; thrown?: string };
    try {
      if (!world) throw new Error('no world');
      const h = vm.callFunction(keep(vm.getProp(world, 'describe')), world, error);
      if (h.error) throw new Error('unreadable');
      described = JSON.parse(vm.getString(keep(h.value))) as typeof described;
    } catch {
      described = { name: 'Error', stack: '', thrown: '(an error that could not be read)' };
    }
    if (described.name === 'InternalError' && described.message === 'out of memory') {
      return { ok: false, stopped: 'memory', error: memoryMessage(run.memoryLimitMb), logs: logs() };
    }
    const where = locate(described.stack, run.filename);
    const message =
      described.message !== undefined ? `${described.name}: ${v8Message(described.message)}` : `Thrown: ${described.thrown ?? 'undefined'}`;
    return { ok: false, error: where ? `${message} (${run.filename}:${where.line}:${where.column})` : message, ...where, logs: logs() };
  }
}

/** Evaluates source in the context; an error becomes a host Error carrying the message only. */
function evaluate(vm: QuickJSContext, source: string, filename: string): QuickJSHandle {
  const result = vm.evalCode(source, filename);
  if (result.error) {
    const detail = vm.dump(result.error) as { message?: string } | string;
    result.error.dispose();
    throw new Error(`${filename} did not load: ${typeof detail === 'string' ? detail : String(detail?.message)}`);
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
  let call: { path?: unknown; args?: unknown };
  try {
    call = JSON.parse(request) as typeof call;
  } catch {
    return JSON.stringify({ error: 'integrator-api: the call could not be read' });
  }
  const path = call.path;
  if (typeof path !== 'string' || !(API_CALLS as readonly string[]).includes(path) || !Array.isArray(call.args)) {
    return JSON.stringify({ error: 'integrator-api: no such call' });
  }
  try {
    const result = callApi(path, call.args as unknown[]);
    return JSON.stringify({ result: result === undefined ? null : result });
  } catch (err) {
    return JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
  }
}
