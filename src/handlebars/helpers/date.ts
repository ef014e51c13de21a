/** integrator.io's date helpers (see date.info.ts for what each does and where the docs are silent). */
import moment from 'moment-timezone';
import { HelperFunction } from '../helperTypes';
import { positional } from './args';

/** A value as an error message quotes it. */
function shown(value: unknown): string {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'an object' : (JSON.stringify(value) ?? String(value));
}

/** An argument left out or passed as `""`/`null` (the docs pass `""` to skip inputFormat). */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The moment-timezone zone for an IANA id, or undefined for none (UTC); an id moment-timezone does not know is an error. */
function zoneOf(helper: string, timezone: unknown): string | undefined {
  if (isBlank(timezone)) return undefined;
  const zone = typeof timezone === 'string' ? moment.tz.zone(timezone) : null;
  if (!zone) throw new Error(`${helper}: ${shown(timezone)} is not a time zone moment-timezone knows (e.g. "America/New_York")`);
  return zone.name;
}

/**
 * A string names its own zone when it says GMT/UTC/Z, an offset such as +0530 or -05:00, or a US
 * zone abbreviation (which JavaScript's Date understands).
 */
const NAMES_A_ZONE = /(?:\b(?:GMT|UTC|UT|Z)\b|[+-]\d{2}:?\d{2}\b|\b[ECMP][SD]T\b)/i;

/**
 * Reads a date as integrator.io's servers do: ISO 8601 first, then what JavaScript's Date reads
 * ("Mon Nov 21 2019 20:00:00 GMT+0000", "03/10/1990"). A date without a zone is UTC — the docs turn
 * "03/10/1990" into 1990-03-09T18:00:00-06:00 in US/Central — whatever this machine's zone is.
 * With an inputFormat, moment parses it with that format, in UTC. A number is epoch milliseconds.
 * Undefined for a missing value.
 */
function parseDate(helper: string, value: unknown, inputFormat?: unknown): moment.Moment | undefined {
  if (isBlank(value)) return undefined;
  let parsed: moment.Moment;
  if (!isBlank(inputFormat)) {
    if (typeof inputFormat !== 'string') throw new Error(`${helper}: the input format must be a string, not ${shown(inputFormat)}`);
    parsed = moment.utc(typeof value === 'number' ? String(value) : value instanceof Date ? value : String(value), inputFormat);
  } else if (typeof value === 'number' || value instanceof Date) {
    parsed = moment.utc(value);
  } else if (typeof value === 'string') {
    const text = value.trim();
    parsed = moment.utc(text, moment.ISO_8601, true);
    if (!parsed.isValid()) {
      const millis = Date.parse(NAMES_A_ZONE.test(text) ? text : `${text} UTC`);
      parsed = moment.utc(Number.isNaN(millis) ? NaN : millis);
    }
  } else {
    throw new Error(`${helper}: ${shown(value)} is not a date`);
  }
  if (!parsed.isValid())
    throw new Error(
      `${helper}: ${shown(value)} is not a date${isBlank(inputFormat) ? '' : ` in the format ${JSON.stringify(inputFormat)}`}`,
    );
  return parsed;
}

/** A format argument: `""` or none gives moment's ISO 8601 default (`2025-04-20T17:38:20Z`, or `…+08:00` in a zone). */
function formatOf(helper: string, format: unknown): string | undefined {
  if (isBlank(format)) return undefined;
  if (typeof format !== 'string') throw new Error(`${helper}: the format must be a string, not ${shown(format)}`);
  return format;
}

/** `{{dateAdd date offsetMs timezone}}`: ISO 8601 with milliseconds, `…Z` in UTC or `…±HH:MM` in a zone. */
function dateAdd(...args: unknown[]): string {
  const [date, offset, timezone] = positional(args);
  const zone = zoneOf('dateAdd', timezone);
  const start = parseDate('dateAdd', date);
  if (!start) return '';
  // Number() reads "-86400000" and the scientific notation the docs allow ("1E6").
  const millis = isBlank(offset) ? 0 : typeof offset === 'number' || typeof offset === 'string' ? Number(offset) : NaN;
  if (!Number.isFinite(millis)) throw new Error(`dateAdd: ${shown(offset)} is not an offset in milliseconds`);
  const moved = start.add(millis, 'milliseconds');
  // toISOString(true) keeps the zone's offset: 2025-03-27T08:00:00.000+08:00, as the docs' Hong Kong example.
  return zone ? moved.tz(zone).toISOString(true) : moved.toISOString();
}

/** `{{dateFormat outputFormat date inputFormat timezone}}`: the date in the zone (UTC by default), formatted with moment tokens. */
function dateFormat(...args: unknown[]): string {
  const [outputFormat, date, inputFormat, timezone] = positional(args);
  // SKILL.md shows the zone 3rd ({{dateFormat "YYYY-MM-DD" record.date "US/Eastern"}}); the docs and the
  // UI put inputFormat there. Reading a zone id as a format would give a wrong date silently: say so.
  if (typeof inputFormat === 'string' && isBlank(timezone) && moment.tz.zone(inputFormat)) {
    throw new Error(
      `dateFormat: the 3rd argument is the input format, and ${JSON.stringify(inputFormat)} is a time zone: pass "" before it`,
    );
  }
  const format = formatOf('dateFormat', outputFormat);
  const zone = zoneOf('dateFormat', timezone);
  const parsed = parseDate('dateFormat', date, inputFormat);
  if (!parsed) return '';
  return (zone ? parsed.tz(zone) : parsed).format(format);
}

/** `{{timestamp format timezone}}`: now, in the zone (UTC by default), ISO 8601 unless a format is given. */
function timestamp(...args: unknown[]): string {
  const [format, timezone] = positional(args);
  const zone = zoneOf('timestamp', timezone);
  const now = moment.utc();
  return (zone ? now.tz(zone) : now).format(formatOf('timestamp', format));
}

export const DATE_HELPERS: Record<string, HelperFunction> = { dateAdd, dateFormat, timestamp };
