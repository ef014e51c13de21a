/** The templates of the open resource documents: which documents have them, and the one at a place. */
import vscode = require('vscode');
import { TemplateInDocument, templatesIn } from '../handlebars/jsonTemplates';
import { isResourceDocument, parseResourceUri } from '../identity';

/** An export's or an import's JSON document, whose strings may be templates. */
export function holdsTemplates(document: vscode.TextDocument): boolean {
  if (!isResourceDocument(document.uri) || document.languageId !== 'json') return false;
  const ref = parseResourceUri(document.uri);
  return ref?.kind === 'exports' || ref?.kind === 'imports';
}

/** The template whose string holds `offset` (inside its quotes). */
export function templateAtOffset(document: vscode.TextDocument, offset: number): TemplateInDocument | undefined {
  if (!holdsTemplates(document)) return undefined;
  return templatesIn(document.getText()).find((t) => offset > t.offset && offset < t.offset + t.length);
}
