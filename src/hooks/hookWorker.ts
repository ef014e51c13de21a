/**
 * The worker thread a hook runs in (never the extension host): it builds the script's world
 * (console, the three modules of the runtime), runs one function with `options`, and posts back
 * what it returned and what it logged. `integrator-api` calls are synchronous for the script, as
 * on the server: the worker posts the call to the parent and blocks with Atomics.wait until the
 * parent has the answer (then takes it with receiveMessageOnPort).
 */
import { MessagePort, parentPort, receiveMessageOnPort } from 'worker_threads';
import { executeHook, WorkerOutput } from './execute';

export type { LogLine, WorkerOutput } from './execute';

export interface WorkerInput {
  source: string;
  filename: string;
  functionName: string;
  options: Record<string, unknown>;
  /** Carries integrator-api calls to the parent and their answers back. */
  calls: MessagePort;
  /** Int32 flag the parent sets when an answer is waiting. */
  signal: SharedArrayBuffer;
}

function run(input: WorkerInput): WorkerOutput {
  const flag = new Int32Array(input.signal);
  const callHost = (path: string, args: unknown[]): unknown => {
    Atomics.store(flag, 0, 0);
    input.calls.postMessage({ path, args });
    Atomics.wait(flag, 0, 0);
    const answer = receiveMessageOnPort(input.calls)?.message as { result?: unknown; error?: string } | undefined;
    if (!answer) throw new Error(`integrator-api ${path}: no answer`);
    if (answer.error !== undefined) throw new Error(answer.error);
    return answer.result;
  };
  return executeHook(input, callHost);
}

// The run comes as the first message, so that a worker can be started before it is needed (warmWorker.ts).
parentPort?.once('message', (input: WorkerInput) => parentPort?.postMessage(run(input)));
