/** integrator.io's regex helpers (see regex.info.ts for what each does and where the docs are silent). */
import Handlebars from 'handlebars';
import { HelperFunction } from '../helperTypes';

/** The positional arguments of a call: everything but Handlebars' options object, which comes last. */
function positional(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

/** Strings, numbers, booleans and a helper's SafeString (htmlEncode's) as text; undefined for anything else. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Handlebars.SafeString) return value.toString();
  return undefined;
}

/**
 * The text a helper searches: numbers and booleans as JavaScript writes them, a missing field as
 * `""` (the docs: a missing field renders empty). An object or array has no text to search.
 */
function textOf(helper: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = scalarText(value);
  if (text !== undefined) return text;
  throw new Error(`${helper}: the text to search is ${Array.isArray(value) ? 'an array' : 'an object'}, not a string`);
}

/** The flags argument: missing or empty means none. */
function flagsOf(value: unknown): string {
  return scalarText(value) ?? '';
}

/**
 * The template's pattern as a regular expression (Node's engine, as the platform's), or an Error
 * naming the helper when the pattern or the flags are not valid.
 */
function regexOf(helper: string, pattern: unknown, flags: string, global = false): RegExp {
  const source = scalarText(pattern);
  if (source === undefined) throw new Error(`${helper}: the regular expression is missing`);
  if (!/^[dgimsuvy]*$/.test(flags) || new Set(flags).size !== flags.length)
    throw new Error(`${helper}: "${flags}" are not valid regular-expression flags (use g, i, m, s, u or y, each once)`);
  try {
    return new RegExp(source, global && !flags.includes('g') ? `${flags}g` : flags);
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    throw new Error(`${helper}: "${source}" is not a valid regular expression (${reason})`);
  }
}

/** Whether regexMatch's third argument is an index (a whole number, or text that reads as one). */
function isIndex(value: unknown): boolean {
  return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value));
}

export const REGEX_HELPERS: Record<string, HelperFunction> = {
  regexMatch: (...args) => {
    const [field, pattern, third, fourth] = positional(args);
    // The docs' recipes pass the flags in the index's place (`{{regexMatch field "\d{10}$" "g"}}`),
    // so a third argument that is not a number is read as the flags, with index 0.
    const [index, flags] =
      third === undefined || third === null || isIndex(third) ? [Number(third ?? 0), flagsOf(fourth)] : [0, flagsOf(third)];
    const text = textOf('regexMatch', field);
    // `index` counts whole matches ("IDs: 12345 and 67890" with index 1 gives 67890), so the
    // search is always global, whatever the flags say.
    const re = regexOf('regexMatch', pattern, flags, true);
    if (index < 0) return '';
    let n = 0;
    for (const match of text.matchAll(re)) {
      if (n === index) return match[0];
      n++;
    }
    return '';
  },

  regexReplace: (...args) => {
    const [field, replacement, pattern, flags] = positional(args);
    const re = regexOf('regexReplace', pattern, flagsOf(flags));
    // The replacement is used as JavaScript's replace uses it: `$1` and `$&` refer to the match, and
    // a template's "\n" stays a backslash and an n (Handlebars keeps backslashes in string literals).
    return textOf('regexReplace', field).replace(re, textOf('regexReplace', replacement));
  },

  regexSearch: (...args) => {
    const [field, pattern, flags] = positional(args);
    const re = regexOf('regexSearch', pattern, flagsOf(flags));
    return textOf('regexSearch', field).search(re);
  },
};
