/** integrator.io's string helpers (see string.info.ts for what each does and where the docs are silent). */
import Handlebars from 'handlebars';
import { ensureFits, occurrencesOf } from './sizeLimit';
import { HelperFunction } from '../helperTypes';

/**
 * A helper as written below: its positional arguments only (Handlebars' options object, always
 * passed last, is dropped) and a SafeString from a nested helper read as the string it holds.
 */
function helper(fn: (...args: unknown[]) => unknown): HelperFunction {
  return (...args: unknown[]) => fn(...args.slice(0, -1).map((a) => (a instanceof Handlebars.SafeString ? a.toString() : a)));
}

/**
 * Text of an input the docs say is converted to a string first: numbers and booleans as JavaScript
 * writes them, arrays comma-joined, objects as `[object Object]` ("unusable"), null and undefined empty.
 */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(text).join(',');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value === 'object' ? '[object Object]' : '';
}

/** A substring argument (what to find or put): a string, or a number or boolean as written; anything else is none. */
function pattern(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A number, or a string that reads as one (as handlebars-helpers' is-number accepts); anything else is none. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * The words of a string for the case helpers: runs of letters and digits, also split where a
 * lowercase letter or digit meets an uppercase one (`getUserProfile`) and where an acronym ends
 * (`XMLParser` → XML, Parser). An all-caps word stays one word (`HELLO&WORLD` → HELLO, WORLD).
 */
function words(value: unknown): string[] {
  return text(value)
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w !== '');
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `word` → `Word`: first letter up, the rest down (camelcase, pascalcase). */
function titled(word: string): string {
  return upperFirst(word.toLowerCase());
}

function joinedWords(separator: string): HelperFunction {
  return helper((value) =>
    words(value)
      .map((w) => w.toLowerCase())
      .join(separator),
  );
}

/** padLeft and padRight: `length` is floored; missing, non-numeric or ≤ 0 leaves the value as it is. */
function pad(name: string, side: 'left' | 'right'): HelperFunction {
  const MAX_LENGTH = 999999;
  return helper((value, length, chars) => {
    const input = text(value);
    const n = numberOf(length);
    if (n === undefined) return input;
    const target = Math.floor(n);
    if (target <= 0) return input;
    if (target > MAX_LENGTH) throw new Error(`${name}: length ${target} is over the maximum of ${MAX_LENGTH}`);
    const filler = chars === undefined || chars === null ? ' ' : text(chars);
    return side === 'left' ? input.padStart(target, filler) : input.padEnd(target, filler);
  });
}

/** Characters outside letters, marks and digits: what chop strips from the ends. */
const EDGE_JUNK = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu;

/**
 * Markup tags removed and their text kept, as handlebars-helpers' sanitize (the striptags
 * package) does: a `<` starts a tag only before a letter, `/`, `!` or `?`, a `>` inside a quoted
 * attribute does not end it, comments go whole, and a tag left open at the end is dropped.
 */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const ch = html.charAt(i);
    if (ch === '<' && html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    if (ch === '<' && /[A-Za-z/!?]/.test(html.charAt(i + 1))) {
      let j = i + 1;
      let quote = '';
      for (; j < html.length; j++) {
        const c = html.charAt(j);
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= html.length) break;
      i = j + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

export const STRING_HELPERS: Record<string, HelperFunction> = {
  camelcase: helper((value) =>
    words(value)
      .map((w, i) => (i === 0 ? w.toLowerCase() : titled(w)))
      .join(''),
  ),
  pascalcase: helper((value) => words(value).map(titled).join('')),
  dashcase: joinedWords('-'),
  dotcase: joinedWords('.'),
  pathcase: joinedWords('/'),
  snakecase: joinedWords('_'),

  // capitalize, capitalizeAll, lowercase, uppercase, the trims, occurrences, removefirst, replace,
  // replacefirst, sentence and sanitize give "" for anything but a string, as handlebars-helpers does.
  capitalize: helper((value) => (typeof value === 'string' ? upperFirst(value) : '')),
  // A word starts at a letter, digit or underscore and runs to the next whitespace (`hello-world` → `Hello-world`).
  capitalizeAll: helper((value) => (typeof value === 'string' ? value.replace(/[\p{L}\p{N}_]\S*/gu, upperFirst) : '')),
  lowercase: helper((value) => (typeof value === 'string' ? value.toLowerCase() : '')),
  uppercase: helper((value) => (typeof value === 'string' ? value.toUpperCase() : '')),
  trim: helper((value) => (typeof value === 'string' ? value.trim() : '')),
  trimLeft: helper((value) => (typeof value === 'string' ? value.trimStart() : '')),
  trimRight: helper((value) => (typeof value === 'string' ? value.trimEnd() : '')),

  chop: helper((value) => text(value).trim().replace(EDGE_JUNK, '')),
  // By code point, so a character outside the BMP (an emoji) is not split into halves.
  reverse: helper((value) => Array.from(text(value)).reverse().join('')),

  join: helper((delimiter, ...items) => {
    const parts = items.flat(Infinity).map(text);
    const by = text(delimiter);
    // A long delimiter between many small values multiplies: measured before it is made.
    ensureFits('join', parts.reduce((sum, p) => sum + p.length, 0) + by.length * Math.max(0, parts.length - 1));
    return parts.join(by);
  }),

  occurrences: helper((value, substring) => {
    if (typeof value !== 'string') return '';
    const needle = pattern(substring);
    if (!needle) return 0; // an empty substring would match everywhere: none counted
    let count = 0;
    for (let at = value.indexOf(needle); at >= 0; at = value.indexOf(needle, at + needle.length)) count++;
    return count;
  }),

  padLeft: pad('padLeft', 'left'),
  padRight: pad('padRight', 'right'),

  // The leading space a removal leaves is kept (the docs' examples drop it; JavaScript and handlebars-helpers keep it).
  removefirst: helper((value, substring) => {
    if (typeof value !== 'string') return '';
    const needle = pattern(substring);
    if (needle === undefined) return value;
    const at = value.indexOf(needle);
    return at < 0 ? value : value.slice(0, at) + value.slice(at + needle.length);
  }),
  replace: helper((value, a, b) => {
    if (typeof value !== 'string') return '';
    const needle = pattern(a);
    if (needle === undefined) return value;
    const by = pattern(b) ?? '';
    ensureFits('replace', value.length + occurrencesOf(value, needle) * (by.length - needle.length));
    return value.split(needle).join(by);
  }),
  // The replacement is literal: `$&` and the like are not JavaScript replacement patterns here.
  replacefirst: helper((value, a, b) => {
    if (typeof value !== 'string') return '';
    const needle = pattern(a);
    if (needle === undefined) return value;
    const at = value.indexOf(needle);
    const by = pattern(b) ?? '';
    ensureFits('replacefirst', value.length + by.length);
    return at < 0 ? value : value.slice(0, at) + by + value.slice(at + needle.length);
  }),

  sanitize: helper((value) => (typeof value === 'string' ? stripTags(value).trim() : '')),

  // handlebars-helpers' rule: each run from a non-space up to and through `.`, `?` or `!` is one sentence.
  sentence: helper((value) =>
    typeof value === 'string' ? value.replace(/(\S[^.?!]*)[.?!]*/g, (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()) : '',
  ),

  split: helper((value, delimiter, index) => {
    const input = text(value);
    if (input === '') return '';
    const separator = delimiter === undefined || delimiter === null ? ',' : text(delimiter);
    const i = index === undefined ? 0 : numberOf(index);
    if (i === undefined || i < 0) return '';
    return input.split(separator)[Math.floor(i)] ?? '';
  }),

  // JavaScript's String#substring: indexes clamped to the string, swapped if start > end; a missing
  // or non-numeric start is 0, a missing or non-numeric end is the end of the string.
  substring: helper((value, start, end) => text(value).substring(numberOf(start) ?? 0, numberOf(end))),

  truncateWords: helper((value, limit, suffix) => {
    if (typeof value !== 'string') return '';
    const n = numberOf(limit);
    if (n === undefined || n < 0) return '';
    const keep = Math.floor(n);
    const tail = typeof suffix === 'string' ? suffix : '…';
    const found = Array.from(value.matchAll(/\S+/g));
    if (found.length <= keep) return value;
    const last = found[keep - 1];
    if (!last) return tail;
    // Up to the end of the last kept word, so the spacing between kept words is the input's.
    return value.slice(0, (last.index ?? 0) + last[0].length).trimStart() + tail;
  }),
};
