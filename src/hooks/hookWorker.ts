/**
 * The worker thread a hook runs in (never the extension host): trusted host code that loads
 * QuickJS when it starts (so a worker kept warm has it ready), then runs one function of the
 * script inside it (quickjsSandbox.ts) and posts back what it returned and logged, as data.
 * `integrator-api` calls are synchronous for the script, as on the server: the worker posts the
 * call to the parent and blocks with Atomics.wait until the parent has the answer (then takes it
 * with receiveMessageOnPort).
 */
import * as fs from 'fs';
import { MessagePort, parentPort, receiveMessageOnPort, workerData } from 'worker_threads';
import { newQuickJSWASMModuleFromVariant, newVariant, QuickJSWASMModule, RELEASE_SYNC } from 'quickjs-emscripten';
import { field } from '../api/types';
import { DEFAULT_MEMORY_LIMIT_MB, WorkerOutput } from './hookOutput';
import { runInQuickJS } from './quickjsSandbox';
import { moduleSource, runtimeFilePath } from './runtimeFiles';

export type { LogLine, WorkerOutput } from './hookOutput';

export interface WorkerInput {
  source: string;
  filename: string;
  functionName: string;
  options: Record<string, unknown>;
  memoryLimitMb: number;
  timeoutMs: number;
  /** Carries integrator-api calls to the parent and their answers back. */
  calls: MessagePort;
  /** Int32 flag the parent sets when an answer is waiting. */
  signal: SharedArrayBuffer;
}

/** Room in the WebAssembly memory beyond the script's limit: QuickJS's own data, the C stack. */
const ENGINE_OVERHEAD_MB = 16;
/** The most memory QuickJS's build can address (32768 pages of 64 KB). */
const MAX_PAGES = 32768;

/**
 * The hard memory fence: QuickJS's WebAssembly memory, made here with a maximum, so an allocation
 * past the limit fails inside the engine (QuickJS throws "out of memory"). QuickJS's own counter
 * (runtime.setMemoryLimit) does not see the size of large allocations in this build.
 */
function engineMemory(limitMb: number): object {
  return new WebAssembly.Memory({ initial: 256, maximum: Math.min(MAX_PAGES, Math.ceil((limitMb + ENGINE_OVERHEAD_MB) * 16)) });
}

/** Node's WebAssembly global (the project's TypeScript libs do not declare it). */
declare const WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number }) => object };

/** What the parent started the worker with (warmWorker.ts): the compiled engine, the memory limit, whether it waits warm. */
const data = (() => {
  const settings: unknown = workerData;
  const memoryLimitMb = field(settings, 'memoryLimitMb');
  return {
    wasmModule: field(settings, 'wasmModule'),
    memoryLimitMb: typeof memoryLimitMb === 'number' ? memoryLimitMb : undefined,
    idle: field(settings, 'idle') === true,
  };
})();

/**
 * QuickJS, instantiated as the worker starts (before the run arrives when kept warm): from the
 * module the parent compiled (engineModule.ts), else from the file; with this worker's memory.
 */
const engine: Promise<QuickJSWASMModule> = (() => {
  const wasmMemory = engineMemory(data.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB);
  if (data.wasmModule) return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmModule: data.wasmModule, wasmMemory }));
  const bytes = fs.readFileSync(runtimeFilePath('quickjs.wasm'));
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmBinary, wasmMemory }));
})();

function run(input: WorkerInput, quickjs: QuickJSWASMModule): WorkerOutput {
  const flag = new Int32Array(input.signal);
  const callApi = (path: string, args: unknown[]): unknown => {
    Atomics.store(flag, 0, 0);
    input.calls.postMessage({ path, args });
    Atomics.wait(flag, 0, 0);
    // The parent's answer: { result } or { error }.
    const answer: unknown = receiveMessageOnPort(input.calls)?.message;
    if (!answer) throw new Error(`integrator-api ${path}: no answer`);
    const error = field(answer, 'error');
    if (error !== undefined) throw new Error(typeof error === 'string' ? error : 'an error that could not be read');
    return field(answer, 'result');
  };
  return runInQuickJS(
    quickjs,
    {
      source: input.source,
      filename: input.filename,
      functionName: input.functionName,
      optionsJson: JSON.stringify(input.options),
      memoryLimitMb: input.memoryLimitMb,
      timeoutMs: input.timeoutMs,
      moduleSource,
    },
    callApi,
  );
}

/**
 * In a worker started ahead of need, once the engine is in: small runs ahead of the real one, so
 * that the real one does not pay for first use (the engine's bindings, the world's evaluation).
 */
const WARM_UP = {
  source: 'function warmUp(options) { return { data: options.data.map(function (r) { return { a: r.a + 1 }; }), errors: [] }; }',
  filename: 'warm-up.js',
  functionName: 'warmUp',
  optionsJson: '{"data":[{"a":1},{"a":2}]}',
  memoryLimitMb: 16,
  timeoutMs: 1000,
  moduleSource,
};
// A few times: V8 compiles the host side of a run (the engine's bindings) once it has run more than once.
void engine.then((quickjs) => {
  if (data.idle) for (let i = 0; i < 4; i++) runInQuickJS(quickjs, WARM_UP, () => null);
});

// The run comes as the first message, so that a worker can be started before it is needed (warmWorker.ts).
parentPort?.once('message', (input: WorkerInput) => {
  engine.then(
    (quickjs) => parentPort?.postMessage(run(input, quickjs)),
    (err: unknown) =>
      parentPort?.postMessage({
        ok: false,
        error: `The script engine did not load: ${err instanceof Error ? err.message : String(err)}`,
        logs: [],
      }),
  );
});
