/**
 * Secrets as the API treats them: masked as "******" on every read, and on write a field sent
 * back as exactly "******" keeps the stored secret (the web UI saves by PUTting back the whole
 * document it fetched, masks included). A mask where nothing is stored is refused.
 */
import { ErrorDetail } from './apiError';
import { clone, getPath, isObject, JsonObject, setPath } from './json';
import { Kind, SECRET_MASK, SECRET_PATHS } from './kinds';

export function masked(kind: Kind, doc: JsonObject): JsonObject {
  const paths = SECRET_PATHS[kind];
  if (!paths) return doc;
  let copy: JsonObject | undefined;
  for (const path of paths) {
    const value = getPath(doc, path);
    if (value === undefined || value === null || value === '') continue;
    copy ??= clone(doc);
    setPath(copy, path, SECRET_MASK);
  }
  return copy ?? doc;
}

/** The masked form of one top-level field's value (for audit entries). */
export function maskedField(kind: Kind, field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  const doc = masked(kind, { [field]: value });
  return isObject(doc) ? doc[field] : value;
}

/**
 * Puts the stored secret back wherever `incoming` holds the mask, and returns the fields whose
 * mask has no stored secret to stand for (a create, or a field that was never set).
 */
export function restoreMaskedSecrets(kind: Kind, incoming: JsonObject, stored: JsonObject | undefined): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const path of SECRET_PATHS[kind] ?? []) {
    if (getPath(incoming, path) !== SECRET_MASK) continue;
    const value = stored === undefined ? undefined : getPath(stored, path);
    if (value === undefined || value === null || value === '') {
      problems.push({
        code: 'masked_secret',
        field: path,
        message: `${path} is "${SECRET_MASK}", the mask the API shows in place of a secret, but there is no stored secret for it to keep. Send the real value.`,
      });
    } else {
      setPath(incoming, path, clone(value));
    }
  }
  return problems;
}
