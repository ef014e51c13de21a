/**
 * A time window in a tool's input (`since`, `until`): ISO 8601 checked here, before any request,
 * and handed to the API as its own `_gte`/`_lte` filters, so "last night" is one call rather
 * than paging back through every error or run.
 */
import { JsonObject } from '../api/types';
import { optionalText } from './input';
import { ToolInputError } from './types';

export interface TimeWindow {
  since?: string;
  until?: string;
}

/**
 * A date (`2024-05-01`, midnight UTC) or a date and time with `Z` or an offset. A time without a
 * zone is refused: JavaScript would read it in this machine's zone, which a model cannot know.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export const TIME_WINDOW_SCHEMA = (what: string) => ({
  since: {
    type: 'string',
    description: `Only ${what} at or after this time: ISO 8601, a date (2024-05-01, midnight UTC) or a date and time with Z or an offset (2024-05-01T22:00:00Z).`,
  },
  until: { type: 'string', description: `Only ${what} at or before this time (ISO 8601, as since).` },
});

/** The window an input gives, each bound as the API's ISO text (UTC); refused when not ISO 8601 or when since is after until. */
export function readTimeWindow(o: JsonObject): TimeWindow {
  const since = isoTime(o, 'since');
  const until = isoTime(o, 'until');
  if (since && until && since > until) throw new ToolInputError('"since" is after "until".');
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

function isoTime(o: JsonObject, key: string): string | undefined {
  const text = optionalText(o, key, 40);
  if (text === undefined) return undefined;
  const ms = ISO_8601.test(text) && realDay(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms))
    throw new ToolInputError(`"${key}" must be an ISO 8601 date (2024-05-01) or date and time with Z or an offset (2024-05-01T22:00:00Z).`);
  return new Date(ms).toISOString();
}

/** Whether the date part names a day the calendar has: Date.parse reads 2024-02-30 as March 1st. */
function realDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
