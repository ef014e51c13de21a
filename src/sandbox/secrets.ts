/** Masks secret fields as the API does on every read: the value becomes "******". */
import { clone, getPath, isObject, JsonObject, setPath } from './json';
import { Kind, MASK, SECRET_PATHS } from './kinds';

export function masked(kind: Kind, doc: JsonObject): JsonObject {
  const paths = SECRET_PATHS[kind];
  if (!paths) return doc;
  let copy: JsonObject | undefined;
  for (const path of paths) {
    const value = getPath(doc, path);
    if (value === undefined || value === null || value === '') continue;
    copy ??= clone(doc);
    setPath(copy, path, MASK);
  }
  return copy ?? doc;
}

/** The masked form of one top-level field's value (for audit entries). */
export function maskedField(kind: Kind, field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  const doc = masked(kind, { [field]: value });
  return isObject(doc) ? doc[field] : value;
}
