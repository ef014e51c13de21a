/**
 * Reading values out of a source record: plain paths (`a.b[0].c`, keys with spaces),
 * `{field}` and `{{field}}` templates, and Mapper 2.0's `$.json.path`.
 */
import { asText, getPath } from '../json';

/** Matches `{{ path }}` (Handlebars) and `{path}` (Mapper 1.0 expression) placeholders. */
const TEMPLATE = /\{\{\{?\s*([^{}]+?)\s*\}?\}\}|\{([^{}]+)\}/g;

export function isTemplate(extract: string): boolean {
  TEMPLATE.lastIndex = 0;
  return TEMPLATE.test(extract);
}

/** Fills the placeholders of a template from the record. */
export function renderTemplate(template: string, record: unknown): string {
  return template.replace(TEMPLATE, (_all, handlebars: string | undefined, brace: string | undefined) => {
    const path = (handlebars ?? brace ?? '').trim().replace(/^record\./, '');
    const value = getPath(record, path);
    return asText(value);
  });
}

/** Mapper 1.0 `extract`: a path, or a template with placeholders. */
export function extractValue(record: unknown, extract: string): unknown {
  return isTemplate(extract) ? renderTemplate(extract, record) : getPath(record, extract);
}

/**
 * Mapper 2.0 `extract`: `$.path` (with `[*]` collecting over arrays), `{{template}}`, or a
 * literal value.
 */
export function extractV2(record: unknown, extract: string): unknown {
  const trimmed = extract.trim();
  if (trimmed === '$') return record;
  if (trimmed.startsWith('$.') || trimmed.startsWith('$[')) return jsonPath(record, trimmed.slice(1).replace(/^\./, ''));
  if (trimmed.includes('{{')) return renderTemplate(trimmed, record);
  return extract;
}

/** Evaluates a dotted path where `[*]` (or `*`) maps over arrays. */
export function jsonPath(record: unknown, path: string): unknown {
  const star = path.search(/\[\*\]|\.\*(\.|$)/);
  if (star < 0) return getPath(record, path);
  const head = path.slice(0, star);
  const tail = path
    .slice(star)
    .replace(/^\[\*\]|^\.\*/, '')
    .replace(/^\./, '');
  const list = head ? getPath(record, head) : record;
  if (!Array.isArray(list)) return undefined;
  return tail ? list.map((item) => jsonPath(item, tail)) : list;
}
