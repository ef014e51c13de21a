/**
 * A resource's identity lives in its document's URI:
 *
 *   integrator-io://<environment id>/<environment name>/<kind>/<resource id>/<name><suffix>
 *   integrator-io://env-1a2b/Dev account/exports/55e1…/Orders to NetSuite.export.json
 *   integrator-io://env-1a2b/Dev account/scripts/5f0…/Skip Test Orders.js
 *
 * The environment name makes the environment visible in breadcrumbs and the tab's tooltip; the
 * file name gives the tab its title and lets `jsonValidation` attach a schema by pattern. The
 * authority (environment id), kind and id are what identify the resource. The server's copy of
 * the same resource (`integrator-io-remote:`, for diffs) has the same shape.
 */
import { documentSuffix, isResourceKind, ResourceKind } from '../model/resourceKinds';
import { REMOTE_SCHEME, RESOURCE_SCHEME, RETRY_DATA_SCHEME } from './schemes';
import { isIdSegment, lastSegment, safeSegment, segmentsOf, UriParts, uriParts } from './uriParts';

/** Ids of drafts made by "New …", not yet created on the server. */
export const DRAFT_PREFIX = 'new-';

export interface ResourceRef {
  envId: string;
  kind: ResourceKind;
  id: string;
}

/** What a resource URI needs of its environment. */
export interface EnvironmentName {
  id: string;
  name: string;
}

export function resourceUriParts(env: EnvironmentName, kind: ResourceKind, id: string, name: string | undefined): UriParts {
  const file = `${safeSegment(name || id)}${documentSuffix(kind)}`;
  return uriParts(RESOURCE_SCHEME, { authority: env.id, path: `/${safeSegment(env.name)}/${kind}/${id}/${file}` });
}

/** The resource a document or its server copy names; undefined for anything else, never an id of `..`. */
export function parseResourceUri(uri: UriParts): ResourceRef | undefined {
  if (uri.scheme !== RESOURCE_SCHEME && uri.scheme !== REMOTE_SCHEME) return undefined;
  const [, kind, id] = segmentsOf(uri.path, 4) ?? [];
  if (!uri.authority || !isResourceKind(kind) || !isIdSegment(id)) return undefined;
  return { envId: uri.authority, kind, id };
}

/** Whether the URI is a resource's own document (the one saves deploy), not a server copy. */
export function isResourceDocument(uri: UriParts): boolean {
  return uri.scheme === RESOURCE_SCHEME;
}

export function isDraft(ref: ResourceRef): boolean {
  return ref.id.startsWith(DRAFT_PREFIX);
}

/**
 * Whether an id the account gave a resource can name it in a URI of ours: one that starts like a
 * draft's would be read back as a draft (never read, created again on save), one of `..` steps up.
 */
export function isAccountId(id: string): boolean {
  return isIdSegment(id) && !id.startsWith(DRAFT_PREFIX);
}

/** The server's copy of a document, for a diff; `at` makes each Compare read the server afresh. */
export function remoteCopyParts(document: UriParts, at: number): UriParts {
  return { ...partsOf(document), scheme: REMOTE_SCHEME, query: `t=${at}` };
}

/** The document a server copy is the copy of. */
export function documentOfRemoteParts(remote: UriParts): UriParts {
  return { ...partsOf(remote), scheme: RESOURCE_SCHEME, query: '' };
}

/** The environment of a document of ours whose authority names it (a resource, its server copy, retry data). */
export function environmentIdOf(uri: UriParts): string | undefined {
  const named = uri.scheme === RESOURCE_SCHEME || uri.scheme === REMOTE_SCHEME || uri.scheme === RETRY_DATA_SCHEME;
  return named && uri.authority ? uri.authority : undefined;
}

/** The document's file name: what its tab shows. */
export function fileNameOf(uri: UriParts): string {
  return lastSegment(uri.path);
}

/** The resource's name as its URI carries it (`Orders.export.json` → `Orders`). */
export function resourceNameOf(uri: UriParts): string {
  return fileNameOf(uri).replace(/\.[^.]+\.json$|\.js$/, '');
}

/** Whether two URIs name the same resource (whatever name their file has now). */
export function sameResource(a: UriParts, b: UriParts): boolean {
  const left = parseResourceUri(a);
  const right = parseResourceUri(b);
  return !!left && !!right && a.scheme === b.scheme && left.envId === right.envId && left.kind === right.kind && left.id === right.id;
}

/** Only the parts (a `vscode.Uri` carries more, which a copy must not take along). */
function partsOf(uri: UriParts): UriParts {
  return { scheme: uri.scheme, authority: uri.authority, path: uri.path, query: uri.query, fragment: uri.fragment };
}
