/**
 * The type/logic helpers against every documented example (celigo/ai references/helpers/type-logic.md),
 * plus the edge cases the docs call out. The docs show the outputs of their one-helper-per-line
 * examples joined by spaces and trimmed; these renders keep the template's line breaks.
 */
import { renders } from '../../support/handlebars';

describe('handlebars type/logic helpers', () => {
  it('eq: documented examples; loose equality', () => {
    renders(
      '{{eq record.a record.b}}\n{{eq record.a record.c}}\n{{eq record.a record.d}}',
      { record: { a: 5, b: 5, c: '5', d: 3 } },
      'true\ntrue\nfalse',
    );
    renders(
      '{{#if (eq record.role "admin")}}\nHas admin access {{else}}\nStandard access {{/if}}',
      { record: { role: 'admin' } },
      'Has admin access ',
    );
    renders(
      '{{#if (eq record.role "admin")}}\nHas admin access {{else}}\nStandard access {{/if}}',
      { record: { role: 'user' } },
      '\nStandard access ',
    );
    renders('{{eq 5 "5"}} {{eq "a" "b"}} {{eq record.none null}} {{eq 0 ""}}', { record: {} }, 'true false true true');
  });

  it('hasNoItems: documented examples; a missing value has no items; a number does not count as a collection', () => {
    renders(
      '{{hasNoItems record.arr1}}\n{{hasNoItems record.arr2}}\n{{hasNoItems record.obj1}}\n{{hasNoItems record.obj2}}',
      { record: { arr1: [], arr2: [1, 2], obj1: {}, obj2: { x: 1 } } },
      'true\nfalse\ntrue\nfalse',
    );
    renders(
      '{{#if (hasNoItems record.items)}}\nNo items found {{else}}\nItems present {{/if}}',
      { record: { items: [] } },
      'No items found ',
    );
    renders('{{hasNoItems record.none}} {{hasNoItems ""}} {{hasNoItems 0}}', { record: {} }, 'true true false');
  });

  it('hasOwn: documented examples; inherited properties do not count; a non-object gives false', () => {
    renders(
      '{{hasOwn record.config "theme"}}\n{{hasOwn record.config "version"}}',
      { record: { config: { theme: 'dark', debug: true } } },
      'true\nfalse',
    );
    renders(
      '{{#if (hasOwn record.config "debug")}}\nDebug mode enabled {{else}}\nDebug property not found {{/if}}',
      { record: { config: { theme: 'light', debug: true } } },
      'Debug mode enabled ',
    );
    renders('{{hasOwn record.config "toString"}} {{hasOwn record.config "constructor"}}', { record: { config: {} } }, 'false false');
    renders('{{hasOwn record.none "x"}} {{hasOwn "text" "length"}}', { record: {} }, 'false false');
    renders('{{hasOwn record.list "0"}} {{hasOwn record.list "length"}}', { record: { list: ['a'] } }, 'true false');
  });

  it('isFalsey: documented examples; JavaScript rules (NaN falsy; [], "0" and "false" truthy)', () => {
    renders(
      '{{isFalsey record.a}}\n{{isFalsey record.b}}\n{{isFalsey record.c}}\n{{isFalsey record.d}}\n{{isFalsey record.e}}',
      { record: { a: 1, b: 0, c: 'hello', d: '', e: null } },
      'false\ntrue\nfalse\ntrue\ntrue',
    );
    renders(
      '{{#if (isFalsey record.value)}}\nValue is falsey {{else}}\nValue is truthy {{/if}}',
      { record: { value: '' } },
      'Value is falsey ',
    );
    renders(
      '{{isFalsey record.f}} {{isFalsey record.missing}} {{isFalsey (divide 0 0)}} {{isFalsey record.list}} {{isFalsey "0"}} {{isFalsey "false"}}',
      { record: { f: false, list: [] } },
      'true true true false false false',
    );
  });

  it('isTruthy: documented examples; objects and arrays are truthy, even empty', () => {
    renders(
      '{{isTruthy record.a}}\n{{isTruthy record.b}}\n{{isTruthy record.c}}\n{{isTruthy record.d}}\n{{isTruthy record.e}}',
      { record: { a: 1, b: 0, c: 'hello', d: '', e: null } },
      'true\nfalse\ntrue\nfalse\nfalse',
    );
    renders('{{#if (isTruthy record.status)}}\nActive {{else}}\nInactive {{/if}}', { record: { status: 'enabled' } }, 'Active ');
    renders(
      '{{isTruthy record.obj}} {{isTruthy record.list}} {{isTruthy record.missing}}',
      { record: { obj: {}, list: [] } },
      'true true false',
    );
  });

  it('typeOf: documented examples; an object is object; a missing field is undefined', () => {
    renders(
      '{{typeOf record.age}}\n{{typeOf record.firstName}}\n{{typeOf record.items}}',
      {
        record: {
          age: 25,
          firstName: 'Alice',
          items: [
            { sku: 'ITEM001', quantity: 2 },
            { sku: 'ITEM002', quantity: 1 },
          ],
        },
      },
      'number\nstring\narray',
    );
    renders(
      '{{typeOf record.age}}\n{{typeOf record.flag}}\n{{typeOf record.firstName}}\n{{typeOf record.items}}\n{{typeOf record.note}}',
      { record: { age: 25, flag: true, firstName: 'Alice', items: [{ sku: 'ITEM001', quantity: 2 }], note: null } },
      'number\nboolean\nstring\narray\nobject',
    );
    renders('{{typeOf record}} {{typeOf record.missing}}', { record: {} }, 'object undefined');
  });
});
