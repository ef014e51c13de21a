/**
 * A Handlebars parse error as a person reads it: one sentence, at a line and column of the
 * template. Handlebars says "Parse error on line 2:", then the line's last characters before the
 * error (after "..." when cut), a caret under the place, and what it expected.
 */
import { numberField } from '../api/types';

export interface ParseError {
  message: string;
  /** 1-based line, 0-based column. */
  line: number;
  column: number;
}

export function parseErrorOf(template: string, err: unknown): ParseError {
  const raw = err instanceof Error ? err.message : String(err);
  // Errors found after parsing (a block closed by another's name) carry their node's place.
  const lineNumber = numberField(err, 'lineNumber');
  if (lineNumber !== undefined) {
    const mismatch = /^(\S+) doesn't match (\S+)/.exec(raw);
    const sentence = mismatch ? `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}` : raw.replace(/ - \d+:\d+$/, '');
    return {
      message: `Handlebars cannot read this template: ${sentence}`,
      line: lineNumber,
      column: numberField(err, 'column') ?? 0,
    };
  }
  const parts = raw.split('\n');
  let line = Number(/on line (\d+)/.exec(raw)?.[1] ?? 1);
  if (!Number.isFinite(line) || line < 1) line = 1;
  let column = 0;
  const caret = parts.findIndex((l) => /^-*\^$/.test(l));
  if (caret > 0) {
    const shown = parts[caret - 1]!;
    const offset = parts[caret]!.length - 1;
    const text = template.split('\n')[line - 1] ?? '';
    // Shown cut: "..." then the last characters before the error (and a few after).
    column = shown.startsWith('...') ? locate(text, shown.slice(3), offset - 3) : offset;
    column = Math.max(0, Math.min(column, text.length));
  }
  const expected = parts
    .slice(caret > 0 ? caret + 1 : 1)
    .join(' ')
    .trim();
  const sentence = expected || raw.replace(/^Parse error on line \d+:\s*/, '');
  return { message: `Handlebars cannot read this template: ${sentence}`, line, column };
}

/** Where the shown excerpt sits in the line, plus the caret's offset in it. */
function locate(text: string, excerpt: string, offset: number): number {
  const at = text.indexOf(excerpt);
  return at >= 0 ? at + offset : text.length;
}
