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

/**
 * Credentials no schema marks: a header whose name says so (`Authorization`, `X-API-Key`, a
 * cookie), a query parameter of a URI (`?access_token=`, `&api_key=`), a field named as a secret
 * (`password`, `clientSecret`, `apiKey`). Real accounts put them in `http.headers`, a ping's URI
 * or a wrapper's settings, where the API does not mask them.
 */
const CREDENTIAL_NAME = /auth|cookie|api[-_]?key|token|secret|passw|signature|session|credential|private[-_]?key/i;
/** Field names that are themselves a secret's (not `tokenType`, `authType`, `headerName`…). */
const SECRET_KEY =
  /^(password|passwd|pass|secret|client[-_]?secret|api[-_]?key|access[-_]?token|refresh[-_]?token|token|bearer|private[-_]?key|authorization)$/i;
const MAX_DEPTH = 40;

/** `value` with every credential found by its name masked (a copy; as it was when nothing is). */
export function maskCredentials(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (typeof value === 'string') return maskedQuery(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => maskCredentials(item, depth + 1));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isJsonObject(value)) return value;
  // A header as integrator.io keeps them: { name: 'Authorization', value: 'Bearer …' }.
  const namedCredential = typeof value.name === 'string' && CREDENTIAL_NAME.test(value.name) && 'value' in value;
  let copy: JsonObject | undefined;
  for (const [key, child] of Object.entries(value)) {
    const secret = (namedCredential && key === 'value') || (SECRET_KEY.test(key) && typeof child === 'string');
    const masked = secret ? maskedValue(child) : maskCredentials(child, depth + 1);
    if (masked === child) continue;
    copy ??= { ...value };
    copy[key] = masked;
  }
  return copy ?? value;
}

function maskedValue(value: unknown): unknown {
  return value === undefined || value === null || value === '' ? value : MASK;
}

/** A URI's (or a relative URI's) credential-named query parameters masked; other text as it is. */
function maskedQuery(text: string): string {
  if (!text.includes('?') || !text.includes('=')) return text;
  const masked = text.replace(/([?&])([^=&#\s]+)=([^&#\s]*)/g, (whole, sep: string, name: string, v: string) =>
    CREDENTIAL_NAME.test(name) && v && v !== MASK ? `${sep}${name}=${MASK}` : whole,
  );
  return masked;
}

/** Whether an audit entry's field path names a secret: a schema's secret field, or a credential's name. */
export function isSecretPath(kind: ResourceKind, fieldPath: string): boolean {
  const parts = fieldPath.split('.');
  const last = parts[parts.length - 1] ?? '';
  if (SECRET_KEY.test(last)) return true;
  return (SECRET_FIELDS[kind] ?? []).some((path) => path.join('.') === fieldPath);
}
