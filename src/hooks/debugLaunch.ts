/**
 * How the Debug Hook process is started (the extension's launch configuration, and the tests that
 * start dist/hookDebug.js the same way): the fences of the process around the compartment.
 * - An environment that carries nothing of the host's: a token or INTEGRATOR_IO_* variable is not
 *   there to read even if the sandbox leaked. js-debug adds its own NODE_OPTIONS and
 *   VSCODE_INSPECTOR_OPTIONS after this; PATH stays so that it finds `node`.
 * - A heap limit, and Node's fatal-error report written into the run's private folder, which is
 *   how the extension tells "ran out of memory" from a process that ended for another reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import { field } from '../api/types';
import { MEMORY_NOTE } from './memoryWatch';

export const DEFAULT_MEMORY_LIMIT_MB = 512;

/** What starting `node` needs on each platform (Windows resolves programs and DLLs with these). */
const KEPT = new Set(['PATH', 'Path', 'PATHEXT', 'SystemRoot', 'SYSTEMROOT', 'windir', 'ComSpec']);

/**
 * The launch configuration's `env`: every host variable unset (null, which js-debug reads as
 * "remove"), but those starting `node` needs.
 */
export function debugLaunchEnv(hostEnv: NodeJS.ProcessEnv): Record<string, string | null> {
  const env: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(hostEnv)) env[name] = KEPT.has(name) && value !== undefined ? value : null;
  return env;
}

/** The environment the debugged process gets, for a process started without js-debug. */
export function debugProcessEnv(hostEnv: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(debugLaunchEnv(hostEnv))) if (value !== null) env[name] = value;
  return env;
}

const REPORT_FILE = 'fatal-report.json';

/** Node's flags for the debugged process: the heap limit, and a report if it dies of a fatal error. */
export function debugRuntimeArgs(memoryLimitMb: number, runFolder: string): string[] {
  return [
    `--max-old-space-size=${memoryLimitMb}`,
    '--report-on-fatalerror',
    `--report-directory=${runFolder}`,
    `--report-filename=${REPORT_FILE}`,
  ];
}

/** The setting's value if it is a usable number of megabytes, else the default. */
export function memoryLimitMb(setting: unknown): number {
  return typeof setting === 'number' && Number.isInteger(setting) && setting >= 16 ? setting : DEFAULT_MEMORY_LIMIT_MB;
}

/** Why the process ended without a result, from Node's fatal-error report, if it wrote one. */
export function fatalEnd(runFolder: string, functionName: string, limitMb: number): string | undefined {
  const outOfMemory = `${functionName} ran out of memory: the limit is ${limitMb} MB (the setting integratorIo.hooks.memoryLimitMb); it was stopped.`;
  // The process's own watch (memoryWatch.ts) ended it.
  if (fs.existsSync(path.join(runFolder, MEMORY_NOTE))) return outOfMemory;
  let event: unknown;
  try {
    const report: unknown = JSON.parse(fs.readFileSync(path.join(runFolder, REPORT_FILE), 'utf8'));
    event = field(field(report, 'header'), 'event');
  } catch {
    return undefined;
  }
  if (typeof event === 'string' && /heap out of memory|Allocation failed/i.test(event)) return outOfMemory;
  return `The debugged process ended on a fatal error: ${typeof event === 'string' ? event : 'unknown'}.`;
}
