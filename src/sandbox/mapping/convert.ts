/** dataType conversions, as integrator.io's mappers apply them. */
import { asText } from '../json';

const FALSE_WORDS = new Set(['false', 'off', 'no', '0', '']);

export function toBoolean(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return !Number.isNaN(value) && value !== 0;
  if (typeof value === 'string') return !FALSE_WORDS.has(value.trim().toLowerCase());
  return true;
}

/** Non-numeric values become 0. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.replace(/,/g, ''));
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

export function toText(value: unknown): string {
  return asText(value);
}

/** Epoch milliseconds or a parseable date string become an ISO date-time. */
export function toDate(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  const text = asText(value);
  const date = typeof value === 'number' ? new Date(value) : /^\d{10,}$/.test(text) ? new Date(Number(text)) : new Date(text);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export function convert(value: unknown, dataType: string | undefined): unknown {
  if (value === undefined || !dataType) return value;
  switch (dataType.toLowerCase()) {
    case 'string':
      return toText(value);
    case 'number':
    case 'integer':
    case 'float':
      return toNumber(value);
    case 'boolean':
      return toBoolean(value);
    case 'date':
    case 'datetime':
      return toDate(value);
    case 'stringarray':
      return toArray(value).map(toText);
    case 'numberarray':
      return toArray(value).map(toNumber);
    case 'booleanarray':
      return toArray(value).map(toBoolean);
    case 'objectarray':
    case 'arrayarray':
      return toArray(value);
    default:
      return value;
  }
}

function toArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
