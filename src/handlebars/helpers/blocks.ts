/**
 * integrator.io's block helpers (see blocks.info.ts for what each does and where the docs are
 * silent). `if`, `unless`, `each` and `with` are Handlebars' own and are not registered here.
 * As in handlebars-helpers, on which the platform is built, each also works inline or as a
 * subexpression, where it returns its condition (`{{#if (and a b)}}`).
 */
import { HelperFunction } from '../helperTypes';
import { isJsonObject } from '../../api/types';

/** What these helpers read of Handlebars' options object. */
interface BlockOptions {
  fn?: (context: unknown) => string;
  inverse?: (context: unknown) => string;
  hash: Record<string, unknown>;
}

function isTemplate(value: unknown): value is (context: unknown) => string {
  return typeof value === 'function';
}

/** A helper call's positional arguments and its options (Handlebars passes them last). */
function split(args: unknown[]): { params: unknown[]; options: BlockOptions } {
  const last = args[args.length - 1];
  const raw = isJsonObject(last) ? last : {};
  const options: BlockOptions = { hash: isJsonObject(raw.hash) ? raw.hash : {} };
  if (isTemplate(raw.fn)) options.fn = raw.fn;
  if (isTemplate(raw.inverse)) options.inverse = raw.inverse;
  return { params: args.slice(0, -1), options };
}

/** As handlebars-helpers' `util.value`: a block renders its body or its else; inline, the condition itself. */
function decide(condition: boolean, context: unknown, options: BlockOptions): unknown {
  if (!options.fn) return condition;
  if (condition) return options.fn(context);
  return options.inverse ? options.inverse(context) : '';
}

/** A block helper: `test` decides from the positional arguments; the body sees the same `this`. */
function conditional(test: (params: unknown[]) => boolean): HelperFunction {
  return function (this: unknown, ...args: unknown[]) {
    const { params, options } = split(args);
    return decide(test(params), this, options);
  };
}

const OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  // JavaScript's operators, as handlebars-helpers: two strings compare as strings ("9" > "10").
  '==': (a, b) => a == b,
  '!=': (a, b) => a != b,
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '<': (a, b) => relational(a, b, (x, y) => x < y),
  '>': (a, b) => relational(a, b, (x, y) => x > y),
  '<=': (a, b) => relational(a, b, (x, y) => x <= y),
  '>=': (a, b) => relational(a, b, (x, y) => x >= y),
  // handlebars-helpers' one extra operator: {{#compare value "typeof" "string"}}.
  typeof: (a, b) => typeof a === b,
};

/**
 * JavaScript's `<` on template values: strings against strings lexicographically, otherwise as
 * numbers (null is 0, undefined NaN), as the language does, without TypeScript's objection.
 */
function relational(a: unknown, b: unknown, op: (x: string | number, y: string | number) => boolean): boolean {
  const [x, y] = [primitive(a), primitive(b)];
  if (typeof x === 'string' && typeof y === 'string') return op(x, y);
  return op(Number(x), Number(y));
}

/** What JavaScript's `<` turns an object into: a date its time, an array its joined text, any other object "[object Object]". */
function primitive(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'object' && value !== null ? '[object Object]' : value;
}

/** A string, number or boolean as text (what indexOf and startsWith coerce them to); anything else is undefined. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function compare(this: unknown, ...args: unknown[]): unknown {
  const { params, options } = split(args);
  if (params.length < 3) throw new Error('compare: expects 3 arguments: {{#compare value "operator" value}}');
  const [a, operator, b] = params;
  const op = typeof operator === 'string' ? OPERATORS[operator] : undefined;
  if (!op) throw new Error(`compare: unknown operator ${JSON.stringify(operator)}; use one of < > <= >= == === != !==`);
  return decide(op(a, b), this, options);
}

/** handlebars-helpers' `contains`: indexOf on a string or an array, from an optional start index. */
function contains(collection: unknown, value: unknown, start: unknown): boolean {
  if (value === undefined || value === null) return false;
  const from = typeof start === 'number' ? start : undefined;
  if (typeof collection === 'string') {
    const text = scalarText(value);
    return text !== undefined && collection.indexOf(text, from) !== -1;
  }
  if (Array.isArray(collection)) return collection.indexOf(value, from) !== -1;
  return false;
}

/** A number or numeric string that is a whole even number; anything else is not even. */
function isEven(value: unknown): boolean {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n % 2 === 0;
}

/** The docs: only arrays of simple values; an array holding objects, or no array, is "not found". */
function inArray(array: unknown, value: unknown): boolean {
  if (!Array.isArray(array) || array.some((item) => typeof item === 'object' && item !== null)) return false;
  return array.includes(value) && !(typeof value === 'number' && Number.isNaN(value));
}

/** The docs: empty unless a non-empty array or a plain object with keys (a number, boolean or string counts as empty). */
function isEmpty(collection: unknown): boolean {
  if (Array.isArray(collection)) return collection.length === 0;
  if (isJsonObject(collection)) return Object.keys(collection).length === 0;
  return true;
}

/** A dot path (`details.department`) into an element, through own properties only. */
function valueAt(element: unknown, path: string): unknown {
  let current: unknown = element;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = Reflect.get(current, part);
  }
  return current;
}

function filter(this: unknown, ...args: unknown[]): unknown {
  const { params, options } = split(args);
  const [array, value, property] = params;
  // The docs: a missing or non-array first argument renders nothing, not even the else block.
  if (!Array.isArray(array)) return options.fn ? '' : [];
  // The property is Celigo's 3rd argument; handlebars-helpers' property= / prop= hash is also read.
  const path = [property, options.hash.property, options.hash.prop].find((p): p is string => typeof p === 'string' && p !== '');
  const matches = array.filter((element) => (path === undefined ? element : valueAt(element, path)) === value);
  const body = options.fn;
  if (!body) return matches;
  if (matches.length === 0) return options.inverse ? options.inverse(this) : '';
  return matches.map((element) => body(element)).join('');
}

/** The condition functions #some documents ("the exhaustive supported list"). */
const CONDITIONS: Record<string, (value: unknown) => boolean> = {
  isFalsy: (value) => !value,
  isTruthy: (value) => !!value,
  isArray: (value) => Array.isArray(value),
  isString: (value) => typeof value === 'string',
  isObject: (value) => isJsonObject(value),
  isNumber: (value) => typeof value === 'number',
  isBoolean: (value) => typeof value === 'boolean',
};

/**
 * What `{{#some array conditionFn}}`'s second argument names. The docs write a bare identifier
 * (`isTruthy`), which Handlebars would look up in the context as a field: the engine passes that
 * identifier as its name instead (engine.ts), so this reads a string, as it does for a quoted
 * name or a field holding one.
 */
function conditionOf(value: unknown): ((value: unknown) => boolean) | undefined {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONDITIONS, value) ? CONDITIONS[value] : undefined;
}

function some(this: unknown, ...args: unknown[]): unknown {
  const { params, options } = split(args);
  const [array, conditionFn] = params;
  const condition = conditionOf(conditionFn);
  if (!condition) throw new Error(`some: the condition must be one of ${Object.keys(CONDITIONS).join(', ')}`);
  return decide(Array.isArray(array) && array.some((element) => condition(element)), this, options);
}

function startsWith(this: unknown, ...args: unknown[]): unknown {
  const { params, options } = split(args);
  const [prefix, text] = params;
  // The docs: a missing prefix or test string renders "" (not the else block).
  if (prefix === undefined || prefix === null || text === undefined || text === null) return '';
  const start = scalarText(prefix);
  return decide(typeof text === 'string' && start !== undefined && text.startsWith(start), this, options);
}

export const BLOCKS_HELPERS: Record<string, HelperFunction> = {
  and: conditional((values) => values.every((v) => !!v)),
  compare,
  contains: conditional(([collection, value, start]) => contains(collection, value, start)),
  filter,
  ifEven: conditional(([value]) => isEven(value)),
  inArray: conditional(([array, value]) => inArray(array, value)),
  isEmpty: conditional(([collection]) => isEmpty(collection)),
  neither: conditional(([a, b]) => !a && !b),
  not: conditional(([value]) => !value),
  or: conditional((values) => values.some((v) => !!v)),
  some,
  startsWith,
};
