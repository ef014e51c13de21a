/**
 * Prints the fault and security summary: one row per scenario of scenarios.ts with its result,
 * from the results the suites wrote to test-results/. A scenario passes when every test named
 * for it ran and passed; it FAILS when one failed, and is NOT RUN when one is missing.
 *
 *   node out/test/faults/summary.js
 */
import { readResults, SuiteName, TestResult } from '../support/results';
import { Scenario, SCENARIOS } from './scenarios';

export type Verdict = 'passed' | 'FAILED' | 'NOT RUN';

export interface ScenarioResult {
  scenario: Scenario;
  verdict: Verdict;
  checks: number;
  problems: string[];
}

export function judge(scenarios: Scenario[], results: (suite: SuiteName) => TestResult[] | undefined): ScenarioResult[] {
  return scenarios.map((scenario) => {
    const problems: string[] = [];
    let failed = false;
    let checks = 0;
    for (const wanted of scenario.tests) {
      const matches = (results(wanted.suite) ?? []).filter((t) => t.title.includes(wanted.title));
      const ran = matches.filter((t) => t.state !== 'pending');
      checks += ran.length;
      if (ran.length === 0) problems.push(`not run: [${wanted.suite}] ${wanted.title}`);
      for (const t of ran.filter((t) => t.state === 'failed')) {
        failed = true;
        problems.push(`failed: [${wanted.suite}] ${t.title}`);
      }
    }
    const verdict: Verdict = failed ? 'FAILED' : problems.length ? 'NOT RUN' : 'passed';
    return { scenario, verdict, checks, problems };
  });
}

export function printSummary(judged: ScenarioResult[]): void {
  const header = ['scenario', 'fault', 'what must hold', 'tests', 'result'];
  const rows = judged.map((r) => [r.scenario.scenario, r.scenario.fault, r.scenario.holds, String(r.checks), r.verdict]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ')}`;
  console.log('\nFault and security scenarios');
  let group = '';
  judged.forEach((r, i) => {
    if (r.scenario.group !== group) {
      group = r.scenario.group;
      console.log(`\n${group}`);
      console.log(line(header));
      console.log(`  ${widths.map((w) => '─'.repeat(w)).join('─┼─')}`);
    }
    console.log(line(rows[i]!));
  });
  for (const r of judged.filter((j) => j.problems.length)) {
    console.log(`\n${r.scenario.scenario}:`);
    for (const problem of r.problems) console.log(`  ${problem}`);
  }
  const passed = judged.filter((j) => j.verdict === 'passed').length;
  console.log(`\nscenarios: ${passed} of ${judged.length} passed\n`);
}

if (require.main === module) {
  const judged = judge(SCENARIOS, readResults);
  printSummary(judged);
  process.exit(judged.every((j) => j.verdict === 'passed') ? 0 : 1);
}
