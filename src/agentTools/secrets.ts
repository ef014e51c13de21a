/**
 * Secrets a tool's answer never holds in clear text, whatever the API sent. The API masks them
 * as "******" already; a tool masks them again because a proxy, an older server or an adaptor
 * the API's list misses may not, and a model's context is no place for a password.
 *
 * The fields are those the resource schemas (media/schemas) mark `writeOnly`: the list the API
 * masks, and the one the sandbox masks (a unit test holds the sandbox's list equal to the
 * schemas). Only a tool's answer is masked; the document, its editor and its saves are untouched.
 */
import connectionSchema from '../../media/schemas/connection.schema.json';
import exportSchema from '../../media/schemas/export.schema.json';
import { isJsonObject, JsonObject, MASK } from '../api/types';
import type { ResourceKind } from '../model/resourceKinds';

/** Property paths of every field a schema marks `writeOnly` (the JSON Schema word for a secret). */
export function writeOnlyPaths(schema: unknown, prefix: string[] = []): string[][] {
  if (!isJsonObject(schema)) return [];
  const found = schema.writeOnly === true && prefix.length ? [prefix] : [];
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  for (const [key, child] of Object.entries(properties)) found.push(...writeOnlyPaths(child, [...prefix, key]));
  return found;
}

/** The kinds whose schemas mark secrets (the others' schemas mark none). */
export const SECRET_FIELDS: Readonly<Partial<Record<ResourceKind, readonly string[][]>>> = {
  connections: writeOnlyPaths(connectionSchema),
  exports: writeOnlyPaths(exportSchema),
};

/** The document with each secret field that holds a value masked (a copy; the document is not changed). */
export function maskSecrets(kind: ResourceKind, document: unknown): unknown {
  let out = document;
  for (const path of SECRET_FIELDS[kind] ?? []) out = maskedAt(out, path);
  return out;
}

/** `value` with the field at `path` masked, copying only the objects on the way; as it was when there is nothing to mask. */
function maskedAt(value: unknown, path: readonly string[]): unknown {
  if (!isJsonObject(value) || !path.length) return value;
  const [key, ...rest] = path as [string, ...string[]];
  if (!Object.prototype.hasOwnProperty.call(value, key)) return value;
  const child = value[key];
  const masked = rest.length ? maskedAt(child, rest) : child === undefined || child === null || child === '' ? child : MASK;
  if (masked === child) return value;
  const copy: JsonObject = { ...value };
  copy[key] = masked;
  return copy;
}
