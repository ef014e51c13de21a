/**
 * Each test run (unit, VS Code, UI) writes its results to test-results/<suite>.json, so that
 * the fault and security summary can report every scenario whichever suite covers it.
 */
import * as fs from 'fs';
import * as path from 'path';

export type SuiteName = 'unit' | 'vscode' | 'ui';

export interface TestResult {
  /** The full title, describe blocks included. */
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

const ROOT = path.resolve(__dirname, '../../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export function writeResults(suite: SuiteName, tests: TestResult[]): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(resultsFile(suite), `${JSON.stringify({ suite, finishedAt: new Date().toISOString(), tests }, null, 2)}\n`);
}

/** The suite's results, or undefined when it has not run. */
export function readResults(suite: SuiteName): TestResult[] | undefined {
  const file = resultsFile(suite);
  if (!fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { tests: TestResult[] }).tests;
}

/** Forgets earlier results, so that a suite that does not run this time shows as not run. */
export function clearResults(): void {
  for (const suite of ['unit', 'vscode', 'ui'] as SuiteName[]) fs.rmSync(resultsFile(suite), { force: true });
}

function resultsFile(suite: SuiteName): string {
  return path.join(RESULTS_DIR, `${suite}.json`);
}
