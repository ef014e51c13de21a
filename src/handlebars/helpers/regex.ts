/** integrator.io's regex helpers (see regex.info.ts for what each does and where the docs are silent). */
import Handlebars from 'handlebars';
import { ensureFits } from './sizeLimit';
import { HelperFunction } from '../helperTypes';
import { positional } from './args';

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
    const text = textOf('regexReplace', field);
    const by = textOf('regexReplace', replacement);
    // `$&` repeated a hundred times would grow the text a hundredfold: each replacement is
    // measured as it is made, and the helper stops before the result passes the limit.
    let length = text.length;
    return text.replace(re, (...match: unknown[]) => {
      // (match, group 1…n, offset, text[, named groups]): the offset is the first number.
      const at = match.findIndex((m) => typeof m === 'number');
      const groups = match.slice(0, at).map((m) => (typeof m === 'string' ? m : undefined));
      const offset = match[at];
      const made = expand(by, groups, text, typeof offset === 'number' ? offset : 0);
      length += made.length - (groups[0] ?? '').length;
      ensureFits('regexReplace', length);
      return made;
    });
  },

  regexSearch: (...args) => {
    const [field, pattern, flags] = positional(args);
    const re = regexOf('regexSearch', pattern, flagsOf(flags));
    return textOf('regexSearch', field).search(re);
  },
};

/** A replacement's `$&`, `$1`…`$99`, `` $` ``, `$'` and `$$`, as String.prototype.replace reads them. */
function expand(replacement: string, groups: (string | undefined)[], text: string, offset: number): string {
  const match = groups[0] ?? '';
  return replacement.replace(/\$(\$|&|`|'|\d{1,2})/g, (token: string, what: string) => {
    if (what === '$') return '$';
    if (what === '&') return match;
    if (what === '`') return text.slice(0, offset);
    if (what === "'") return text.slice(offset + match.length);
    const n = Number(what);
    // `$10` when there are fewer than ten groups is `$1` then a 0, as JavaScript reads it.
    if (n >= groups.length && what.length === 2) {
      const single = Number(what[0]);
      return single > 0 && single < groups.length ? `${groups[single] ?? ''}${what[1]!}` : token;
    }
    return n > 0 && n < groups.length ? (groups[n] ?? '') : token;
  });
}
