/**
 * The array helpers against every documented example (celigo/ai references/helpers/array.md and the
 * docs.celigo.com sort article), plus the edge cases the docs call out. The docs show array results
 * as JSON literals (`["c", "d"]`); a `{{ }}` render prints an array comma-joined, so each such example
 * is checked as printed and, through jsonSerialize, as the array the docs show.
 */
import { fails, renders } from '../../support/handlebars';

const LETTERS = { record: { letters: ['a', 'b', 'c', 'd'] } };

/** The docs' static lookup (California → CA, New York → NY, Texas → TX), as an import defines it. */
const STATES = { name: 'stateAbbreviation', map: { California: 'CA', 'New York': 'NY', Texas: 'TX' } };

function shippedTo(state: string, lookups: unknown[] = [STATES]): unknown {
  return { record: { shippingAddress: { state } }, import: { lookups } };
}

describe('handlebars array helpers', () => {
  it('after: documented examples; n at least the length gives an empty array; a non-array gives one', () => {
    renders('{{after record.letters 2}}', LETTERS, 'c,d');
    renders('{{{jsonSerialize (after record.letters 2)}}}', LETTERS, '["c","d"]');
    renders('{{after record.items 1}}', { record: { items: ['apple', 'banana', 'cherry'] } }, 'banana,cherry');
    // The docs show the loop's output as "four five"; each {{this}} line keeps its newline.
    renders(
      '{{#each (after record.tags 3)}}\n{{this}}\n{{/each}}',
      { record: { tags: ['one', 'two', 'three', 'four', 'five'] } },
      'four\nfive\n',
    );
    renders('{{{jsonSerialize (after record.letters 4)}}}', LETTERS, '[]');
    renders('{{{jsonSerialize (after record.letters 9)}}}', LETTERS, '[]');
    renders('{{after record.letters "1"}}', LETTERS, 'b,c,d');
    renders('{{after record.letters 0}}', LETTERS, 'a,b,c,d');
    renders('{{after record.none 1}}', { record: {} }, '');
    renders('{{{jsonSerialize (after "abcd" 1)}}}', {}, '[]');
  });

  it('arrayify: documented examples; only null and undefined give an empty array', () => {
    const record = { record: { name: 'foo', tags: ['promo', 'sale'] } };
    renders('{{arrayify record.name}}\n{{arrayify record.tags}}', record, 'foo\npromo,sale');
    renders('{{{jsonSerialize (arrayify record.name)}}} {{{jsonSerialize (arrayify record.tags)}}}', record, '["foo"] ["promo","sale"]');
    renders('{{arrayify record.missingField}}', { record: {} }, '');
    renders('{{{jsonSerialize (arrayify record.missingField)}}}', { record: {} }, '[]');
    // "a,b" stays one element: it is not split.
    renders('{{arrayify record.test}}', { record: { test: 'a,b' } }, 'a,b');
    renders('{{{jsonSerialize (arrayify record.test)}}}', { record: { test: 'a,b' } }, '["a,b"]');
    renders('{{#each (arrayify record.test)}}[{{this}}]{{/each}}', { record: { test: 'a,b' } }, '[a,b]');
    renders('{{{jsonSerialize (arrayify record.zero)}}}', { record: { zero: 0 } }, '[0]');
    renders('{{{jsonSerialize (arrayify record.nothing)}}}', { record: { nothing: null } }, '[]');
  });

  it('before: documented examples; n = 0 keeps every element; n at least the length gives an empty array', () => {
    renders('{{before record.letters 2}}', LETTERS, 'a,b');
    renders('{{{jsonSerialize (before record.letters 2)}}}', LETTERS, '["a","b"]');
    renders('{{before record.items 3}}', { record: { items: ['apple', 'banana', 'cherry', 'date'] } }, 'apple');
    // The docs show the loop's output as "draft review".
    renders(
      '{{#each (before record.tags 1)}}\n{{this}}\n{{/each}}',
      { record: { tags: ['draft', 'review', 'published'] } },
      'draft\nreview\n',
    );
    renders('{{before record.letters 0}}', LETTERS, 'a,b,c,d');
    renders('{{{jsonSerialize (before record.letters 4)}}}', LETTERS, '[]');
    renders('{{{jsonSerialize (before record.letters 10)}}}', LETTERS, '[]');
    renders('{{before record.none 1}}', { record: {} }, '');
  });

  it('getValue: documented examples; missing or null gives the default; index and bracket paths; in #each the item, then the root', () => {
    renders('{{getValue "record.email" "no-email@example.com"}}', { record: { email: 'jane.doe@example.com' } }, 'jane.doe@example.com');
    renders('{{getValue "record.email" "no-email@example.com"}}', { record: {} }, 'no-email@example.com');
    renders('{{getValue "record.email" "no-email@example.com"}}', { record: { email: null } }, 'no-email@example.com');
    renders('{{getValue "shipping.trackingNumber" "Not Assigned"}}', {}, 'Not Assigned');
    renders('{{getValue "shipping.trackingNumber" "Not Assigned"}}', { shipping: { trackingNumber: null } }, 'Not Assigned');
    renders('{{getValue "shipping.trackingNumber" "Not Assigned"}}', { shipping: { trackingNumber: '1Z999' } }, '1Z999');
    // The docs' nested example: the inner value is used as the whole path, so it must name the
    // field from the top ("record.promoCode"); "promoCode" alone reads a top-level promoCode.
    renders(
      '{{getValue (getValue "record.dynamicFieldName")}}',
      { record: { dynamicFieldName: 'record.promoCode', promoCode: 'SPRING25' } },
      'SPRING25',
    );
    renders('{{getValue (getValue "record.dynamicFieldName")}}', { record: { dynamicFieldName: 'promoCode', promoCode: 'SPRING25' } }, '');
    renders(
      '{{getValue (getValue "record.dynamicFieldName") "none"}}',
      { record: { dynamicFieldName: 'promoCode' }, promoCode: 'TOP' },
      'TOP',
    );
    // No default: a missing field renders empty; "" and 0 are values, not missing.
    renders('{{getValue "record.none"}}', { record: {} }, '');
    renders('{{getValue "record.blank" "x"}}|{{getValue "record.zero" "x"}}', { record: { blank: '', zero: 0 } }, '|0');
    const data = { record: { id: 'R1', items: [{ sku: 'A' }, { sku: 'B' }], 'odd key': 'yes' } };
    renders(
      '{{getValue "record.items.1.sku"}} {{getValue "record.items[0].sku"}} {{getValue "record.[odd key]"}} {{getValue "record[\'odd key\']"}}',
      data,
      'B A yes yes',
    );
    renders('{{#each record.items}}{{getValue "sku"}}-{{getValue "record.id"}};{{/each}}', data, 'A-R1;B-R1;');
    // Only the data's own fields are read.
    renders('{{getValue "record.constructor" "none"}} {{getValue "record.__proto__" "none"}}', data, 'none none');
  });

  it("lookup: Handlebars' own {{lookup object key}}, {{lookup.name}} results, and static lookups (default, allowFailures, errors)", () => {
    renders('{{lookup record.codes "b"}}', { record: { codes: { a: 1, b: 2 } } }, '2');
    renders(
      '{{#each record.ids}}{{lookup ../record.names @index}};{{/each}}',
      { record: { ids: [7, 8], names: ['seven', 'eight'] } },
      'seven;eight;',
    );
    renders('{{lookup record.list 1}}', { record: { list: ['x', 'y'] } }, 'y');
    renders('{{lookup record.none "a"}}', { record: {} }, '');
    renders('{{lookup record.codes "constructor"}}', { record: { codes: {} } }, '');
    renders('{{#with (lookup record.people "ann")}}{{age}}{{/with}}', { record: { people: { ann: { age: 31 } } } }, '31');
    renders('{{lookup.shippingLookup}}', { lookup: { shippingLookup: 'Overnight' } }, 'Overnight');
    renders('{{lookup "stateAbbreviation" record.shippingAddress.state}}', shippedTo('Texas'), 'TX');
    renders('{{lookup "stateAbbreviation" record.shippingAddress.state}}', shippedTo('New York'), 'NY');
    // An older import keeps its lookups under the adaptor (http.lookups).
    renders(
      '{{lookup "stateAbbreviation" record.shippingAddress.state}}',
      { record: { shippingAddress: { state: 'California' } }, import: { http: { lookups: [STATES] } } },
      'CA',
    );
    renders('{{lookup "stateAbbreviation" record.shippingAddress.state}}', shippedTo('Ohio', [{ ...STATES, default: 'N/A' }]), 'N/A');
    renders('{{lookup "stateAbbreviation" record.shippingAddress.state}}', shippedTo('Ohio', [{ ...STATES, allowFailures: true }]), '');
    fails(
      '{{lookup "stateAbbreviation" record.shippingAddress.state}}',
      shippedTo('Ohio'),
      /lookup: "Ohio" is not in the static lookup "stateAbbreviation"/,
    );
    fails(
      '{{lookup "stateAbbreviation" record.shippingAddress.state}}',
      { record: { shippingAddress: { state: 'Texas' } } },
      /lookup: no lookup named "stateAbbreviation"/,
    );
    fails(
      '{{lookup "products" record.sku}}',
      { record: { sku: 'X' }, import: { lookups: [{ name: 'products', _lookupCacheId: 'abc' }] } },
      /lookup: "products" is a dynamic lookup/,
    );
    // A key the map holds only through its prototype is not mapped.
    renders('{{lookup "stateAbbreviation" "constructor"}}', shippedTo('Texas', [{ ...STATES, default: 'none' }]), 'none');
  });

  it('pluck: documented examples; a missing property gives null for that element', () => {
    const items = {
      record: {
        items: [
          { data: { title: 'Introduction to Handlebars', category: 'Tutorial' } },
          { data: { title: 'Advanced Template Logic', category: 'Guide' } },
          { data: { title: 'Using Helpers Effectively', category: 'Best Practices' } },
        ],
      },
    };
    renders('{{pluck record.items "data.title"}}', items, 'Introduction to Handlebars,Advanced Template Logic,Using Helpers Effectively');
    renders(
      '{{{jsonSerialize (pluck record.items "data.title")}}}',
      items,
      '["Introduction to Handlebars","Advanced Template Logic","Using Helpers Effectively"]',
    );
    const products = {
      record: {
        products: [
          { sku: 'A001', price: 20 },
          { sku: 'A002', price: 30 },
          { sku: 'A003', price: 25 },
        ],
      },
    };
    renders('{{pluck record.products "sku"}}', products, 'A001,A002,A003');
    renders('{{{jsonSerialize (pluck record.products "sku")}}}', products, '["A001","A002","A003"]');
    renders('{{{jsonSerialize (pluck record.products "color")}}}', products, '[null,null,null]');
    renders(
      '{{{jsonSerialize (pluck record.mixed "a.b")}}}',
      { record: { mixed: [{ a: { b: 1 } }, { a: 2 }, null, 'text'] } },
      '[1,null,null,null]',
    );
    renders('{{unique (pluck record.rows "kind")}}', { record: { rows: [{ kind: 'x' }, { kind: 'y' }, { kind: 'x' }] } }, 'x,y');
    renders('{{pluck record.none "sku"}}', { record: {} }, '');
    fails('{{pluck record.products}}', products, /pluck: the property to extract is missing/);
  });

  it('sort: documented examples; number="true" and reverse="true" only when "true"; text last in a numeric sort; data unchanged', () => {
    const numbers = { record: { items: ['2', '1', '4', '5', '3'] } };
    renders('{{sort record.items number="true"}}', numbers, '1,2,3,4,5');
    renders('{{sort record.items number="true" reverse="true"}}', numbers, '5,4,3,2,1');
    renders('{{sort record.items}}', { record: { items: ['candy', 'hat', 'toy'] } }, 'candy,hat,toy');
    renders('{{{sort record.items}}}', { record: { items: ['candy', 'hat', 'toy'] } }, 'candy,hat,toy');
    renders('{{sort record.items}}', { record: { items: ['toy', 'candy', 'hat'] } }, 'candy,hat,toy');
    renders('{{sort record.items reverse="true"}}', { record: { items: ['toy', 'candy', 'hat'] } }, 'toy,hat,candy');
    // The tip: without number="true", "10" sorts before "2".
    renders('{{sort record.items}}', { record: { items: ['2', '10'] } }, '10,2');
    renders('{{sort record.items number="true"}}', { record: { items: ['2', '10'] } }, '2,10');
    renders('{{sort record.items number=true}}', { record: { items: [10, 2, 33] } }, '2,10,33');
    renders('{{sort record.items reverse="false"}}', { record: { items: ['b', 'a'] } }, 'a,b');
    renders('{{sort record.items number="true"}}', { record: { items: ['3', 'x', '1'] } }, '1,3,x');
    renders('{{sort record.items number="true" reverse="true"}}', { record: { items: ['3', 'x', '1'] } }, '3,1,x');
    renders('{{sort record.items}} {{record.items}}', { record: { items: ['c', 'a', 'b'] } }, 'a,b,c c,a,b');
    renders('{{sort record.none}}', { record: {} }, '');
  });

  it('unique: documented examples; first occurrences kept in order', () => {
    renders(
      '{{#each (unique record.tags)}}{{this}}{{#unless @last}},{{/unless}}{{/each}}',
      { record: { tags: ['a', 'a', 'c', 'b', 'e', 'e'] } },
      'a,c,b,e',
    );
    renders(
      '{{#each (unique record.categories)}}\n{{this}}\n{{/each}}',
      { record: { categories: ['A', 'B', 'A', 'C', 'B'] } },
      'A\nB\nC\n',
    );
    renders('{{{jsonSerialize (unique record.values)}}}', { record: { values: [1, '1', 1, true, true] } }, '[1,"1",true]');
    renders('{{unique record.none}}', { record: {} }, '');
  });
});
