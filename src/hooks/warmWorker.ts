/**
 * A worker thread started ahead of need. Starting a worker and loading the script engine (QuickJS's
 * WebAssembly) takes some 40–60 ms, a fifth of a Run Hook… click; a process that runs hooks again and again (the
 * extension) keeps one started and idle, so that the next run takes it at once. Isolation is
 * unchanged: each run still gets a worker nothing ran in before, and the worker ends with the run.
 * The idle one is unreferenced, so it never keeps a process alive.
 */
import { ResourceLimits, Worker } from 'worker_threads';
import { compiledEngine } from './engineModule';

let spare: { worker: Worker; limitMb: number } | undefined;
let keepWarm = false;

/**
 * The worker's own V8 heap holds only the host's side of a run (options and the result as JSON
 * text): the script lives in QuickJS's WebAssembly memory, limited by the runtime. This fence is
 * the second one, for text a script makes large: past it Node ends the worker, not the process.
 */
function limitsFor(memoryLimitMb: number): ResourceLimits {
  return { maxOldGenerationSizeMb: memoryLimitMb + 256, maxYoungGenerationSizeMb: 64 };
}

/** `idle`: the worker is started ahead of need, and warms QuickJS up while it waits (hookWorker.ts). */
function startWorker(file: string, memoryLimitMb: number, idle: boolean): Worker {
  const wasmModule = compiledEngine();
  return new Worker(file, {
    stdout: true,
    stderr: true,
    resourceLimits: limitsFor(memoryLimitMb),
    workerData: { wasmModule, memoryLimitMb, idle },
  });
}

/** A fresh worker for one run: the one kept idle if there is one (with the same limit), else a new one. */
export function takeWorker(file: string, memoryLimitMb: number): Worker {
  const kept = spare;
  spare = undefined;
  if (kept && kept.limitMb !== memoryLimitMb) void kept.worker.terminate();
  const worker = kept && kept.limitMb === memoryLimitMb ? kept.worker : startWorker(file, memoryLimitMb, false);
  worker.ref();
  return worker;
}

/** After a run: starts the next run's worker, when the process keeps one warm. */
export function refillWorker(file: string, memoryLimitMb: number): void {
  if (!keepWarm || spare) return;
  const next = { worker: startWorker(file, memoryLimitMb, true), limitMb: memoryLimitMb };
  next.worker.unref();
  next.worker.once('exit', () => {
    if (spare === next) spare = undefined;
  });
  spare = next;
}

/** Whether to keep a worker started for the next run (the extension does; one-off commands need not). */
export function keepWorkerWarm(on: boolean): void {
  keepWarm = on;
  if (!on) {
    void spare?.worker.terminate();
    spare = undefined;
  }
}

/** Whether a worker is started and idle, waiting for the next run. */
export function warmWorkerReady(): boolean {
  return spare !== undefined;
}
