/**
 * The files a QuickJS run reads: the engine's WebAssembly and the sources of `dayjs` and `sjcl`
 * (evaluated inside the sandbox, never `require`d here). Bundled, they sit in dist/hookRuntime/
 * (esbuild.js copies them there, and the .vsix carries them); compiled for the tests, they are
 * read from node_modules.
 */
import * as fs from 'fs';
import * as path from 'path';

export const RUNTIME_FILES = {
  'quickjs.wasm': '@jitl/quickjs-wasmfile-release-sync/wasm',
  'dayjs.js': 'dayjs/dayjs.min.js',
  'sjcl.js': 'sjcl/sjcl.js',
} as const;

export type RuntimeFile = keyof typeof RUNTIME_FILES;

/** Where a runtime file is: beside the bundle, else in node_modules. */
export function runtimeFilePath(name: RuntimeFile): string {
  const bundled = path.join(__dirname, 'hookRuntime', name);
  if (fs.existsSync(bundled)) return bundled;
  return require.resolve(RUNTIME_FILES[name]);
}

/** A runtime module's source, by the name a script imports it by. */
export function moduleSource(name: string): string {
  if (name !== 'dayjs' && name !== 'sjcl') throw new Error(`No source for module ${name}`);
  return fs.readFileSync(runtimeFilePath(`${name}.js`), 'utf8');
}
