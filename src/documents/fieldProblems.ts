/**
 * The API's field errors from a refused save, as diagnostics on the lines of the fields they
 * name (and so in the Problems view). They are cleared when the document is saved again or
 * closed; a document changed since keeps them until then, as a compiler's would.
 */
import vscode = require('vscode');
import { locateField } from '../model/fieldLocation';
import { Disposable } from '../util/disposable';

export interface FieldError {
  field?: string;
  message: string;
  code?: string;
}

export class FieldProblems extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('integrator.io'));

  constructor() {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
  }

  /** Shows the errors on the document's lines; returns how many could be placed on a field. */
  show(uri: vscode.Uri, text: string, errors: readonly FieldError[], status: number): number {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const source = document?.getText() ?? text;
    let placed = 0;
    const diagnostics = errors.map((error) => {
      const location = error.field ? locateField(source, error.field) : undefined;
      if (location?.exact) placed++;
      const start = positionAt(source, location?.offset ?? 0);
      const end = positionAt(source, (location?.offset ?? 0) + (location?.length ?? 1));
      const message = error.field && !location?.exact ? `${error.field}: ${error.message}` : error.message;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = `integrator.io (${status})`;
      if (error.code) diagnostic.code = error.code;
      return diagnostic;
    });
    this.collection.set(uri, diagnostics);
    return placed;
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  /** The problems shown for a document (tests). */
  of(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }
}

/** Line and character of an offset, without a TextDocument (the text may be one not opened). */
function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
