/** What the editor and the README say of the typeLogic helpers (implemented in typeLogic.ts). */
import { HelperInfo } from '../helperTypes';

export const TYPE_LOGIC_INFO: HelperInfo[] = [
  {
    name: 'eq',
    category: 'type-logic',
    signature: '{{eq firstVal secondVal}}',
    summary: 'Returns true if the two values are loosely equal (==), so 5 equals "5".',
    minArgs: 2,
    maxArgs: 2,
  },
  {
    name: 'hasNoItems',
    category: 'type-logic',
    signature: '{{hasNoItems value}}',
    summary: 'Returns true if an array has no elements or an object has no keys.',
    minArgs: 1,
    maxArgs: 1,
    inferred: 'A missing (null or undefined) value has no items (true); a string has none when empty; a number or boolean gives false.',
  },
  {
    name: 'hasOwn',
    category: 'type-logic',
    signature: '{{hasOwn object "key"}}',
    summary: 'Returns true if key is an own, enumerable property of the object (inherited ones do not count).',
    minArgs: 2,
    maxArgs: 2,
    inferred: 'A value that is not an object (missing, text, a number) gives false instead of an error.',
  },
  {
    name: 'isFalsey',
    category: 'type-logic',
    signature: '{{isFalsey value}}',
    summary: 'Returns true for JavaScript falsy values: false, 0, "", null, undefined and NaN.',
    minArgs: 1,
    maxArgs: 1,
    inferred:
      'Only the isFalsey spelling is a helper; isFalsy is the name #some takes. JavaScript\'s rules as the docs say, not handlebars-helpers\' falsey (where "no" or [] is falsey).',
  },
  {
    name: 'isTruthy',
    category: 'type-logic',
    signature: '{{isTruthy value}}',
    summary: 'Returns true for JavaScript truthy values: non-empty strings, non-zero numbers, objects and arrays.',
    minArgs: 1,
    maxArgs: 1,
  },
  {
    name: 'typeOf',
    category: 'type-logic',
    signature: '{{typeOf value}}',
    summary: 'Returns the lowercase type of a value: string, number, boolean, array or object (null is object).',
    minArgs: 1,
    maxArgs: 1,
    inferred: 'Other values as JavaScript\'s typeof: a missing field gives "undefined".',
  },
];
