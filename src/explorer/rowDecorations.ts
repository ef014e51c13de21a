/**
 * Marks on explorer rows that must survive any side-bar width: a row's description is cut off
 * first, but a file decoration (its colour and badge) stays at the row's right edge. Rows that
 * need a mark carry a `resourceUri` of the row scheme (`src/identity/rowUris.ts`), and the mark is
 * read back from the URI itself, so a changed count is a new URI and needs no change event. A row
 * of a production environment gets a "P" in the row's own colour, so open errors (red) still stand
 * out there; the environment's own row gets a red one.
 */
import vscode = require('vscode');
import { parseRowUri } from '../identity';

export class RowDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const marks = parseRowUri(uri);
    if (!marks) return undefined;
    const red = new vscode.ThemeColor('list.errorForeground');
    const { errors, production } = marks;
    if (errors)
      // A badge holds two characters at most.
      return new vscode.FileDecoration(String(Math.min(errors, 99)), `${errors} open error${errors === 1 ? '' : 's'}`, red);
    if (production === 'environment') return new vscode.FileDecoration('P', 'Production environment: saves and runs ask first', red);
    if (production) return new vscode.FileDecoration('P', 'In a production environment: saves and runs ask first');
    return undefined;
  }
}
