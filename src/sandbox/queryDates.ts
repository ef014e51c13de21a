/** Date filters in query strings (`from`, `createdAt_gte`, `occurredAt_lte`, …): a bad one is a 400, never a 500. */
import { SandboxError } from './apiError';

/** ISO (with or without ms), a plain date, or epoch milliseconds; undefined when absent. */
export function dateParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const time = /^\d{11,}$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time) || Number.isNaN(new Date(time).getTime())) {
    throw SandboxError.badRequest('invalid_or_missing_field', `Invalid or Missing Field: ${name}`, name);
  }
  return time;
}

/** The same as an ISO string, to compare with stored ISO times. */
export function isoDateParam(query: URLSearchParams, name: string): string | undefined {
  const time = dateParam(query, name);
  return time === undefined ? undefined : new Date(time).toISOString();
}
