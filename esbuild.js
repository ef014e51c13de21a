// Bundles the extension and the stand-alone sandbox into dist/.
// `node esbuild.js` builds once (minified); `node esbuild.js --watch` rebuilds on change.
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch,
  logLevel: 'info',
  // `vscode` is provided by the extension host at run time.
  external: ['vscode'],
  // Prefer packages' ES module builds: jsonc-parser's UMD build requires its parts dynamically,
  // which a bundle cannot resolve.
  mainFields: ['module', 'main'],
  plugins: [noStreamsPolyfill(), quickjsAsCommonJs()],
};

/**
 * QuickJS's loader is imported with import(), for which esbuild picks the package's ES module
 * build; that one finds itself through import.meta.url, which a CommonJS bundle does not have.
 * The CommonJS build is the same loader without it (hookWorker.ts gives it the WebAssembly).
 */
function quickjsAsCommonJs() {
  return {
    name: 'quickjs-as-commonjs',
    setup(build) {
      build.onResolve({ filter: /^@jitl\/quickjs-wasmfile-release-sync\/emscripten-module$/ }, (args) => ({
        path: require.resolve(args.path),
      }));
    },
  };
}

/**
 * node-fetch 3's fetch-blob loads `web-streams-polyfill` only where Node has no ReadableStream
 * (before 16.5). Every Node this runs on has one, so that branch never runs; bundling the polyfill
 * would add about 70 KB to the bundle loaded on first use. It resolves to a module that says so.
 */
function noStreamsPolyfill() {
  return {
    name: 'no-streams-polyfill',
    setup(build) {
      build.onResolve({ filter: /^web-streams-polyfill(\/|$)/ }, () => ({ path: 'web-streams-polyfill', namespace: 'unused' }));
      build.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({
        contents: 'throw new Error("web-streams-polyfill is not bundled: Node has ReadableStream");',
        loader: 'js',
      }));
    },
  };
}

/**
 * In main.js, dagre is required from dist/dagre.js, its own bundle, when a flow diagram is first
 * laid out: most sessions draw none, and loading main.js on first use then reads 50 KB less.
 */
function dagreApart() {
  return {
    name: 'dagre-apart',
    setup(build) {
      build.onResolve({ filter: /^@dagrejs\/dagre$/ }, () => ({ path: './dagre.js', external: true }));
    },
  };
}

/** The runtime modules' sources as a constant, for bundles that evaluate them in a sandbox. */
function runtimeSourcesDefine() {
  const fs = require('fs');
  const read = (file) => fs.readFileSync(require.resolve(file), 'utf8');
  return {
    __INTEGRATOR_IO_RUNTIME_SOURCES__: JSON.stringify({ dayjs: read('dayjs/dayjs.min.js'), sjcl: read('sjcl/sjcl.js') }),
  };
}

const entries = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    // When the bundle began to run, so activation can log how long evaluating the code took.
    banner: { js: 'globalThis.__integratorIoLoadStarted = performance.now();' },
  },
  // Everything past activation, loaded on first use by src/activation/lazyMain.ts.
  { entryPoints: ['src/main.ts'], outfile: 'dist/main.js', plugins: [...common.plugins, dagreApart()] },
  // dagre (about 50 KB), loaded from main.js by the first flow diagram's layout (src/diagram/layout.ts).
  { entryPoints: ['src/diagram/dagreBundle.ts'], outfile: 'dist/dagre.js' },
  // The sandbox's command line: `node dist/sandbox.js --port … --token …`.
  { entryPoints: ['src/sandbox/cli.ts'], outfile: 'dist/sandbox.js' },
  // Integration as code from a terminal or CI: `node dist/cli.js pull|plan|apply …` (the package's bin).
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The thread a hook script runs in, beside the bundles that start it (src/hooks/runner.ts).
  { entryPoints: ['src/hooks/hookWorker.ts'], outfile: 'dist/hookWorker.js' },
  // The thread Handlebars templates are rendered and checked in (src/handlebars/workerClient.ts).
  { entryPoints: ['src/handlebars/handlebarsWorker.ts'], outfile: 'dist/handlebarsWorker.js' },
  // The program a Debug Hook session runs under VS Code's Node debugger; it evaluates the runtime's
  // modules from their sources inside its sandbox (src/hooks/runtimeSources.ts).
  { entryPoints: ['src/hooks/debugEntry.ts'], outfile: 'dist/hookDebug.js', define: runtimeSourcesDefine() },
  // The sandbox as a library, loaded by "Start Local Sandbox" only when used, so that
  // activating the extension does not load it.
  { entryPoints: ['src/sandbox/index.ts'], outfile: 'dist/sandbox-lib.js' },
];

/** The webview pages (TypeScript in src/webviews/pages), one browser bundle each, loaded by the panels. */
const PAGES = ['errors', 'jobs', 'exportPreview', 'audit', 'mapping', 'hookResult', 'flowDiagram', 'templatePlayground'];
for (const page of PAGES) {
  entries.push({
    entryPoints: [`src/webviews/pages/${page}.ts`],
    outfile: `dist/webviews/${page}.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    external: [],
    plugins: [],
  });
}

/** Codicons for the webviews, copied where their localResourceRoots (media/) can serve them. */
function copyCodicons() {
  const fs = require('fs');
  const path = require('path');
  const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  const to = path.join(__dirname, 'media', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

/**
 * What a hook run reads beside the bundles (src/hooks/runtimeFiles.ts): QuickJS's WebAssembly and
 * the sources of dayjs and sjcl, which are evaluated inside the sandbox, not bundled into the host.
 */
function copyHookRuntime() {
  const fs = require('fs');
  const path = require('path');
  const files = {
    'quickjs.wasm': '@jitl/quickjs-wasmfile-release-sync/wasm',
    'dayjs.js': 'dayjs/dayjs.min.js',
    'sjcl.js': 'sjcl/sjcl.js',
  };
  const to = path.join(__dirname, 'dist', 'hookRuntime');
  fs.mkdirSync(to, { recursive: true });
  for (const [name, from] of Object.entries(files)) fs.copyFileSync(require.resolve(from), path.join(to, name));
}

async function main() {
  copyCodicons();
  copyHookRuntime();
  for (const entry of entries) {
    const options = { ...common, ...entry };
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    } else {
      await esbuild.build(options);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
