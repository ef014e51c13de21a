/**
 * A hover on a Handlebars template in an export or import document shows what it renders on the
 * current sample (and which record, from where), escaped as the field escapes it. The output and
 * every name come from an account: shown as text in a code block, never as markdown.
 */
import vscode = require('vscode');
import { codeBlock } from '../handlebars/codeBlock';
import { escapeFor } from '../handlebars/templateContext';
import { runTemplate } from '../handlebars/workerClient';
import { templateAtOffset } from './templateDocuments';
import { TemplateSamples } from './templateSamples';

/** How much of an output a hover shows: the playground shows the rest. */
const SHOWN_CHARS = 2_000;

export class TemplateHover implements vscode.HoverProvider {
  constructor(private readonly samples: TemplateSamples) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = templateAtOffset(document, document.offsetAt(position));
    if (!found) return undefined;
    const setting = await this.samples.settingFor(document).catch(() => undefined);
    if (!setting) return undefined;
    const { render } = await runTemplate({
      template: found.template,
      context: setting.context,
      escape: escapeFor(found.path),
      kind: setting.kind,
    });
    const md = new vscode.MarkdownString();
    const where =
      setting.kind === 'export'
        ? 'as the export runs it (lastExportDateTime a day ago)'
        : `on sample record 1 of ${setting.records.length}${setting.from ? ` from ${setting.from}` : ' (an example: no source export gave records)'}`;
    md.appendMarkdown('**Handlebars output** ').appendText(where);
    if (render?.ok) {
      const output = render.output.length > SHOWN_CHARS ? `${render.output.slice(0, SHOWN_CHARS)}…` : render.output;
      // Not appendCodeblock: its fence is three backticks, which an output holding ``` would close.
      md.appendMarkdown(codeBlock(output === '' ? '(empty)' : output));
    } else {
      md.appendMarkdown('\n\n').appendText(`Cannot render: ${render?.problem.message ?? 'no answer'}`);
    }
    md.appendMarkdown('\n\n').appendText('Open Handlebars Playground… to try it on other records.');
    const range = new vscode.Range(document.positionAt(found.offset), document.positionAt(found.offset + found.length));
    return new vscode.Hover(md, range);
  }
}
