/** The fault and security summary: a scenario passes only when every test named for it ran and passed. */
import * as assert from 'assert';
import { judge } from '../faults/summary';
import { Scenario } from '../faults/scenarios';
import { SuiteName, TestResult } from '../support/results';

const scenario: Scenario = {
  group: 'g',
  scenario: 's',
  fault: 'f',
  holds: 'h',
  tests: [
    { suite: 'unit', title: 'a save' },
    { suite: 'vscode', title: 'a list' },
  ],
};

function results(unit: TestResult[] | undefined, vscode: TestResult[] | undefined) {
  return (suite: SuiteName) => (suite === 'unit' ? unit : suite === 'vscode' ? vscode : undefined);
}

const passed = (title: string): TestResult => ({ title, state: 'passed', durationMs: 1 });

describe('fault and security summary', () => {
  it('passes a scenario whose tests all ran and passed, counting them', () => {
    const [result] = judge([scenario], results([passed('x a save y')], [passed('a list'), passed('a list again')]));
    assert.strictEqual(result!.verdict, 'passed');
    assert.strictEqual(result!.checks, 3);
  });

  it('fails a scenario when one of its tests failed', () => {
    const [result] = judge([scenario], results([{ ...passed('a save'), state: 'failed' }], [passed('a list')]));
    assert.strictEqual(result!.verdict, 'FAILED');
    assert.deepStrictEqual(result!.problems, ['failed: [unit] a save']);
  });

  it('reports NOT RUN when a named test is missing, skipped, or its suite did not run', () => {
    assert.strictEqual(judge([scenario], results([passed('a save')], undefined))[0]!.verdict, 'NOT RUN');
    assert.strictEqual(judge([scenario], results([passed('a save')], [{ ...passed('a list'), state: 'pending' }]))[0]!.verdict, 'NOT RUN');
    assert.strictEqual(judge([scenario], results([passed('renamed')], [passed('a list')]))[0]!.verdict, 'NOT RUN');
  });
});
