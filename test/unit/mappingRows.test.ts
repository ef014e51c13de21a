/** Which mapped fields the output is missing: marked in the mapping preview, not silently absent. */
import * as assert from 'assert';
import { mappingRows, missingFromOutput } from '../../src/webviews/mappingRows';

describe('mapped fields missing from the output', () => {
  const rows = mappingRows({
    mapping: {
      fields: [
        { generate: 'timestamp', extract: 'timestamp' },
        { generate: 'key', hardCodedValue: 'sqs_flow' },
        { generate: 'customer.email', extract: 'email' },
      ],
      lists: [{ generate: 'lines', fields: [{ generate: 'sku', extract: 'sku' }] }],
    },
  });

  it('names the rows no output record holds, nested and list fields included', () => {
    const output = [{ key: 'sqs_flow', customer: {}, lines: [{ qty: 1 }] }];
    assert.deepStrictEqual(missingFromOutput(rows, output), ['mapping.fields[0]', 'mapping.fields[2]', 'mapping.lists[0].fields[0]']);
  });

  it('counts a field present in any record, even with a null value', () => {
    const output = [{ key: 'a' }, { key: 'b', timestamp: null, customer: { email: 'x@example.com' }, lines: [{}, { sku: 'S1' }] }];
    assert.deepStrictEqual(missingFromOutput(rows, output), []);
  });

  it('marks nothing when there is no output to compare with', () => {
    assert.deepStrictEqual(missingFromOutput(rows, []), []);
  });
});
