/** integrator.io's format helpers (see format.info.ts for what each does and where the docs are silent). */
import { HelperFunction } from '../helperTypes';

/** A number, or a string that reads as one (as handlebars-helpers' `is-number` decides). */
function isNumeric(value: unknown): value is number | string {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

/** Commas between thousands of the integer part only (handlebars-helpers' regular expression also put them in the decimals). */
function addCommas(value: unknown): string {
  if (!isNumeric(value)) return '';
  const text = String(value).trim();
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const rest = point < 0 ? '' : text.slice(point);
  return whole.replace(/(\d)(?=(\d\d\d)+(?!\d))/g, '$1,') + rest;
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** handlebars-helpers' bytes: SI units, rounded to `precision` decimals; text gives its own length. */
function bytes(input: unknown, precision: unknown): string {
  let size: number;
  if (isNumeric(input)) size = Number(input);
  else if (typeof input === 'string' || Array.isArray(input)) size = input.length;
  else size = 0;
  const scale = Math.pow(10, isNumeric(precision) ? Number(precision) : 2);
  for (let unit = BYTE_UNITS.length - 1; unit >= 0; unit--) {
    const unitSize = Math.pow(1000, unit);
    // `+ 1` as handlebars-helpers has it: 999 B is shown as 1 kB.
    if (unitSize <= size + 1) return `${Math.round((size * scale) / unitSize) / scale} ${BYTE_UNITS[unit]}`;
  }
  return `${size} B`;
}

/** handlebars-helpers' ordinalize: the suffix is chosen by the rounded magnitude and added to the value as written. */
function ordinalize(value: unknown): string {
  // A missing value (or an object or boolean, which has no digits to suffix) gives "".
  if (typeof value !== 'number' && typeof value !== 'string') return '';
  const text = String(value);
  const num = Math.abs(Math.round(Number(value)));
  if ([11, 12, 13].includes(num % 100)) return `${text}th`;
  switch (num % 10) {
    case 1:
      return `${text}st`;
    case 2:
      return `${text}nd`;
    case 3:
      return `${text}rd`;
    default:
      return `${text}th`;
  }
}

export const FORMAT_HELPERS: Record<string, HelperFunction> = {
  addCommas: (value) => addCommas(value),
  // With one argument the second is Handlebars' options object, which is not numeric: precision 2.
  bytes: (input, precision) => bytes(input, precision),
  ordinalize: (value) => ordinalize(value),
};
