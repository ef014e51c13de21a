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
};

const entries = [{ entryPoints: ['src/sandbox/cli.ts'], outfile: 'dist/sandbox.js' }];

async function main() {
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
