/**
 * Every URI the extension makes, built and parsed only here, one scheme each:
 *
 * - `integrator-io:` a resource's document (read and written through the API);
 * - `integrator-io-remote:` the same resource as the server has it now, read-only, for diffs;
 * - `integrator-io-retry:` the retry data of one error, written back on save;
 * - `integrator-io-audit:` one side of an audit change, read-only, for the diff editor.
 *
 * Resource identity lives in the document URI:
 *
 *   integrator-io://<environment id>/<environment name>/<kind>/<resource id>/<name>.<singular>.json
 *   integrator-io://env-1a2b/Dev account/exports/55e1…/Orders to NetSuite.export.json
 *   integrator-io://env-1a2b/Dev account/scripts/5f0…/Skip Test Orders.js
 *
 * The environment name makes the environment visible in breadcrumbs and the tab's tooltip;
 * the file name gives the tab its title and lets `jsonValidation` attach a schema by pattern.
 * The authority (environment id), kind and id are what identify the resource.
 */
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { documentSuffix, RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';

import { AUDIT_SCHEME, REMOTE_SCHEME, RESOURCE_SCHEME, RETRY_DATA_SCHEME } from './schemes';

export { AUDIT_SCHEME, REMOTE_SCHEME, RESOURCE_SCHEME, RETRY_DATA_SCHEME };
const OUR_SCHEMES = new Set([RESOURCE_SCHEME, REMOTE_SCHEME, RETRY_DATA_SCHEME, AUDIT_SCHEME]);
/** Ids of drafts made by "New …", not yet created on the server. */
export const DRAFT_PREFIX = 'new-';

export interface ResourceRef {
  envId: string;
  kind: ResourceKind;
  id: string;
}

export function resourceUri(
  env: EnvironmentInfo,
  kind: ResourceKind,
  id: string,
  name: string | undefined,
  scheme = RESOURCE_SCHEME,
): vscode.Uri {
  const file = `${safeSegment(name || id)}${documentSuffix(kind)}`;
  return vscode.Uri.from({ scheme, authority: env.id, path: `/${safeSegment(env.name)}/${kind}/${id}/${file}` });
}

export function parseResourceUri(uri: vscode.Uri): ResourceRef | undefined {
  if (uri.scheme !== RESOURCE_SCHEME && uri.scheme !== REMOTE_SCHEME) return undefined;
  const parts = uri.path.split('/').filter(Boolean);
  if (parts.length !== 4) return undefined;
  const [, kind, id] = parts as [string, string, string, string];
  if (!Object.hasOwn(RESOURCE_KINDS, kind) || !id) return undefined;
  return { envId: uri.authority, kind: kind as ResourceKind, id };
}

export function isDraft(ref: ResourceRef): boolean {
  return ref.id.startsWith(DRAFT_PREFIX);
}

/** The same resource's URI in another scheme (the remote copy for a diff). */
export function withScheme(uri: vscode.Uri, scheme: string): vscode.Uri {
  return uri.with({ scheme });
}

export interface RetryDataRef {
  envId: string;
  flowId: string;
  stepId: string;
  retryDataKey: string;
  /** What its tab says, e.g. "NetSuite - Create Sales Orders – INVALID_FIELD" (the step and the error's code). */
  label?: string;
}

/**
 * `…/<flow>/<step>/<retryDataKey>/<label>.retrydata.json`: the tab shows the label, the key stays
 * in the path. Without a label the key is the file name.
 */
export function retryDataUri(ref: RetryDataRef): vscode.Uri {
  const file = ref.label ? `${ref.retryDataKey}/${safeSegment(ref.label)}` : ref.retryDataKey;
  return vscode.Uri.from({
    scheme: RETRY_DATA_SCHEME,
    authority: ref.envId,
    path: `/${ref.flowId}/${ref.stepId}/${file}.retrydata.json`,
  });
}

export function parseRetryDataUri(uri: vscode.Uri): RetryDataRef | undefined {
  if (uri.scheme !== RETRY_DATA_SCHEME) return undefined;
  const [flowId, stepId, key, file] = uri.path.split('/').filter(Boolean);
  const retryDataKey = file !== undefined ? key : key?.replace(/\.retrydata\.json$/, '');
  return flowId && stepId && retryDataKey ? { envId: uri.authority, flowId, stepId, retryDataKey } : undefined;
}

/** The resource an audit entry is about. */
export interface AuditedResource {
  envId: string;
  kind: string;
  resourceId: string;
}

/**
 * The two sides of one audited field change:
 * `integrator-io-audit://<env>/<kind>/<resource id>/<entry id>/<field path>/before.json`. They
 * name the resource and the entry so that a diff restored after a reload can be fetched again.
 */
export function auditDiffUris(about: AuditedResource, entryId: string, fieldPath: string): { before: vscode.Uri; after: vscode.Uri } {
  const base = vscode.Uri.from({
    scheme: AUDIT_SCHEME,
    authority: about.envId,
    path: `/${[about.kind, about.resourceId, entryId, fieldPath].map(encodeURIComponent).join('/')}`,
  });
  return { before: vscode.Uri.joinPath(base, 'before.json'), after: vscode.Uri.joinPath(base, 'after.json') };
}

/** What an audit side's URI names (undefined for anything else, or one from an older version). */
export function parseAuditDiffUri(
  uri: vscode.Uri,
): (AuditedResource & { entryId: string; fieldPath: string; before: vscode.Uri; after: vscode.Uri }) | undefined {
  if (uri.scheme !== AUDIT_SCHEME || !uri.authority) return undefined;
  const parts = uri.path.split('/').filter(Boolean);
  if (parts.length !== 5) return undefined;
  let decoded: string[];
  try {
    decoded = parts.slice(0, 4).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [kind, resourceId, entryId, fieldPath] = decoded as [string, string, string, string];
  const about = { envId: uri.authority, kind, resourceId };
  return { ...about, entryId, fieldPath, ...auditDiffUris(about, entryId, fieldPath) };
}

/** The environment a URI of ours belongs to (its authority), or undefined for anything else. */
export function environmentIdOf(uri: vscode.Uri): string | undefined {
  return OUR_SCHEMES.has(uri.scheme) && uri.scheme !== AUDIT_SCHEME ? uri.authority : undefined;
}

/** The document's file name: what its tab shows. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? '';
}

/** The resource's name as its URI carries it (`Orders.export.json` → `Orders`). */
export function resourceNameOf(uri: vscode.Uri): string {
  return fileNameOf(uri).replace(/\.[^.]+\.json$|\.js$/, '');
}

/** Whether two URIs name the same resource (whatever name their file has now). */
export function sameResource(a: vscode.Uri, b: vscode.Uri): boolean {
  const left = parseResourceUri(a);
  const right = parseResourceUri(b);
  return !!left && !!right && a.scheme === b.scheme && left.envId === right.envId && left.kind === right.kind && left.id === right.id;
}

/** Names may hold any character; a path segment may not hold `/` (or `\`, for Windows). */
function safeSegment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const printable = text.replace(/[\u0000-\u001f]/g, ' ');
  return printable.replace(/[/\\]/g, '∕').trim() || '_';
}
