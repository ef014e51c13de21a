/** integrator.io's math helpers (see math.info.ts for what each does and where the docs are silent). */
import { randomBytes, randomInt, randomUUID } from 'crypto';
import { HelperFunction } from '../helperTypes';
import { positional } from './args';

/** A number, or a string that reads as one (as handlebars-helpers' `is-number` decides). */
function isNumeric(value: unknown): value is number | string {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

/**
 * The number a template's value stands for. The docs say numeric strings are accepted and that
 * anything else gives NaN (multiply: `"abc"` → NaN), so a missing field or text gives NaN rather
 * than an error.
 */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** The arguments as one list, a single array argument spread out (as handlebars-helpers' sum and avg do). */
function flattened(args: unknown[]): unknown[] {
  return args.flatMap((arg) => (isList(arg) ? arg : [arg]));
}

/** The sum of the numeric values; others are skipped, as handlebars-helpers' sum does. */
function sumOf(values: unknown[]): number {
  return values.reduce<number>((total, value) => (isNumeric(value) ? total + Number(value) : total), 0);
}

/** A digits argument of toFixed/toPrecision/toExponential, checked so JavaScript's RangeError never reaches the template. */
function digitsOf(helper: string, value: unknown, fallback: number | undefined, min: number): number | undefined {
  if (!isNumeric(value)) return fallback;
  const digits = Math.trunc(Number(value));
  if (digits < min || digits > 100) throw new Error(`${helper}: the number of digits must be from ${min} to 100, not ${String(value)}`);
  return digits;
}

/** The longest string `random` makes: its output is built before the render's output budget sees it. */
const RANDOM_MAX_LENGTH = 1024;

function randomString(type: unknown, length: unknown): string {
  const size = length === undefined ? 32 : Number(length);
  if (!Number.isInteger(size) || size < 0 || size > RANDOM_MAX_LENGTH)
    throw new Error(`random: the length must be a whole number from 0 to ${RANDOM_MAX_LENGTH}, not ${String(length)}`);
  // The UI's snippet writes "CRYPTO" and "UUID" in upper case, so the type is read case-insensitively.
  switch (typeof type === 'string' ? type.toLowerCase() : type) {
    case 'crypto':
      return randomBytes(Math.ceil(size / 2))
        .toString('hex')
        .slice(0, size);
    case 'uuid': {
      let text = '';
      while (text.length < size) text += randomUUID().replace(/-/g, '');
      return text.slice(0, size);
    }
    case 'number': {
      // No leading zero, so the digits stay `size` long if the value is read as a number.
      let digits = size > 0 ? String(randomInt(1, 10)) : '';
      while (digits.length < size) digits += String(randomInt(0, 10));
      return digits;
    }
    default:
      throw new Error(
        `random: the first argument must be "crypto", "uuid" or "number", not ${typeof type === 'string' ? `"${type}"` : String(type)}`,
      );
  }
}

export const MATH_HELPERS: Record<string, HelperFunction> = {
  abs: (value) => Math.abs(toNumber(value)),
  add: (...args) => positional(args).reduce<number>((total, value) => total + toNumber(value), 0),
  // As handlebars-helpers: the numeric values are summed, and divided by how many values were given.
  avg: (...args) => {
    const values = flattened(positional(args));
    return sumOf(values) / values.length;
  },
  ceil: (value) => Math.ceil(toNumber(value)),
  divide: (a, b) => toNumber(a) / toNumber(b),
  floor: (value) => Math.floor(toNumber(value)),
  modulo: (a, b) => toNumber(a) % toNumber(b),
  multiply: (a, b) => toNumber(a) * toNumber(b),
  random: (...args) => {
    const [type, length] = positional(args);
    return randomString(type, length);
  },
  round: (value) => Math.round(toNumber(value)),
  subtract: (a, b) => toNumber(a) - toNumber(b),
  sum: (...args) => sumOf(flattened(positional(args))),
  toExponential: (...args) => {
    const [value, digits] = positional(args);
    // Without fractionDigits, as many digits as JavaScript needs (the docs), not handlebars-helpers' 0.
    return toNumber(value).toExponential(digitsOf('toExponential', digits, undefined, 0));
  },
  toFixed: (...args) => {
    const [value, digits] = positional(args);
    return toNumber(value).toFixed(digitsOf('toFixed', digits, 0, 0));
  },
  toPrecision: (...args) => {
    const [value, precision] = positional(args);
    return toNumber(value).toPrecision(digitsOf('toPrecision', precision, 1, 1));
  },
};
