/**
 * Turns an audit entry's field change into something readable: short scalars as "old → new",
 * long values and nested JSON as a line diff with added and removed lines marked (jsdiff).
 */
import { diffLines } from 'diff';
import { DiffLine, FieldDiff } from './protocol/audit';

const INLINE_LIMIT = 60;

/** The value as the diff shows it: strings as they are, everything else as formatted JSON. */
export function displayValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

export function fieldDiff(change: { fieldPath: string; oldValue?: unknown; newValue?: unknown }): FieldDiff {
  const oldText = displayValue(change.oldValue);
  const newText = displayValue(change.newValue);
  const short = (t: string | undefined) => t === undefined || (t.length <= INLINE_LIMIT && !t.includes('\n'));
  if (short(oldText) && short(newText)) {
    return {
      fieldPath: change.fieldPath,
      mode: 'inline',
      ...(oldText !== undefined ? { oldText } : {}),
      ...(newText !== undefined ? { newText } : {}),
    };
  }
  const lines: DiffLine[] = [];
  for (const part of diffLines(oldText ?? '', newText ?? '')) {
    const kind: DiffLine['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  return { fieldPath: change.fieldPath, mode: 'lines', lines, oldText: oldText ?? '', newText: newText ?? '' };
}
