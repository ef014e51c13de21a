/** The sandbox's mapping evaluator on its own: paths, generate, hard-coded values, defaults, types, lists. */
import * as assert from 'assert';
import { mapRecords } from '../../src/sandbox/mapping';

const map = (importDoc: object, records: unknown[]) => mapRecords(importDoc, records, 422);

describe('mapping evaluator', () => {
  it('Mapper 1.0: dots, array indexes, nested generate, hard-coded values and defaults', () => {
    const [out] = map(
      {
        mapping: {
          fields: [
            { extract: 'customer.email', generate: 'contact.email' },
            { extract: 'lines[1].sku', generate: 'secondSku' },
            { extract: 'Trial Start', generate: 'trialStart' },
            { generate: 'source', hardCodedValue: 'shopify' },
            { extract: 'missing', generate: 'status', default: 'pending' },
            { extract: 'missing', generate: 'gone', discardIfEmpty: true },
            { extract: 'Order {name} for {customer.email}', generate: 'memo' },
            { extract: 'customer.email', generate: 'addresses[0].email' },
          ],
        },
      },
      [{ name: '#1001', customer: { email: 'a@example.com' }, lines: [{ sku: 'A' }, { sku: 'B' }], 'Trial Start': '2017-09-15' }],
    );
    assert.deepStrictEqual(out, {
      contact: { email: 'a@example.com' },
      secondSku: 'B',
      trialStart: '2017-09-15',
      source: 'shopify',
      status: 'pending',
      memo: 'Order #1001 for a@example.com',
      addresses: [{ email: 'a@example.com' }],
    });
  });

  it('Mapper 1.0: dataType conversions', () => {
    const fields = [
      { extract: 'n', generate: 'number', dataType: 'number' },
      { extract: 'bad', generate: 'notANumber', dataType: 'number' },
      { extract: 'off', generate: 'flagOff', dataType: 'boolean' },
      { extract: 'yes', generate: 'flagOn', dataType: 'boolean' },
      { extract: 'n', generate: 'text', dataType: 'string' },
      { extract: 'ms', generate: 'when', dataType: 'date' },
    ];
    const [out] = map({ mapping: { fields } }, [{ n: '1,234.5', bad: 'abc', off: 'off', yes: 'yes', ms: 1512012818751 }]);
    assert.deepStrictEqual(out, {
      number: 1234.5,
      notANumber: 0,
      flagOff: false,
      flagOn: true,
      text: '1,234.5',
      when: '2017-11-30T03:33:38.751Z',
    });
  });

  it('Mapper 1.0: lists build arrays of objects from a source array', () => {
    const [out] = map(
      {
        mapping: {
          fields: [{ extract: 'id', generate: 'externalId' }],
          lists: [
            {
              generate: 'item',
              fields: [
                { extract: 'line_items[*].sku', generate: 'item' },
                { extract: 'line_items[*].quantity', generate: 'quantity', dataType: 'number' },
                { generate: 'taxable', hardCodedValue: false },
              ],
            },
          ],
        },
      },
      [
        {
          id: 9,
          line_items: [
            { sku: 'A', quantity: '2' },
            { sku: 'B', quantity: 1 },
          ],
        },
      ],
    );
    assert.deepStrictEqual(out, {
      externalId: 9,
      item: [
        { item: 'A', quantity: 2, taxable: false },
        { item: 'B', quantity: 1, taxable: false },
      ],
    });
  });

  it('Mapper 1.0: refuses a field without generate, naming it', () => {
    assert.throws(
      () => map({ mapping: { fields: [{ extract: 'a' }] } }, [{}]),
      (err: { errors: { field: string }[] }) => err.errors[0]!.field === 'mapping.fields[0].generate',
    );
  });

  it('Mapper 2.0: nested objects, arrays with buildArrayHelper, literals, templates, inactive entries', () => {
    const mappings = [
      { generate: 'name', dataType: 'string', extract: '{{first}} {{last}}', status: 'Active' },
      { generate: 'channel', dataType: 'string', extract: 'web', status: 'Active' },
      { generate: 'skus', dataType: 'stringarray', extract: '$.lines[*].sku', status: 'Active' },
      {
        generate: 'lines',
        dataType: 'objectarray',
        status: 'Active',
        buildArrayHelper: [
          {
            extract: '$.lines[*]',
            mappings: [
              { generate: 'sku', dataType: 'string', extract: '$.sku', status: 'Active' },
              { generate: 'qty', dataType: 'number', extract: '$.qty', status: 'Active' },
            ],
          },
        ],
      },
      {
        generate: 'address',
        dataType: 'object',
        extract: '$.shipping',
        status: 'Active',
        mappings: [{ generate: 'city', dataType: 'string', extract: '$.city', status: 'Active' }],
      },
      { generate: 'ignored', dataType: 'string', extract: '$.first', status: 'Inactive' },
    ];
    const [out] = map({ mappings }, [
      {
        first: 'Ada',
        last: 'Lovelace',
        lines: [
          { sku: 'A', qty: '2' },
          { sku: 'B', qty: 3 },
        ],
        shipping: { city: 'London' },
      },
    ]);
    assert.deepStrictEqual(out, {
      name: 'Ada Lovelace',
      channel: 'web',
      skus: ['A', 'B'],
      lines: [
        { sku: 'A', qty: 2 },
        { sku: 'B', qty: 3 },
      ],
      address: { city: 'London' },
    });
  });

  it('passes records through when the import has no mapping', () => {
    assert.deepStrictEqual(map({}, [{ a: 1 }]), [{ a: 1 }]);
  });
});
