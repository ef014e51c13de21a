/** integrator.io's array helpers (see array.info.ts for what each does and where the docs are silent). */
import { isJsonObject } from '../../api/types';
import { HelperFunction } from '../helperTypes';

/** What this file reads of Handlebars' options object, the last argument of every call. */
interface CallOptions {
  hash: Record<string, unknown>;
  data?: { root?: unknown };
  lookupProperty?: (parent: unknown, name: unknown) => unknown;
}

function isCallOptions(value: unknown): value is CallOptions {
  return isJsonObject(value) && isJsonObject(value.hash) && typeof value.name === 'string';
}

/** The positional arguments of a call and its options object (the last argument when Handlebars calls). */
function split(args: unknown[]): { params: unknown[]; options: CallOptions | undefined } {
  const last = args[args.length - 1];
  return isCallOptions(last) ? { params: args.slice(0, -1), options: last } : { params: args, options: undefined };
}

/** A key or path argument as text: strings, numbers and booleans; undefined for anything else. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** An object or a list: what a path steps into by name or index. */
function isIndexable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasOwn(value: unknown, key: string): boolean {
  return (isIndexable(value) || typeof value === 'string') && Object.prototype.hasOwnProperty.call(value, key);
}

/** A property of the data (a string's characters and length too), or undefined when it is not the value's own. */
function propertyOf(value: unknown, key: string): unknown {
  if (!hasOwn(value, key)) return undefined;
  if (typeof value === 'string') return key === 'length' ? value.length : value.charAt(Number(key));
  return isIndexable(value) ? value[key] : undefined;
}

/**
 * The segments of a field path: `a.b`, `a.0.b`, `a[0].b`, `a["b c"]` and Handlebars'
 * segment-literal `a.[b c]` are all read; a leading `$.` (JSON path) is dropped.
 */
export function pathSegments(path: string): string[] {
  const segments: string[] = [];
  const re = /\[\s*(?:"([^"]*)"|'([^']*)'|([^\]]*))\s*\]|([^.[\]]+)/g;
  for (const m of path.replace(/^\$\.?/, '').matchAll(re)) segments.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return segments;
}

/**
 * The value at a field path, reading only the data's own properties (never `constructor` or
 * `__proto__`, which a template must not reach); `undefined` when a segment is missing.
 */
export function valueAt(source: unknown, path: string): unknown {
  if (hasOwn(source, path)) return propertyOf(source, path);
  let value: unknown = source;
  for (const segment of pathSegments(path)) {
    if (!hasOwn(value, segment)) return undefined;
    value = propertyOf(value, segment);
  }
  return value;
}

/** A count argument (`n` of after/before): a whole number of at least 0; missing or non-numeric counts as 0. */
function countOf(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.trunc(n) : 0;
}

/** A `number="true"` / `reverse="true"` hash option: the string "true" (any case) or the literal true. */
function isOn(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** The number a value stands for in a numeric sort; NaN for text and missing values. */
function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

function sorted(list: unknown[], numeric: boolean, descending: boolean): unknown[] {
  if (!numeric) {
    // JavaScript's default sort: each item compared as text, so "10" comes before "2" (as the docs warn).
    const ascending = [...list].sort();
    return descending ? ascending.reverse() : ascending;
  }
  // Values that are not numbers go last either way, in their original order (the sort is stable).
  return [...list].sort((a, b) => {
    const x = numberOf(a);
    const y = numberOf(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
    return descending ? y - x : x - y;
  });
}

/** Where a step's lookups are configured in its import document, as the template's root holds it (`import`). */
function stepLookups(root: unknown): unknown[] {
  const imp = isJsonObject(root) ? root.import : undefined;
  if (!isJsonObject(imp)) return [];
  const found: unknown[] = isList(imp.lookups) ? [...imp.lookups] : [];
  // Older imports keep them under their adaptor: `http.lookups`, `rdbms.lookups`, `netsuite_da.lookups`, …
  for (const value of Object.values(imp)) if (isJsonObject(value) && isList(value.lookups)) found.push(...value.lookups);
  return found;
}

/**
 * `{{lookup "name" value}}`: a static value-to-value lookup of the step. An unmapped value gives the
 * lookup's `default`, or `""` when it allows failures; otherwise the record would fail, so the render does.
 */
function staticLookup(name: string, value: unknown, options: CallOptions | undefined): unknown {
  const lookup = stepLookups(options?.data?.root).find((l) => isJsonObject(l) && l.name === name);
  if (!isJsonObject(lookup)) throw new Error(`lookup: no lookup named "${name}" is defined in this step (the import's lookups)`);
  if (!isJsonObject(lookup.map))
    throw new Error(`lookup: "${name}" is a dynamic lookup; its result comes from the destination application when the flow runs`);
  const key = scalarText(value) ?? '';
  if (hasOwn(lookup.map, key)) return lookup.map[key];
  if (lookup.default !== undefined && lookup.default !== null) return lookup.default;
  if (lookup.allowFailures === true) return '';
  throw new Error(`lookup: "${key}" is not in the static lookup "${name}", which has no default`);
}

export const ARRAY_HELPERS: Record<string, HelperFunction> = {
  after: (...args) => {
    const [array, n] = split(args).params;
    return isList(array) ? array.slice(countOf(n)) : [];
  },

  arrayify: (...args) => {
    const { params } = split(args);
    const value = params[0];
    if (value === undefined || value === null) return [];
    return isList(value) ? value : [value];
  },

  before: (...args) => {
    const [array, n] = split(args).params;
    if (!isList(array)) return [];
    return array.slice(0, Math.max(0, array.length - countOf(n)));
  },

  getValue: function (this: unknown, ...args: unknown[]) {
    const { params, options } = split(args);
    const [path, fallback] = params;
    const text = scalarText(path);
    if (text === undefined || text === '') return fallback;
    // The path is read from the current context, then from the root: inside `#each` the context is
    // the item, where the docs warn "record.…" paths fail.
    let value = valueAt(this, text);
    if (value === undefined || value === null) value = valueAt(options?.data?.root, text);
    return value === undefined || value === null ? fallback : value;
  },

  lookup: (...args) => {
    const { params, options } = split(args);
    const [target, key] = params;
    if (typeof target === 'string') return staticLookup(target, key, options);
    // Handlebars' own lookup (`{{lookup obj "key"}}`, `{{lookup ../list @index}}`), as templates use it.
    if (!target) return target;
    if (typeof options?.lookupProperty === 'function') return options.lookupProperty(target, key);
    return propertyOf(target, scalarText(key) ?? '');
  },

  pluck: (...args) => {
    const [collection, property] = split(args).params;
    const name = scalarText(property);
    if (name === undefined || name === '') throw new Error('pluck: the property to extract is missing');
    const items = isList(collection) ? collection : isJsonObject(collection) ? Object.values(collection) : [];
    return items.map((item) => valueAt(item, name) ?? null);
  },

  sort: (...args) => {
    const { params, options } = split(args);
    const list = params[0];
    if (!isList(list)) return [];
    return sorted(list, isOn(options?.hash.number), isOn(options?.hash.reverse));
  },

  unique: (...args) => {
    const list = split(args).params[0];
    if (!isList(list)) return [];
    // A Set keeps the first of each value (===, as indexOf compared): linear on 100,000 records.
    return [...new Set(list)];
  },
};
