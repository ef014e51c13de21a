/**
 * Marks on explorer rows that must survive any side-bar width, carried by the row's `resourceUri`
 * and read back from the URI itself, so a changed count is a new URI and needs no change event:
 *
 *   integrator-io-row:/<row id>?errors=3                  open errors: a red count
 *   integrator-io-row:/<row id>?production=environment    a production environment's own row
 *   integrator-io-row:/<row id>?production=1              a row in a production environment
 */
import { ROW_SCHEME } from './schemes';
import { decodeSegment, encodeSegment, segmentsOf, UriParts, uriParts } from './uriParts';

export interface RowMarks {
  /** Open errors of a flow or a step. */
  errors?: number;
  /** The row belongs to a production environment ('environment': it is that environment's row). */
  production?: boolean | 'environment';
}

/** The parts of the URI that gives a row its marks; undefined when it has none. */
export function rowUriParts(rowId: string, marks: RowMarks): UriParts | undefined {
  const query = new URLSearchParams();
  if (marks.errors && marks.errors > 0) query.set('errors', String(marks.errors));
  if (marks.production) query.set('production', marks.production === true ? '1' : marks.production);
  if (!query.size) return undefined;
  return uriParts(ROW_SCHEME, { path: `/${encodeSegment(rowId)}`, query: query.toString() });
}

/** A row's marks from its URI; undefined for another scheme or a row id that is not one. */
export function parseRowUri(uri: UriParts): (RowMarks & { rowId: string }) | undefined {
  const [segment] = uri.scheme === ROW_SCHEME ? (segmentsOf(uri.path, 1) ?? []) : [];
  const rowId = segment === undefined ? undefined : decodeSegment(segment);
  if (!rowId) return undefined;
  const query = new URLSearchParams(uri.query);
  const errors = Number(query.get('errors'));
  const production = query.get('production');
  return {
    rowId,
    ...(Number.isSafeInteger(errors) && errors > 0 ? { errors } : {}),
    ...(production === 'environment' ? { production } : production === '1' ? { production: true } : {}),
  };
}
