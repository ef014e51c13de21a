/**
 * Every URI of ours and every view key, built and parsed in this folder and nowhere else: one file
 * per scheme holds its rules in plain TypeScript (tested in Node), and this file, their VS Code
 * face, makes a `vscode.Uri` of what they build. A parser takes a `vscode.Uri` as it is and gives
 * a typed identity, or undefined for anything that is not one of ours (never an exception).
 */
import vscode = require('vscode');
import { ResourceKind } from '../model/resourceKinds';
import { AccountVersionRef, accountVersionUriParts, parseAccountVersionUri as parseAccountVersionParts } from './accountVersionUris';
import { AuditedResource, auditDiffUriParts, AuditSide, parseAuditDiffUri as parseAuditDiffParts } from './auditUris';
import { documentOfRemoteParts, EnvironmentName, remoteCopyParts, resourceUriParts } from './resourceUris';
import { RetryDataRef, retryDataUriParts } from './retryDataUris';
import { RowMarks, rowUriParts } from './rowUris';

export * from './schemes';
export * from './viewKeys';
export {
  DRAFT_PREFIX,
  environmentIdOf,
  fileNameOf,
  isAccountId,
  isDraft,
  isResourceDocument,
  parseResourceUri,
  resourceNameOf,
  sameResource,
} from './resourceUris';
export type { EnvironmentName, ResourceRef } from './resourceUris';
export { parseRetryDataUri } from './retryDataUris';
export type { RetryDataRef } from './retryDataUris';
export type { AuditedResource, AuditSide } from './auditUris';
export { parseRowUri } from './rowUris';
export type { RowMarks } from './rowUris';

export function resourceUri(env: EnvironmentName, kind: ResourceKind, id: string, name: string | undefined): vscode.Uri {
  return vscode.Uri.from(resourceUriParts(env, kind, id, name));
}

/** The server's copy of a resource document, for a diff; each call reads the server afresh. */
export function remoteCopyUri(document: vscode.Uri, at = Date.now()): vscode.Uri {
  return vscode.Uri.from(remoteCopyParts(document, at));
}

/** The document a server copy is the copy of. */
export function documentOfRemote(remote: vscode.Uri): vscode.Uri {
  return vscode.Uri.from(documentOfRemoteParts(remote));
}

export function retryDataUri(ref: RetryDataRef): vscode.Uri {
  return vscode.Uri.from(retryDataUriParts(ref));
}

export function auditDiffUris(about: AuditedResource, entryId: string, fieldPath: string): { before: vscode.Uri; after: vscode.Uri } {
  const { before, after } = auditDiffUriParts(about, entryId, fieldPath);
  return { before: vscode.Uri.from(before), after: vscode.Uri.from(after) };
}

/** What an audit side names, with both sides' URIs (a diff restored after a reload fills in both). */
export function parseAuditDiffUri(uri: vscode.Uri): (AuditSide & { before: vscode.Uri; after: vscode.Uri }) | undefined {
  const side = parseAuditDiffParts(uri);
  return side && { ...side, ...auditDiffUris(side, side.entryId, side.fieldPath) };
}

/** The account's version of a folder's file, as the folder's `version`th plan read it from the environment. */
export function accountVersionUri(file: vscode.Uri, envId: string, version = 0): vscode.Uri {
  return vscode.Uri.from(accountVersionUriParts({ filePath: file.path, envId, version }));
}

/** The folder's file an account version stands for, and which environment and plan it is of. */
export function parseAccountVersionUri(uri: vscode.Uri): (Omit<AccountVersionRef, 'filePath'> & { file: vscode.Uri }) | undefined {
  const ref = parseAccountVersionParts(uri);
  return ref && { file: vscode.Uri.from({ scheme: 'file', path: ref.filePath }), envId: ref.envId, version: ref.version };
}

/** The `resourceUri` that gives an explorer row its marks; undefined when it has none. */
export function rowUri(rowId: string, marks: RowMarks): vscode.Uri | undefined {
  const parts = rowUriParts(rowId, marks);
  return parts && vscode.Uri.from(parts);
}
