/** The suite's entry for @vscode/test-electron, which expects `run()` to throw on failure. */
import { run as runSuite } from './index';

export async function run(): Promise<void> {
  const results = await runSuite();
  for (const test of results.tests) console.log(`${test.state === 'passed' ? '✔' : '✘'} ${test.title}`);
  const failed = results.tests.filter((t) => t.state === 'failed');
  if (results.crashed || failed.length > 0)
    throw new Error(`${failed.length} integration test(s) failed in VS Code ${results.vscodeVersion}`);
}
