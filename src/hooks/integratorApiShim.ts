/**
 * The `integrator-api` module as a script sees it: `exports.run`, `exports.runVirtual`,
 * `imports.run`, `imports.runVirtual`, `flows.run`. Each call is synchronous for the script (it
 * blocks until the parent answers, see hookWorker.ts); the parent performs it with the project's
 * API client and records it.
 */
export type CallHost = (path: string, args: unknown[]) => unknown;

export const API_CALLS = ['exports.run', 'exports.runVirtual', 'imports.run', 'imports.runVirtual', 'flows.run'] as const;

export type ApiCall = (typeof API_CALLS)[number];

/** Whether what a script asked for is one of the calls a local run offers. */
export function isApiCall(path: unknown): path is ApiCall {
  return API_CALLS.some((call) => call === path);
}

export function integratorApiShim(callHost: CallHost): Record<string, Record<string, (...args: unknown[]) => unknown>> {
  const api: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
  for (const path of API_CALLS) {
    const dot = path.indexOf('.');
    const group = path.slice(0, dot);
    const name = path.slice(dot + 1);
    api[group] ??= {};
    api[group][name] = (...args: unknown[]) => callHost(path, args);
  }
  return api;
}
