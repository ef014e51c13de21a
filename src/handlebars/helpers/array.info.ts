/** What the editor and the README say of the array helpers (implemented in array.ts). */
import { HelperInfo } from '../helperTypes';

/** The docs show array results as JSON literals (`["c", "d"]`); Handlebars prints an array comma-joined. */
const ARRAY_OUTPUT =
  'It returns an array, which {{ }} prints comma-joined (c,d) as Handlebars prints arrays; the docs show it as a literal ["c", "d"].';

export const ARRAY_INFO: HelperInfo[] = [
  {
    name: 'after',
    category: 'array',
    signature: '{{after array n}}',
    summary: 'Returns the array without its first n elements (an empty array when n is at least its length).',
    minArgs: 2,
    maxArgs: 2,
    inferred: `${ARRAY_OUTPUT} A value that is not an array gives an empty array ("works only with arrays"); a missing, negative or non-numeric n counts as 0.`,
  },
  {
    name: 'arrayify',
    category: 'array',
    signature: '{{arrayify value}}',
    summary: 'Casts a value to an array: an array as it is, a single value wrapped, null or undefined as an empty array.',
    minArgs: 1,
    maxArgs: 1,
    inferred: `${ARRAY_OUTPUT} Only null and undefined give []: 0, "" and false are wrapped, as the docs say of single values (handlebars-helpers' arrayify drops every falsy value).`,
  },
  {
    name: 'before',
    category: 'array',
    signature: '{{before array n}}',
    summary: 'Returns the array without its last n elements (an empty array when n is at least its length).',
    minArgs: 2,
    maxArgs: 2,
    inferred: `${ARRAY_OUTPUT} n = 0 keeps every element, as "excluding the last n" says (handlebars-helpers' slice(0, -0) gives []). A value that is not an array gives an empty array; a missing, negative or non-numeric n counts as 0.`,
  },
  {
    name: 'getValue',
    category: 'array',
    signature: '{{getValue fieldPath "defaultValue"}}',
    summary: 'Returns the value at a field path given as a string ("record.email"), or the default when it is missing or null.',
    minArgs: 1,
    maxArgs: 2,
    inferred:
      'The path (dots, [0] or .0 indexes, ["a b"] or .[a b] segments) is read from the current context, then from @root, so "record.…" paths also work inside #each where the docs warn they can fail. The docs\' nested example is inconsistent: the inner value must be the whole path ("record.promoCode"), not "promoCode".',
  },
  {
    name: 'lookup',
    category: 'array',
    signature: '{{lookup "myStaticLookup" record.someField}}',
    summary:
      'Maps a value through a static lookup defined in the step ({{lookup "name" value}}); dynamic lookup results are read as {{lookup.name}}; {{lookup object key}} is Handlebars\' own lookup.',
    minArgs: 2,
    maxArgs: 2,
    inferred:
      "It replaces Handlebars' lookup: a quoted name (a string) first is a static lookup, read from the import in @root (import.lookups or import.<adaptor>.lookups); an unmapped value gives the lookup's default, or \"\" when it allows failures, else an error, as the lookup schema describes. A missing or dynamic lookup is an error. Any other first argument is Handlebars' own {{lookup object key}}.",
  },
  {
    name: 'pluck',
    category: 'array',
    signature: '{{pluck array "property"}}',
    summary: 'Returns the value of a property (dot paths allowed) of each element of an array, null where it is missing.',
    minArgs: 2,
    maxArgs: 2,
    inferred: `${ARRAY_OUTPUT} Missing properties give null, as the docs say (handlebars-helpers drops them). An object is plucked over its values; another value gives an empty array; a missing property name is an error.`,
  },
  {
    name: 'sort',
    category: 'array',
    signature: '{{sort field [number="true"] [reverse="true"]}}',
    summary: 'Sorts an array, as text and ascending by default; number="true" sorts numerically and reverse="true" descending.',
    minArgs: 1,
    maxArgs: 1,
    inferred:
      'The options are on only when "true" (any case) or true, so reverse="false" does not reverse (handlebars-helpers reverses on any truthy value). Values that are not numbers go last in a numeric sort. The array is copied, never sorted in place; a value that is not an array gives an empty array.',
  },
  {
    name: 'unique',
    category: 'array',
    signature: '{{unique array}}',
    summary: 'Returns the array without duplicate values, keeping the first occurrence of each in order.',
    minArgs: 1,
    maxArgs: 1,
    inferred: 'Values are compared with ===, so objects are only equal to themselves; a value that is not an array gives an empty array.',
  },
];
