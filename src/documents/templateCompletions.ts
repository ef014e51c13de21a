/**
 * Completion inside a template's `{{ }}` in an export or import document: integrator.io's
 * helpers with their signatures, and the paths of the document's sample (`record.customer.email`).
 */
import vscode = require('vscode');
import { HELPERS } from '../handlebars/catalog';
import { pathsOf } from '../handlebars/paths';
import { templateAtOffset } from './templateDocuments';
import { TemplateSamples } from './templateSamples';

export class TemplateCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly samples: TemplateSamples) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const offset = document.offsetAt(position);
    const found = templateAtOffset(document, offset);
    if (!found) return undefined;
    const before = found.template.slice(0, found.templateIndex(offset));
    const open = before.lastIndexOf('{{');
    if (open < 0 || before.indexOf('}}', open) >= 0) return undefined;
    // The word being typed: a path (record.cu) or a helper's name, after a space, a brace or a parenthesis.
    const word = /[\w.@$[\]-]*$/.exec(before)?.[0] ?? '';
    const range = new vscode.Range(position.translate(0, -Math.min(word.length, position.character)), position);
    const setting = await this.samples.settingFor(document).catch(() => undefined);
    const items: vscode.CompletionItem[] = [];
    for (const path of setting ? pathsOf(setting.context) : []) {
      // Not every element of an array, nor every string's length: the fields a template reads.
      if (path.endsWith('*') || path.endsWith('.length') || /(^|\.)\d+(\.|$)/.test(path)) continue;
      const item = new vscode.CompletionItem(path, vscode.CompletionItemKind.Field);
      item.range = range;
      item.detail = 'from the sample';
      // The record's own fields first, then the rest of the context.
      item.sortText = `${path.startsWith('record.') ? '0' : '1'}${path}`;
      items.push(item);
    }
    // A helper's name comes first in a mustache or a parenthesis, not after a dot; after `{{#` only block helpers.
    const afterHash = before.slice(0, before.length - word.length).endsWith('#');
    if (!word.includes('.')) {
      for (const helper of HELPERS) {
        if (afterHash && !helper.block) continue;
        const label = helper.block && !afterHash ? `#${helper.name}` : helper.name;
        const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Function);
        item.range = range;
        item.detail = helper.signature;
        item.documentation = new vscode.MarkdownString().appendText(
          helper.inferred ? `${helper.summary}\n\nHere: ${helper.inferred}` : helper.summary,
        );
        item.sortText = `2${helper.name}`;
        items.push(item);
      }
    }
    return items;
  }
}
