/**
 * Runs one function of a hook script locally: in QuickJS inside a worker thread (README.md),
 * with a memory limit and a time limit (a runaway loop, a runaway allocation or a crash ends the
 * run, not the caller), with `options` completed from the hook's contract, and `integrator-api`
 * calls performed by `api`. Returns what the function returned,
 * its console output, the calls it made, how long it took, and the contract check.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel } from 'worker_threads';
import type { MessagePort, Worker } from 'worker_threads';
import { checkContract, fillOptions, HookType, routerReturnKind } from './contracts';
import { CallLog, HookCall } from './callLog';
import { compileEngine } from './engineModule';
import { DEFAULT_MEMORY_LIMIT_MB, LogLine, memoryMessage, WorkerOutput } from './hookOutput';
import type { WorkerInput } from './hookWorker';
import { pairRecords, RecordPair } from './pairs';
import { parseResult } from './resultLimits';
import { refillWorker, takeWorker } from './warmWorker';

export interface HookRun {
  source: string;
  /** Shown in errors and stacks: the script's file or document name. */
  filename: string;
  functionName: string;
  type: HookType;
  /** The `options` given (a sample); documented fields left out are filled with empty values. */
  input: unknown;
  timeoutMs?: number;
  /** The script's memory limit in MB (QuickJS's runtime limit); DEFAULT_MEMORY_LIMIT_MB if not given. */
  memoryLimitMb?: number;
  /** Performs an `integrator-api` call (`exports.runVirtual`, …) for the script. */
  api?: (path: string, args: unknown[]) => Promise<unknown>;
  /** Ends the run at once when aborted (a cancelled call), as the time limit does: the worker is ended. */
  signal?: AbortSignal;
}

export type { HookCall } from './callLog';

export interface HookResult {
  /** Whether the function returned (it may still break the contract). */
  returned: boolean;
  result?: unknown;
  /** Why it did not return: the error with the script's line, or the time limit. */
  error?: string;
  line?: number;
  column?: number;
  timedOut?: boolean;
  /** Ended because the run's signal was aborted. */
  cancelled?: boolean;
  /** Stopped at the memory limit. */
  outOfMemory?: boolean;
  logs: LogLine[];
  calls: HookCall[];
  contract: { ok: boolean; problems: string[]; notes: string[] };
  /** Fields of `options` the runner filled in. */
  filled: string[];
  /** Records before and after, paired where the hook's contract pairs them. */
  pairs?: RecordPair[];
  ms: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export { DEFAULT_MEMORY_LIMIT_MB };

/**
 * How long past the time limit the worker is ended if QuickJS's interrupt handler has not
 * stopped the script first (it cannot while the worker waits on an integrator-api answer).
 */
const TERMINATE_GRACE_MS = 1_000;

/** The worker's file: beside this one when compiled (out/), `hookWorker.js` in dist/ when bundled. */
function workerFile(): string {
  const candidates = [path.join(__dirname, 'hookWorker.js'), path.join(__dirname, 'hooks', 'hookWorker.js')];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The hook runner's worker is missing (looked for ${candidates.join(', ')}).`);
  return found;
}

/**
 * Starts the engine and the next run's worker ahead of need, while a click still looks for the
 * hook's uses and sample: the first run of a session then does not wait on them (some 300 ms).
 * Runs no script; does nothing in a process that keeps no worker warm (warmWorker.ts).
 */
export async function warmUpRunner(memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB): Promise<void> {
  await compileEngine();
  refillWorker(workerFile(), memoryLimitMb);
}

export async function runHook(run: HookRun): Promise<HookResult> {
  const started = performance.now();
  const { options, filled } = fillOptions(run.type, run.input);
  const calls = new CallLog();
  const channel = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const timeoutMs = run.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryLimitMb = run.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
  const input: WorkerInput = {
    source: run.source,
    filename: run.filename,
    functionName: run.functionName,
    options,
    memoryLimitMb,
    timeoutMs,
    calls: channel.port2,
    signal,
  };
  const file = workerFile();
  await compileEngine();
  const worker = takeWorker(file, memoryLimitMb);
  worker.postMessage(input, [channel.port2]);
  const line: CallLine = { port: channel.port1, flag, calls, api: run.api };
  channel.port1.on('message', (message: { path: string; args: unknown[] }) => answerCall(line, message));
  const output = await outputOf(worker, timeoutMs, memoryLimitMb, run.signal);
  channel.port1.close();
  void worker.terminate();
  refillWorker(file, memoryLimitMb);
  const ms = Math.round(performance.now() - started);
  if (output === 'cancelled') return cancelledResult(run.functionName, calls.list(), filled, ms);
  if (output === 'timeout' || (!output.ok && output.stopped === 'time')) {
    return timedOutResult(run.functionName, timeoutMs, output === 'timeout' ? [] : output.logs, calls.list(), filled, ms);
  }
  return resultOf(run.type, options, filled, output, calls.list(), ms);
}

/** The parent's end of the worker's integrator-api calls: answers go on `port`, and `flag` wakes the waiting worker. */
interface CallLine {
  port: MessagePort;
  flag: Int32Array;
  calls: CallLog;
  api: HookRun['api'];
}

/** Answers one integrator-api call of the script: refused past the run's call limit, else performed by `api` and logged. */
function answerCall(line: CallLine, message: { path: string; args: unknown[] }): void {
  const callStarted = performance.now();
  const admitted = line.calls.admit();
  if (!admitted.ok) return reply(line, { error: admitted.error });
  const answer = (answered: CallAnswer) => {
    line.calls.record({
      path: message.path,
      ms: Math.round(performance.now() - callStarted),
      ...(answered.error ? { error: answered.error } : {}),
    });
    reply(line, answered);
  };
  if (!line.api) return answer({ error: `integrator-api ${message.path} needs an environment to call (none was given to this run).` });
  line.api(message.path, message.args).then(
    (result) => answer({ result: result === undefined ? null : result }),
    (err: unknown) => answer({ error: `integrator-api ${message.path}: ${err instanceof Error ? err.message : String(err)}` }),
  );
}

type CallAnswer = { result?: unknown; error?: string };

/** Posts the answer, then wakes the worker, which waits on the flag (Atomics.wait) until it is set. */
function reply(line: CallLine, answer: CallAnswer): void {
  line.port.postMessage(answer);
  Atomics.store(line.flag, 0, 1);
  Atomics.notify(line.flag, 0);
}

/**
 * What the worker hands back, or what ended it: a crash, its heap fence, an exit, 'timeout'
 * when it is still running a grace period past the time limit, or 'cancelled' when `signal`
 * aborts (in both it is ended, as QuickJS's interrupt handler cannot stop a worker that waits).
 */
function outputOf(
  worker: Worker,
  timeoutMs: number,
  memoryLimitMb: number,
  signal?: AbortSignal,
): Promise<WorkerOutput | 'timeout' | 'cancelled'> {
  return new Promise<WorkerOutput | 'timeout' | 'cancelled'>((resolve) => {
    const end = (why: 'timeout' | 'cancelled') => {
      settle(why);
      void worker.terminate();
    };
    const timer = setTimeout(() => end('timeout'), timeoutMs + TERMINATE_GRACE_MS);
    const cancel = () => end('cancelled');
    /** The first outcome wins (a promise settles once); the timer and the signal are let go. */
    const settle = (outcome: WorkerOutput | 'timeout' | 'cancelled') => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      resolve(outcome);
    };
    if (signal?.aborted) return end('cancelled');
    signal?.addEventListener('abort', cancel, { once: true });
    worker.once('message', (message: WorkerOutput) => settle(message));
    worker.once('error', (err: Error & { code?: string }) => {
      // The worker's own heap fence (warmWorker.ts): the script made more than its limit allows.
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') settle({ ok: false, stopped: 'memory', error: memoryMessage(memoryLimitMb), logs: [] });
      else settle({ ok: false, error: `The script crashed its worker: ${err.message}`, logs: [] });
    });
    // A message that could not be read on this side (nothing the worker posts should be one).
    worker.once('messageerror', (err: Error) => {
      settle({ ok: false, error: `The script's output could not be read: ${err.message}`, logs: [] });
    });
    worker.once('exit', (code) => {
      settle({ ok: false, error: `The script's worker ended (exit code ${code}) before the function returned.`, logs: [] });
    });
  });
}

/** A run stopped at its time limit: by QuickJS's interrupt handler (with its logs) or by ending the worker (none). */
function timedOutResult(
  functionName: string,
  timeoutMs: number,
  logs: LogLine[],
  calls: HookCall[],
  filled: string[],
  ms: number,
): HookResult {
  return {
    returned: false,
    timedOut: true,
    error: `${functionName} did not return within ${timeoutMs / 1000} s (the time limit); it was stopped.`,
    logs,
    calls,
    contract: { ok: false, problems: [], notes: [] },
    filled,
    ms,
  };
}

/** A run ended because its signal was aborted: whatever it had done is let go. */
function cancelledResult(functionName: string, calls: HookCall[], filled: string[], ms: number): HookResult {
  return {
    returned: false,
    cancelled: true,
    error: `${functionName} was cancelled; it was stopped.`,
    logs: [],
    calls,
    contract: { ok: false, problems: [], notes: [] },
    filled,
    ms,
  };
}

/** What a run gives back, from what the function returned or threw: with the contract check. */
export function resultOf(
  type: HookType,
  options: Record<string, unknown>,
  filled: string[],
  output: WorkerOutput,
  calls: HookCall[],
  ms: number,
): HookResult {
  if (!output.ok) {
    return {
      returned: false,
      error: output.error,
      ...(output.stopped === 'memory' ? { outOfMemory: true } : {}),
      ...(output.line !== undefined ? { line: output.line, column: output.column } : {}),
      logs: output.logs,
      calls,
      contract: { ok: false, problems: [], notes: [] },
      filled,
      ms,
    };
  }
  const parsed = output.resultJson === undefined ? { value: undefined } : parseResult(output.resultJson);
  if ('error' in parsed) return resultOf(type, options, filled, { ok: false, error: parsed.error, logs: output.logs }, calls, ms);
  const result = parsed.value;
  const problems = checkContract(type, options, result);
  const notes: string[] = [];
  if (type === 'router') {
    const kind = routerReturnKind(result);
    if (kind) notes.push(`The router returned branch ${kind}.`);
  }
  const pairs = pairRecords(type, options, result);
  return {
    returned: true,
    result,
    logs: output.logs,
    calls,
    contract: { ok: problems.length === 0, problems, notes },
    filled,
    ms,
    ...(pairs ? { pairs } : {}),
  };
}
