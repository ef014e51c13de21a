/** What the editor and the README say of the blocks helpers (implemented in blocks.ts). */
import { HelperInfo } from '../helperTypes';

export const BLOCKS_INFO: HelperInfo[] = [
  {
    name: 'and',
    category: 'block',
    signature: '{{#and field field}} expr {{else}} expr {{/and}}',
    summary:
      'Renders the block when all the values are truthy (0, "", null and undefined are falsy; "0" is truthy), else the {{else}} block.',
    minArgs: 2,
    maxArgs: Infinity,
    block: true,
    inferred:
      'JavaScript truthiness, as the text says: the table\'s "zeroInteger → true" (the value is 0) and "11-33" (the template renders " 11 - 33 ") are taken as doc errors, and its repeated rows are garbled. Any number of values, as handlebars-helpers.',
  },
  {
    name: 'compare',
    category: 'block',
    signature: '{{#compare field operator field}} expr {{else}} expr {{/compare}}',
    summary:
      'Compares two values with a quoted operator (< > <= >= == === != !==) and renders the block when true, else the {{else}} block.',
    minArgs: 3,
    maxArgs: 3,
    block: true,
    inferred:
      'JavaScript\'s operators, as handlebars-helpers: two strings compare as strings ("9" > "10", as the docs say), a number against a number or a numeric string numerically. handlebars-helpers\' "typeof" operator also works; any other operator is an error.',
  },
  {
    name: 'contains',
    category: 'block',
    signature: '{{#contains fieldArray field}} optionalTextIfTrue {{else}} optionalTextIfFalse {{/contains}}',
    summary:
      'Renders the block when a string contains the value as a substring, or an array holds it (strictly equal), else the {{else}} block.',
    minArgs: 2,
    maxArgs: 3,
    block: true,
    inferred:
      "As handlebars-helpers' contains: indexOf from an optional 3rd start index; a number, an object or a missing value contains nothing.",
  },
  {
    name: 'each',
    category: 'block',
    signature: '{{#each field}}{{this}}{{/each}}',
    summary:
      'Renders the block for each element of an array or value of an object, with @index, @key, @first, @last and block params (as |item|).',
    minArgs: 1,
    maxArgs: 1,
    block: true,
    inferred:
      "Handlebars' own each. The docs say only @first exists for objects but show @last working on one: Handlebars sets both. The `this` example's documented output does not match its template; the template's real output is kept.",
  },
  {
    name: 'filter',
    category: 'block',
    signature: '{{#filter array value arrayProperty}}expressionInitial{{else}}expressionElse{{/filter}}',
    summary:
      'Renders the block once per array element equal to the value (or whose arrayProperty, a dot path, is), with that element as the context.',
    minArgs: 2,
    maxArgs: 3,
    block: true,
    inferred:
      'Equal means strictly equal (===), as handlebars-helpers ("2" does not match 2); its property=/prop= hash is also read. Used inline, it returns the matching elements.',
  },
  {
    name: 'if',
    category: 'block',
    signature: '{{#if field}}expr{{else}}expr{{/if}}',
    summary: 'Renders the block when the value is truthy (not undefined, null, "", 0, false or []), else the {{else}} block.',
    minArgs: 1,
    maxArgs: 1,
    block: true,
    inferred: 'Handlebars\' own if. The docs list " " among the falsy values, which is taken to mean "" (a space is truthy).',
  },
  {
    name: 'ifEven',
    category: 'block',
    signature: '{{#ifEven field}} expr {{else}} expr {{/ifEven}}',
    summary: 'Renders the block when the value is an even whole number (numeric strings such as "2" count), else the {{else}} block.',
    minArgs: 1,
    maxArgs: 1,
    block: true,
    inferred: "A missing, non-numeric or fractional value renders the {{else}} block (handlebars-helpers' is-even would throw).",
  },
  {
    name: 'inArray',
    category: 'block',
    signature: '{{#inArray array value}} expressionInitial {{else}} expressionElse {{/inArray}}',
    summary: 'Renders the block when an array of simple values holds the value (strictly: "3" is not 3), else the {{else}} block.',
    minArgs: 2,
    maxArgs: 2,
    block: true,
  },
  {
    name: 'isEmpty',
    category: 'block',
    signature: '{{#isEmpty collection}}Block if empty{{else}}Block if not{{/isEmpty}}',
    summary: 'Renders the block when the value is an empty array or object, missing or null, else the {{else}} block.',
    minArgs: 1,
    maxArgs: 1,
    block: true,
    inferred:
      'Anything that is not an array or a plain object counts as empty, as the docs say of booleans and numbers; that includes strings, even non-empty ones (the docs send strings to #not).',
  },
  {
    name: 'neither',
    category: 'block',
    signature: '{{#neither field field}} expr {{else}} expr {{/neither}}',
    summary: 'Renders the block when both values are falsy, else the {{else}} block.',
    minArgs: 2,
    maxArgs: 2,
    block: true,
  },
  {
    name: 'not',
    category: 'block',
    signature: '{{#not value}}Block if falsey{{else}}Block if truthy{{/not}}',
    summary: 'Renders the block when the value is falsy by JavaScript\'s rules ([] and "0" are truthy), else the {{else}} block.',
    minArgs: 1,
    maxArgs: 1,
    block: true,
  },
  {
    name: 'or',
    category: 'block',
    signature: '{{#or field field}} expr {{else}} expr {{/or}}',
    summary: 'Renders the block when any of the values is truthy, else the {{else}} block.',
    minArgs: 2,
    maxArgs: Infinity,
    block: true,
    inferred:
      'The documented outputs end in a "." the template does not have; the template\'s text is kept. Any number of values, as handlebars-helpers.',
  },
  {
    name: 'some',
    category: 'block',
    signature: '{{#some array conditionFn}} expressionInitial {{else}} expressionElse {{/some}}',
    summary:
      'Renders the block when any array element passes conditionFn (isFalsy, isTruthy, isArray, isString, isObject, isNumber or isBoolean), else the {{else}} block.',
    minArgs: 2,
    maxArgs: 2,
    block: true,
    inferred:
      'conditionFn is a bare name, which Handlebars would look up as a field: it is read by name from the template (a quoted name also works); another name is an error. isNumber is typeof number (not numeric strings), isObject a non-array object; a non-array renders the {{else}} block.',
  },
  {
    name: 'startsWith',
    category: 'block',
    signature: '{{#startsWith prefix testString}}Block if match{{else}}Fallback{{/startsWith}}',
    summary: 'Renders the block when the test string (2nd) begins with the prefix (1st), case-sensitively, else the {{else}} block.',
    minArgs: 2,
    maxArgs: 2,
    block: true,
    inferred:
      'A missing prefix or test string renders "", as the docs say; a test value that is not a string (a number) renders the {{else}} block, as handlebars-helpers.',
  },
  {
    name: 'unless',
    category: 'block',
    signature: '{{#unless field}} expr {{else}} expr {{/unless}}',
    summary: 'The inverse of #if: renders the block when the value is falsy, else the {{else}} block.',
    minArgs: 1,
    maxArgs: 1,
    block: true,
    inferred:
      'Handlebars\' own unless. The documented output "Contact phone number is:" has an "is:" the template does not: the template\'s text is kept.',
  },
  {
    name: 'with',
    category: 'block',
    signature: '{{#with field}} {{field1}} {{field2}} {{/with}}',
    summary: 'Renders the block with the value as the context (this), so its fields are reached without the parent name.',
    minArgs: 1,
    maxArgs: 1,
    block: true,
    inferred: 'Handlebars\' own with. The second example\'s output starts with a leaked "Output" label, which is not rendered.',
  },
];
