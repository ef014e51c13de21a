/**
 * "Open Handlebars Playground": the template under the cursor in an export or import document
 * (or one picked from the document's templates) with its sample and output side by side
 * (webviews/templatePlaygroundPanel.ts).
 */
import vscode = require('vscode');
import { templateAtOffset, holdsTemplates } from '../documents/templateDocuments';
import { parseResourceUri, resourceNameOf, templateViewKey } from '../identity';
import { TemplateInDocument, templatesIn } from '../handlebars/jsonTemplates';
import { displayText } from '../util/displayText';
import { TemplatePlaygroundPanel } from '../webviews/templatePlaygroundPanel';
import { DECLINED, defineCommand } from './command';

interface TemplateTarget {
  document: vscode.TextDocument;
  found: TemplateInDocument;
}

export const openTemplatePlaygroundCommand = defineCommand<TemplateTarget>({
  id: 'integratorIo.openTemplatePlayground',
  // The document in front: the template at the cursor, or one the user picks.
  target: async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !holdsTemplates(editor.document)) return undefined;
    const document = editor.document;
    const atCursor = templateAtOffset(document, document.offsetAt(editor.selection.active));
    if (atCursor) return { document, found: atCursor };
    const all = templatesIn(document.getText());
    if (!all.length) return undefined;
    const picked = await vscode.window.showQuickPick(
      all.map((found) => ({ label: displayText(found.path.join('.')), description: displayText(found.template.slice(0, 80)), found })),
      { title: 'Open Handlebars Playground', placeHolder: 'Which template?' },
    );
    return picked ? { document, found: picked.found } : DECLINED;
  },
  needs: 'Open an export or import document with a Handlebars template ({{ }}) and put the cursor in it.',
  failure: () => 'Could not open the Handlebars playground',
  async run(services, { document, found }) {
    const ref = parseResourceUri(document.uri)!;
    const key = templateViewKey(ref.envId, ref.kind, ref.id, found.path);
    return TemplatePlaygroundPanel.show(key, services.context.extensionUri, {
      document,
      path: found.path,
      template: found.template,
      samples: services.templates,
      resourceName: resourceNameOf(document.uri) ?? ref.id,
    });
  },
});
