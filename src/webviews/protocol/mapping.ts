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
  /**
   * The output records as formatted JSON, and how many there are. Sent as one string: VS Code
   * carries a string to the page far faster than the same records as objects.
   */
  outputText?: string;
  outputCount?: number;
  /** Paths of the rows whose generated field is in no output record. */
  missing?: string[];
  errors: { field?: string; message: string }[];
  evaluating: boolean;
  durationMs?: number;
}

/**
 * `run` is a request (its reply carries the result), with the records only when the host does not
 * have them yet; `records` tells the host what the user typed (after a pause in typing).
 */
export type MappingAction = { type: 'run'; records?: string } | { type: 'records'; records: string };

const MAX_RECORDS_TEXT = 5 * 1024 * 1024;

export const readMappingAction: ActionReader<MappingAction> = (a) => {
  if (a.type === 'run' && a.records === undefined) return { type: 'run' };
  if ((a.type === 'run' || a.type === 'records') && field.string(a.records, MAX_RECORDS_TEXT)) return { type: a.type, records: a.records };
  return undefined;
};
