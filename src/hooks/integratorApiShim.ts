/**
 * The `integrator-api` module as a script sees it: `exports.run`, `exports.runVirtual`,
 * `imports.run`, `imports.runVirtual`, `flows.run`. Each call is synchronous for the script (it
 * blocks until the parent answers, see hookWorker.ts); the parent performs it with the project's
 * API client and records it.
 */
export type CallHost = (path: string, args: unknown[]) => unknown;

export const API_CALLS = ['exports.run', 'exports.runVirtual', 'imports.run', 'imports.runVirtual', 'flows.run'] as const;

export function integratorApiShim(callHost: CallHost): Record<string, Record<string, (...args: unknown[]) => unknown>> {
  const api: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
  for (const path of API_CALLS) {
    const [group, name] = path.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (...args: unknown[]) => callHost(path, args);
  }
  return api;
}
