/**
 * Fields that hold other resources' ids, and the rewriting of those ids to logical keys (on pull)
 * and back to the ids of an environment (on apply). References sit anywhere in a document:
 * `pageGenerators[]._exportId`, `routers[].branches[].pageProcessors[]._importId`,
 * `hooks.preMap._scriptId`, `file.fileDefinition._fileDefinitionId`, legacy flows' top-level
 * `_exportId`/`_importId`, `_registeredConnectionIds`.
 */
import { JsonObject } from '../api/types';
import { isJsonObject } from '../api/types';
import { IacKind, isLogicalKey, LogicalKey } from './layout';
import { setOwn } from './ownField';

/** Fields whose values are ids of a known kind. */
export const REFERENCE_FIELDS: Readonly<Record<string, IacKind>> = {
  _connectionId: 'connections',
  _registeredConnectionIds: 'connections',
  _exportId: 'exports',
  _importId: 'imports',
  _scriptId: 'scripts',
  _fileDefinitionId: 'filedefinitions',
  _integrationId: 'integrations',
};

/** Ids of things that are not resources of an account (integration apps, connectors, templates): never re-bound. */
const GLOBAL_ID_FIELDS = new Set([
  '_connectorId',
  '_httpConnectorId',
  '_httpConnectorVersionId',
  '_httpConnectorApiId',
  '_httpConnectorResourceId',
  '_templateId',
]);

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * Whether a field may hold a reference: a known one, or any `_…Id`/`_…Ids` that is not global
 * (the general rule catches fields the list misses, such as `_asyncHelperId`).
 */
export function isReferenceField(field: string): boolean {
  if (GLOBAL_ID_FIELDS.has(field)) return false;
  return field in REFERENCE_FIELDS || /^_[A-Za-z0-9]+Ids?$/.test(field);
}

export interface FoundReference {
  /** Where, for messages: `pageProcessors[1]._importId`. */
  path: string;
  field: string;
  value: string;
  /** The kind the field names, when it is a known one. */
  kind?: IacKind;
}

/** Every string held by a reference field, at any depth (the top-level `_id` is not a reference). */
export function findReferences(doc: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (!isJsonObject(value)) return;
    for (const [field, child] of Object.entries(value)) {
      const at = path ? `${path}.${field}` : field;
      if (isReferenceField(field)) {
        const kind = REFERENCE_FIELDS[field];
        if (typeof child === 'string') found.push({ path: at, field, value: child, kind });
        else if (Array.isArray(child))
          child.forEach((item, i) => typeof item === 'string' && found.push({ path: `${at}[${i}]`, field, value: item, kind }));
        else walk(child, at);
      } else {
        walk(child, at);
      }
    }
  };
  walk(doc, '');
  return found;
}

/**
 * A copy of `doc` with each reference value replaced by `replace(value)` where it answers a
 * string; other values are kept as they are.
 */
export function mapReferences(doc: JsonObject, replace: (value: string) => string | undefined): JsonObject {
  const mapObject = (object: JsonObject): JsonObject => {
    const out: JsonObject = {};
    for (const [field, child] of Object.entries(object)) setOwn(out, field, map(child, isReferenceField(field)));
    return out;
  };
  const map = (value: unknown, inReference: boolean): unknown => {
    if (inReference && typeof value === 'string') return replace(value) ?? value;
    if (Array.isArray(value)) return value.map((item: unknown) => map(item, inReference && typeof item === 'string'));
    return isJsonObject(value) ? mapObject(value) : value;
  };
  return mapObject(doc);
}

/** Ids become keys where the id is one of the folder's resources. */
export function idsToKeys(doc: JsonObject, keyOfId: ReadonlyMap<string, LogicalKey>): JsonObject {
  return mapReferences(doc, (value) => (OBJECT_ID.test(value) ? keyOfId.get(value) : undefined));
}

/** Keys become the ids bound in an environment; a key with no id yet is an error the caller names. */
export function keysToIds(doc: JsonObject, idOfKey: (key: LogicalKey) => string | undefined): { doc: JsonObject; unbound: LogicalKey[] } {
  const unbound: LogicalKey[] = [];
  const mapped = mapReferences(doc, (value) => {
    if (!isLogicalKey(value)) return undefined;
    const id = idOfKey(value);
    if (id === undefined) unbound.push(value);
    return id;
  });
  return { doc: mapped, unbound };
}

/** The logical keys a folder document refers to (its dependencies). */
export function referencedKeys(doc: JsonObject): LogicalKey[] {
  return [
    ...new Set(
      findReferences(doc)
        .map((r) => r.value)
        .filter(isLogicalKey),
    ),
  ];
}

/** Raw account ids left in a folder document: references to something the folder does not hold. */
export function rawIdReferences(doc: JsonObject): FoundReference[] {
  return findReferences(doc).filter((r) => OBJECT_ID.test(r.value));
}

export function isObjectId(value: unknown): boolean {
  return typeof value === 'string' && OBJECT_ID.test(value);
}
