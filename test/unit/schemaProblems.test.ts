/** Which problems of a document make a save ask: its schema's, never another source's. */
import * as assert from 'assert';
import { describeSchemaProblems, isSchemaProblem } from '../../src/model/schemaProblems';

describe('schema problems that make a save ask', () => {
  it('counts the JSON language’s schema and enum mismatches, with or without its source name', () => {
    assert.ok(isSchemaProblem({ source: 'json', code: 1, message: 'Value is not accepted.', line: 3 }));
    assert.ok(isSchemaProblem({ source: undefined, code: 0, message: 'Incorrect type. Expected "number".', line: 3 }));
    assert.ok(isSchemaProblem({ source: 'json', code: { value: 0 }, message: 'Missing property "name".', line: 0 }));
  });

  it('leaves out syntax, deprecations, schemas that did not load, and other sources', () => {
    assert.ok(!isSchemaProblem({ source: 'json', code: 0x202, message: 'Expected comma', line: 1 }));
    assert.ok(!isSchemaProblem({ source: 'json', code: 2, message: 'deprecated', line: 1 }));
    assert.ok(!isSchemaProblem({ source: 'json', code: 0x300, message: 'Unable to load schema', line: 1 }));
    assert.ok(!isSchemaProblem({ source: 'cSpell', code: 0, message: 'Unknown word', line: 1 }));
    assert.ok(!isSchemaProblem({ source: 'integrator.io (422)', code: 1, message: 'bad value', line: 1 }));
    assert.ok(!isSchemaProblem({ source: undefined, code: undefined, message: 'no code', line: 1 }));
  });

  it('names five problems with their lines, then how many more', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ source: 'json', code: 1, message: `problem ${i}`, line: i * 10 }));
    assert.strictEqual(
      describeSchemaProblems(problems),
      ['Line 1: problem 0', 'Line 11: problem 1', 'Line 21: problem 2', 'Line 31: problem 3', 'Line 41: problem 4', '…and 2 more.'].join(
        '\n',
      ),
    );
  });
});
