/** The audit view's state and the actions its page sends (shared by host and page). */
import { ActionReader, field } from './envelope';

export type DiffLine = { kind: 'added' | 'removed' | 'same'; text: string };

/** A field change as the view shows it: short values inline, long ones as a line diff. */
export type FieldDiff =
  | { fieldPath: string; mode: 'inline'; oldText?: string; newText?: string }
  | { fieldPath: string; mode: 'lines'; lines: DiffLine[]; oldText: string; newText: string };

export interface AuditRow {
  id: string;
  event: string;
  time?: string;
  source: string;
  who: string;
  changes: FieldDiff[];
}

export interface AuditState {
  title: string;
  subtitle: string;
  entries: AuditRow[];
  hasMore: boolean;
  loading: boolean;
  error?: string;
}

export type AuditAction = { type: 'more' } | { type: 'openDiff'; entryId: string; fieldPath: string };

export const readAuditAction: ActionReader<AuditAction> = (a) => {
  if (a.type === 'more') return { type: 'more' };
  if (a.type === 'openDiff' && field.string(a.entryId, 100) && field.string(a.fieldPath, 1000))
    return { type: 'openDiff', entryId: a.entryId, fieldPath: a.fieldPath };
  return undefined;
};
