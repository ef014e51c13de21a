/**
 * QuickJS's WebAssembly, compiled once per process and handed to each worker (a compiled module
 * crosses to a worker without being compiled again; each worker still makes its own instance,
 * memory and runtime). Compiling takes some 10 ms, and a worker that compiles for itself spends
 * some 40 ms more on its first run; with the module shared, a worker is ready in a few ms.
 */
import * as fs from 'fs';
import { runtimeFilePath } from './runtimeFiles';

/** A compiled WebAssembly module (Node has the global; the project's TypeScript libs do not declare it). */
export type WasmModule = object;
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> };

let compiling: Promise<WasmModule> | undefined;
let compiled: WasmModule | undefined;

export function compileEngine(): Promise<WasmModule> {
  compiling ??= WebAssembly.compile(fs.readFileSync(runtimeFilePath('quickjs.wasm'))).then((module) => (compiled = module));
  return compiling;
}

/** The compiled module once compileEngine() has finished, else undefined (the worker then compiles its own). */
export function compiledEngine(): WasmModule | undefined {
  return compiled;
}
