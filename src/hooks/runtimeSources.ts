/**
 * The sources of the runtime's modules (`dayjs`, `sjcl`), as text, for a sandbox that evaluates
 * them inside itself instead of handing the script the host's loaded copies. esbuild writes them
 * into the bundles that need them (esbuild.js, `runtimeSources`): the packaged extension carries
 * no node_modules to read them from.
 */
declare const __INTEGRATOR_IO_RUNTIME_SOURCES__: { dayjs: string; sjcl: string } | undefined;

export function runtimeSources(): { dayjs: string; sjcl: string } {
  if (typeof __INTEGRATOR_IO_RUNTIME_SOURCES__ === 'undefined')
    throw new Error('The runtime modules are built into dist/ only: run the bundle (npm run build).');
  return __INTEGRATOR_IO_RUNTIME_SOURCES__;
}
