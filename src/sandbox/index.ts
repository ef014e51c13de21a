/** The sandbox as a library: start it in-process (tests, the extension's "Start Local Sandbox"). */
export { startSandbox } from './server';
export type { Sandbox, SandboxOptions } from './server';
export type { FaultRule, FaultSettings } from './faults';
export type { RequestLogEntry } from './services';
