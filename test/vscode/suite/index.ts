/**
 * Entry of the integration suite inside the test VS Code's extension host: runs every
 * `*.test.js` beside this file with mocha and returns the results for the harness.
 */
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import { TestResult } from '../../support/results';
import { usedSecrets } from './support';

export interface SuiteResults {
  vscodeVersion: string;
  tests: TestResult[];
  /** Tokens the suite used; the harness checks that none of them was written anywhere. */
  secrets: string[];
  crashed?: string;
}

export async function run(): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.INTEGRATOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  const tests: TestResult[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, err: Error) =>
      tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: err.stack ?? String(err) }),
    );
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
  });
  return { vscodeVersion: vscode.version, tests, secrets: usedSecrets() };
}
