/**
 * The one text form of a resource file, so that two pulls of an unchanged account give
 * byte-identical folders and `git diff` shows only real changes: keys sorted at every depth,
 * two-space indentation, a final newline. Arrays keep their order (it means something).
 */
import { createHash } from 'crypto';
import { isJsonObject } from '../api/types';
import { setOwn } from './ownField';

export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** A short fingerprint of a resource's files, kept in binding files as the base of a three-way comparison. */
export function contentHash(json: string, code?: string): string {
  const hash = createHash('sha256').update(json);
  if (code !== undefined) hash.update('\u0000').update(code);
  return hash.digest('hex').slice(0, 16);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isJsonObject(value)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) setOwn(sorted, key, sortKeys(value[key]));
    return sorted;
  }
  return value;
}
