/**
 * The Handlebars templates of an export or import document: every string value holding `{{`,
 * with its JSON path and a map from the template's characters to the document's (a template is
 * the decoded string; the document holds its JSON escapes), so a problem or a hover lands on the
 * right characters of the editor.
 */
import { Node, parseTree } from 'jsonc-parser';

export interface TemplateInDocument {
  path: (string | number)[];
  template: string;
  /** Offset in the document of the string's opening quote, and its length with the quotes. */
  offset: number;
  length: number;
  /** The document offset of the template's character `index` (its length maps to the closing quote). */
  documentOffset(index: number): number;
  /** The template's index at a document offset inside the string (the nearest character). */
  templateIndex(documentOffset: number): number;
}

export function templatesIn(text: string): TemplateInDocument[] {
  const root = parseTree(text);
  if (!root) return [];
  const found: TemplateInDocument[] = [];
  const walk = (node: Node, path: (string | number)[]) => {
    if (node.type === 'string' && typeof node.value === 'string' && node.value.includes('{{')) {
      found.push(templateAt(text, node, node.value, path));
    } else if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value && typeof key.value === 'string') walk(value, [...path, key.value]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(root, []);
  return found;
}

/** The template of a string node, with the decoded-to-raw offset map its escapes need. */
function templateAt(text: string, node: Node, template: string, path: (string | number)[]): TemplateInDocument {
  const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
  // starts[i] is where decoded character i begins in `raw`.
  const starts: number[] = [];
  for (let i = 0; i < raw.length;) {
    starts.push(i);
    if (raw[i] !== '\\') {
      i += 1;
    } else if (raw[i + 1] === 'u') {
      i += 6;
    } else {
      i += 2;
    }
  }
  starts.push(raw.length);
  const base = node.offset + 1;
  return {
    path,
    template,
    offset: node.offset,
    length: node.length,
    documentOffset: (index) => base + (starts[Math.max(0, Math.min(index, starts.length - 1))] ?? raw.length),
    templateIndex: (documentOffset) => {
      const at = documentOffset - base;
      let index = 0;
      while (index + 1 < starts.length && starts[index + 1]! <= at) index++;
      return Math.min(index, template.length);
    },
  };
}

/** The template index of a 1-based line and 0-based column (Handlebars' positions). */
export function indexOfPosition(template: string, line: number, column: number): number {
  let index = 0;
  for (let l = 1; l < line; l++) {
    const next = template.indexOf('\n', index);
    if (next < 0) return template.length;
    index = next + 1;
  }
  return Math.min(index + column, template.length);
}
