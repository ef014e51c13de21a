/**
 * What a resource looks like in the folder, and how a folder document becomes a request body
 * again. The folder holds what a person decides; the rest stays with each account:
 * - fields the server sets (`_id`, `createdAt`, `lastModified`, `lastModifiedBy`, the generated
 *   `apiIdentifier`, a flow's `lastExecutedAt`);
 * - fields that belong to an environment, not to the integration's design: whether a flow is
 *   `disabled` (a promotion creates new flows disabled; an update keeps each account's choice);
 * - masked secrets (`******`): no secret, nor its mask, is written to disk.
 * An update sends the folder's document with exactly these fields put back from the account's
 * current document, so the account keeps its ids, its secrets and its switches.
 */
import { JsonObject, MASK } from '../api/types';
import type { AccountResource } from './accountReader';
import { FolderResource } from './folder';
import { isJsonObject } from '../api/types';
import { assignKeys } from './keys';
import { IacKind, LogicalKey } from './layout';
import { setOwn } from './ownField';
import { idsToKeys } from './references';

const SERVER_OWNED_FIELDS = ['_id', 'createdAt', 'lastModified', 'lastModifiedBy', 'apiIdentifier', 'lastExecutedAt'];

const ENVIRONMENT_FIELDS: Partial<Record<IacKind, readonly string[]>> = {
  flows: ['disabled'],
};

/** Top-level fields the folder never holds for this kind. */
export function fieldsKeptByAccount(kind: IacKind): readonly string[] {
  return [...SERVER_OWNED_FIELDS, ...(ENVIRONMENT_FIELDS[kind] ?? []), ...(kind === 'scripts' ? ['content'] : [])];
}

/** The folder's form of an account document (references still as ids; see references.ts). */
export function toFolderDocument(kind: IacKind, doc: JsonObject): JsonObject {
  const out = objectWithoutMasks(doc);
  for (const field of fieldsKeptByAccount(kind)) delete out[field];
  return out;
}

/**
 * The body of a PUT: the folder's document with the fields it leaves out taken from the
 * account's current document: the account-kept top-level fields, and every masked secret
 * whose place still exists in the folder's document.
 */
export function mergeForUpdate(kind: IacKind, folderDoc: JsonObject, accountDoc: JsonObject): JsonObject {
  const body = structuredClone(folderDoc);
  for (const field of fieldsKeptByAccount(kind)) {
    if (field === 'content') continue;
    if (accountDoc[field] !== undefined) body[field] = structuredClone(accountDoc[field]);
  }
  restoreMasks(body, accountDoc);
  return body;
}

function withoutMasks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMasks);
  return isJsonObject(value) ? objectWithoutMasks(value) : value;
}

function objectWithoutMasks(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(object)) if (child !== MASK) setOwn(out, key, withoutMasks(child));
  return out;
}

/** Puts the account's masks back where the folder's document has the enclosing object but not the field. */
function restoreMasks(target: JsonObject, account: JsonObject): void {
  for (const [key, value] of Object.entries(account)) {
    if (value === MASK) {
      if (!(key in target)) target[key] = MASK;
    } else if (isJsonObject(value)) {
      const inner = target[key];
      if (isJsonObject(inner)) restoreMasks(inner, value);
    }
  }
}

/** An account resource as the folder holds it: folder fields only, references as keys. */
export function folderResourceOf(
  resource: { kind: IacKind; doc: JsonObject },
  key: LogicalKey,
  keyOfId: ReadonlyMap<string, LogicalKey>,
): FolderResource {
  const doc = idsToKeys(toFolderDocument(resource.kind, resource.doc), keyOfId);
  const folderResource: FolderResource = { key, kind: resource.kind, doc };
  if (resource.kind === 'scripts') folderResource.code = typeof resource.doc.content === 'string' ? resource.doc.content : '';
  return folderResource;
}

/** The account's resources as the folder holds them, each with the account document it came from. */
export interface AccountInFolderForm {
  /** Every account resource's key. */
  keyOfId: Map<string, LogicalKey>;
  /** By key, in key order. */
  resources: { resource: FolderResource; account: AccountResource }[];
}

/**
 * What a pull writes and what a plan compares the folder with, made one way: each account
 * resource keeps the key it is known by (`known`, from the binding file) or gets a new one from
 * its name that nothing `reserved` (files of the folder that stand for something else) holds.
 */
export function accountInFolderForm(
  account: ReadonlyMap<string, AccountResource>,
  known: ReadonlyMap<string, LogicalKey>,
  reserved: ReadonlySet<LogicalKey>,
): AccountInFolderForm {
  const keyOfId = assignKeys(
    [...account.values()].map((r) => ({ kind: r.kind, id: r.id, name: r.doc.name })),
    known,
    reserved,
  );
  const resources = [...account.values()]
    .map((r) => ({ resource: folderResourceOf(r, keyOfId.get(r.id)!, keyOfId), account: r }))
    .sort((a, b) => (a.resource.key < b.resource.key ? -1 : 1));
  return { keyOfId, resources };
}
