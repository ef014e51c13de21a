/**
 * Marks on explorer rows that must survive any side-bar width: a row's description is cut off
 * first, but a file decoration (its colour and badge) stays at the row's right edge. Rows that
 * need a mark carry a `resourceUri` of this scheme, and the mark is read back from the URI
 * itself, so a changed count is a new URI and needs no change event.
 *
 *   integrator-io-row:/<row id>?errors=3        open errors: a red count
 *   integrator-io-row:/<row id>?production=environment    a production environment's own row: a red "P"
 *   integrator-io-row:/<row id>?production=1    a row in it: a "P" in the row's own colour, so open
 *                                               errors (red) still stand out there
 */
import vscode = require('vscode');

export const ROW_SCHEME = 'integrator-io-row';

export interface RowMarks {
  /** Open errors of a flow or a step. */
  errors?: number;
  /** The row belongs to a production environment ('environment': it is that environment's row). */
  production?: boolean | 'environment';
}

/** The `resourceUri` that gives a row its marks; undefined when it has none. */
export function rowUri(rowId: string, marks: RowMarks): vscode.Uri | undefined {
  const query = new URLSearchParams();
  if (marks.errors && marks.errors > 0) query.set('errors', String(marks.errors));
  if (marks.production) query.set('production', marks.production === true ? '1' : marks.production);
  if (!query.size) return undefined;
  return vscode.Uri.from({ scheme: ROW_SCHEME, path: `/${encodeURIComponent(rowId)}`, query: query.toString() });
}

export class RowDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ROW_SCHEME) return undefined;
    const query = new URLSearchParams(uri.query);
    const errors = Number(query.get('errors') ?? 0);
    const red = new vscode.ThemeColor('list.errorForeground');
    if (errors > 0)
      // A badge holds two characters at most.
      return new vscode.FileDecoration(String(Math.min(errors, 99)), `${errors} open error${errors === 1 ? '' : 's'}`, red);
    const production = query.get('production');
    if (production === 'environment') return new vscode.FileDecoration('P', 'Production environment: saves and runs ask first', red);
    if (production) return new vscode.FileDecoration('P', 'In a production environment: saves and runs ask first');
    return undefined;
  }
}
