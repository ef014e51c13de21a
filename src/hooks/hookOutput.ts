/**
 * What one run of a hook function gives back across a thread or process boundary: what it
 * returned or threw (at the script's own line), and what it logged. Shared by the QuickJS run
 * (quickjsSandbox.ts, in the worker) and the debug run (debugEntry.ts); only data, so that it
 * crosses as a message or a file.
 */

import { field } from '../api/types';

export type LogLine = { level: 'log' | 'debug' | 'info' | 'warn' | 'error'; text: string; atMs: number };

const LEVELS: readonly LogLine['level'][] = ['log', 'debug', 'info', 'warn', 'error'];

function isLevel(value: unknown): value is LogLine['level'] {
  return LEVELS.some((level) => level === value);
}

/**
 * The console lines a sandbox's world handed over as JSON, each checked: the world writes them,
 * but from what the script logged, so a line that is not one is left out.
 */
export function logLinesOf(value: unknown): LogLine[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((line: unknown) => {
    const level = field(line, 'level');
    const text = field(line, 'text');
    const atMs = field(line, 'atMs');
    return isLevel(level) && typeof text === 'string' && typeof atMs === 'number' ? [{ level, text, atMs }] : [];
  });
}

export type WorkerOutput =
  /** `resultJson`: what the function returned, as JSON text (none when it returned nothing JSON carries). */
  | { ok: true; resultJson?: string; logs: LogLine[] }
  | {
      ok: false;
      error: string;
      line?: number;
      column?: number;
      logs: LogLine[];
      /** Set when the run was stopped by a limit rather than by the script's own throw. */
      stopped?: 'time' | 'memory';
    };

/** The script's own line and column in a stack: the first frame at `filename`, as the stack names the script (a file name, or a URL in the debug run). */
export function locate(stack: string, filename: string): { line: number; column: number } | undefined {
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(`${filename}:`);
    if (at < 0) continue;
    const m = /:(\d+):(\d+)\)?\s*$/.exec(line.slice(at + filename.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

/** The memory a script may use unless the user set another limit (integratorIo.hooks.memoryLimitMb, --memory-limit). */
export const DEFAULT_MEMORY_LIMIT_MB = 512;

/** What a run stopped at its memory limit says. */
export function memoryMessage(limitMb: number): string {
  return `The script ran out of memory: the limit is ${limitMb} MB; it was stopped.`;
}
