/**
 * Mocha reporter for the unit tests: prints like "spec" and writes test-results/unit.json for
 * the fault and security summary.
 */
import Mocha from 'mocha';
import { TestResult, writeResults } from './results';

class ResultsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const tests: TestResult[] = [];
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, err: Error) =>
      tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: err.message }),
    );
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
    runner.once('end', () => writeResults('unit', tests));
  }
}

export = ResultsReporter;
