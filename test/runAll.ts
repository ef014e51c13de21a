/**
 * `npm test` after the build: the unit tests, the integration tests in VS Code and the UI
 * tests, one after another (each runs even when an earlier one failed, so one run shows
 * everything), then the fault and security summary. Fails when anything failed.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { judge, printSummary } from './faults/summary';
import { SCENARIOS } from './faults/scenarios';
import { clearResults, readResults } from './support/results';

const ROOT = path.resolve(__dirname, '../..');

const PHASES: { name: string; command: string[] }[] = [
  { name: 'unit', command: [require.resolve('mocha/bin/mocha.js'), '--config', 'test/unit/.mocharc.json'] },
  { name: 'vscode', command: ['out/test/vscode/harness.js'] },
  { name: 'ui', command: ['out/test/vscode/uiHarness.js'] },
];

function main(): number {
  clearResults();
  const failedPhases: string[] = [];
  for (const phase of PHASES) {
    console.log(`\n── ${phase.name} tests ──\n`);
    const run = spawnSync(process.execPath, phase.command, { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) failedPhases.push(phase.name);
  }
  const judged = judge(SCENARIOS, readResults);
  printSummary(judged);
  if (failedPhases.length) console.log(`Failed: ${failedPhases.join(', ')} tests.`);
  return failedPhases.length === 0 && judged.every((j) => j.verdict === 'passed') ? 0 : 1;
}

process.exit(main());
