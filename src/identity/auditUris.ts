/**
 * The two sides of one audited field change, for the diff editor:
 *
 *   integrator-io-audit://<environment id>/<kind>/<resource id>/<entry id>/<field path>/before.json (or after.json)
 *
 * They name the resource and the entry so that a diff restored after a reload can be fetched
 * again. Each part is percent-encoded (a field path may hold anything, `/` too).
 */
import { isResourceKind, ResourceKind } from '../model/resourceKinds';
import { AUDIT_SCHEME } from './schemes';
import { decodeSegment, encodeSegment, isIdSegment, segmentsOf, UriParts, uriParts } from './uriParts';

/** The resource an audit entry is about (its kind as a view names it; a side is read back only for a kind of the table). */
export interface AuditedResource {
  envId: string;
  kind: string;
  resourceId: string;
}

/** One side's identity: the field change of one entry. */
export interface AuditSide extends AuditedResource {
  kind: ResourceKind;
  entryId: string;
  fieldPath: string;
}

const SIDES = ['before.json', 'after.json'];

export function auditDiffUriParts(about: AuditedResource, entryId: string, fieldPath: string): { before: UriParts; after: UriParts } {
  const base = `/${[about.kind, about.resourceId, entryId, fieldPath].map(encodeSegment).join('/')}`;
  const side = (file: string) => uriParts(AUDIT_SCHEME, { authority: about.envId, path: `${base}/${file}` });
  return { before: side('before.json'), after: side('after.json') };
}

/** What an audit side's URI names (undefined for anything else, or one from an older version). */
export function parseAuditDiffUri(uri: UriParts): AuditSide | undefined {
  if (uri.scheme !== AUDIT_SCHEME || !uri.authority) return undefined;
  const segments = segmentsOf(uri.path, 5);
  if (!segments || !SIDES.includes(segments[4] ?? '')) return undefined;
  const [kind, resourceId, entryId, fieldPath] = segments.slice(0, 4).map(decodeSegment);
  if (!isResourceKind(kind) || !isIdSegment(resourceId) || !isIdSegment(entryId) || !fieldPath) return undefined;
  return { envId: uri.authority, kind, resourceId, entryId, fieldPath };
}
