/**
 * Turns an audit entry's field change into something readable: short scalars as "old → new",
 * long values and nested JSON as a line diff with added and removed lines marked (jsdiff).
 */
import { diffLines } from 'diff';
import { displayValue } from '../model/format';
import { DiffLine, FieldDiff } from './protocol/audit';

const INLINE_LIMIT = 60;

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
