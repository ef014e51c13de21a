/**
 * Renders and checks templates in a worker thread (handlebarsWorker.ts), one request at a time,
 * each with a time limit: past it the worker is ended (that is what stops a regular expression
 * that backtracks for ever) and the next request starts a new one. The worker is kept between
 * requests, unreferenced, so hovering template after template costs no start-up.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Finding } from './analysis';
import type { RenderResult } from './engine';
import { isResponseTo, WorkerRequest } from './workerProtocol';

export const DEFAULT_TIME_LIMIT_MS = 2_000;
/** The worker's heap: a template's output is bounded at 10 MB of text by the engine; this is the fence behind it. */
const HEAP_MB = 256;

/** One template to render and/or check (render by default), and how long it may take. */
export type TemplateJob = Omit<WorkerRequest, 'id'> & { timeLimitMs?: number };

export interface TemplateAnswer {
  render?: RenderResult;
  findings?: Finding[];
}

let worker: Worker | undefined;
let nextId = 1;
/**
 * Templates waiting for the worker, one at a time. What a person waits on (a hover, the
 * playground, the command line) goes before the background checks of the Problems view.
 */
const waiting: { job: TemplateJob; urgent: boolean; resolve: (answer: TemplateAnswer) => void; reject: (err: unknown) => void }[] = [];
let busy = false;

/** The worker's file: beside this one when compiled (out/), `handlebarsWorker.js` in dist/ when bundled. */
function workerFile(): string {
  const candidates = [path.join(__dirname, 'handlebarsWorker.js'), path.join(__dirname, 'handlebars', 'handlebarsWorker.js')];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The template worker is missing (looked for ${candidates.join(', ')}).`);
  return found;
}

function started(): Worker {
  if (worker) return worker;
  const next = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32 } });
  next.unref();
  next.once('exit', () => {
    if (worker === next) worker = undefined;
  });
  worker = next;
  return next;
}

/**
 * Renders and/or checks one template; a template stopped at the time limit is a render problem,
 * never a hang. `urgent: false` for background checks, which wait behind everything urgent.
 */
export function runTemplate(job: TemplateJob, { urgent = true }: { urgent?: boolean } = {}): Promise<TemplateAnswer> {
  return new Promise<TemplateAnswer>((resolve, reject) => {
    const entry = { job, urgent, resolve, reject };
    const firstBackground = urgent ? waiting.findIndex((w) => !w.urgent) : -1;
    if (firstBackground >= 0) waiting.splice(firstBackground, 0, entry);
    else waiting.push(entry);
    next();
  });
}

function next(): void {
  if (busy) return;
  const entry = waiting.shift();
  if (!entry) return;
  busy = true;
  once(entry.job)
    .then(entry.resolve, entry.reject)
    .finally(() => {
      busy = false;
      next();
    });
}

function once(job: TemplateJob): Promise<TemplateAnswer> {
  const limit = job.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const thread = started();
  const id = nextId++;
  const request: WorkerRequest = {
    id,
    template: job.template,
    context: job.context,
    ...(job.escape ? { escape: job.escape } : {}),
    ...(job.kind ? { kind: job.kind } : {}),
    render: job.render ?? true,
    analyse: job.analyse ?? false,
  };
  return new Promise<TemplateAnswer>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      thread.off('message', onMessage);
      thread.off('exit', onExit);
      thread.off('error', onError);
      thread.unref();
    };
    const onMessage = (message: unknown) => {
      if (!isResponseTo(message, id)) return;
      done();
      if (message.kind === 'failure') reject(new Error(message.failure));
      else resolve({ ...(message.render ? { render: message.render } : {}), ...(message.findings ? { findings: message.findings } : {}) });
    };
    const stopped = (message: string) => {
      done();
      resolve({ render: { ok: false, problem: { message } } });
    };
    const onExit = () => stopped('The template stopped its worker (it ran out of memory).');
    const onError = (err: Error) => stopped(`The template stopped its worker: ${err.message}`);
    const timer = setTimeout(() => {
      if (worker === thread) worker = undefined;
      done();
      void thread.terminate();
      resolve({ render: { ok: false, problem: { message: `The template took longer than ${limit / 1000} s; it was stopped.` } } });
    }, limit);
    thread.ref();
    thread.on('message', onMessage);
    thread.once('exit', onExit);
    thread.once('error', onError);
    thread.postMessage(request);
  });
}

/** Ends the worker (deactivation, the end of a command-line run). */
export async function stopTemplateWorker(): Promise<void> {
  const thread = worker;
  worker = undefined;
  if (thread) await thread.terminate();
}
