/** The mapping preview's state and the actions its page sends (shared by host and page). */
import { ActionReader, field } from './envelope';

export interface MappingRow {
  /** The field's path in the import, e.g. `mapping.fields[2]`, `mappings[0].mappings[1]`. */
  path: string;
  generate: string;
  source: string;
  dataType: string;
}

export interface MappingState {
  title: string;
  subtitle: string;
  /** The sample records, as JSON text the user edits in the page. */
  records: string;
  recordsError?: string;
  rows: MappingRow[];
  output?: unknown[];
  errors: { field?: string; message: string }[];
  evaluating: boolean;
  durationMs?: number;
}

/** `run` is a request (its reply carries the result); `records` tells the host what the user typed. */
export type MappingAction = { type: 'run'; records: string } | { type: 'records'; records: string };

const MAX_RECORDS_TEXT = 5 * 1024 * 1024;

export const readMappingAction: ActionReader<MappingAction> = (a) =>
  (a.type === 'run' || a.type === 'records') && field.string(a.records, MAX_RECORDS_TEXT)
    ? { type: a.type, records: a.records }
    : undefined;
