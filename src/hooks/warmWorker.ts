/**
 * A worker thread started ahead of need. Starting a worker and loading the script runtime takes
 * about 40 ms, a fifth of a Run Hook… click; a process that runs hooks again and again (the
 * extension) keeps one started and idle, so that the next run takes it at once. Isolation is
 * unchanged: each run still gets a worker nothing ran in before, and the worker ends with the run.
 * The idle one is unreferenced, so it never keeps a process alive.
 */
import { Worker } from 'worker_threads';

let spare: Worker | undefined;
let keepWarm = false;

function startWorker(file: string): Worker {
  return new Worker(file, { stdout: true, stderr: true });
}

/** A fresh worker for one run: the one kept idle if there is one, else a new one. */
export function takeWorker(file: string): Worker {
  const worker = spare ?? startWorker(file);
  spare = undefined;
  worker.ref();
  return worker;
}

/** After a run: starts the next run's worker, when the process keeps one warm. */
export function refillWorker(file: string): void {
  if (!keepWarm || spare) return;
  const next = startWorker(file);
  next.unref();
  next.once('exit', () => {
    if (spare === next) spare = undefined;
  });
  spare = next;
}

/** Whether to keep a worker started for the next run (the extension does; one-off commands need not). */
export function keepWorkerWarm(on: boolean): void {
  keepWarm = on;
  if (!on) {
    void spare?.terminate();
    spare = undefined;
  }
}

/** Whether a worker is started and idle, waiting for the next run. */
export function warmWorkerReady(): boolean {
  return spare !== undefined;
}
