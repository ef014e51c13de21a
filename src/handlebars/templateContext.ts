/**
 * What a template sees, by where it sits (the AFE 2.0 contexts of integrator.io's Handlebars):
 *
 * - an import's templates (body, relative URI, mapping extracts, SQL): the record under `record`,
 *   `settings`, the connection (secrets masked), the job, and with one-to-many grouping the
 *   records of the batch under `batch_of_records`;
 * - a lookup's templates (an export with `isLookup`): the record under `record`, settings and
 *   the connection;
 * - a source export's templates (relative URI, delta query): no record yet, but
 *   `lastExportDateTime` and `currentExportDateTime`, settings and the connection.
 *
 * And how `{{ }}` is escaped there: URL-encoded in a relative URI, quoted in SQL, HTML-escaped
 * elsewhere. README.md lists what of this is inferred.
 */
import { isJsonObject } from '../api/types';
import { EscapeMode } from './engine';

export type TemplateKind = 'import' | 'lookup' | 'export';

export interface ContextInput {
  kind: TemplateKind;
  /** The sample record (imports and lookups), or the records of a one-to-many batch. */
  records?: unknown[];
  /** The resource (export or import document): its settings and `oneToMany` are read. */
  resource?: Record<string, unknown>;
  /** The resource's connection, already masked as the API returns it. */
  connection?: Record<string, unknown>;
  /** The export's last run, for `lastExportDateTime` (ISO); a day before `now` when unknown. */
  lastExportDateTime?: string;
  now?: Date;
}

/** The names a template reaches at its top level in each context (the rest is under `record`). */
export const CONTEXT_ROOTS: Record<TemplateKind, readonly string[]> = {
  // `data` is AFE 1.0's and not listed: a template that reads it is told to read `record.` instead.
  import: ['record', 'settings', 'connection', 'job', 'batch_of_records', 'import'],
  lookup: ['record', 'settings', 'connection', 'export'],
  export: ['lastExportDateTime', 'currentExportDateTime', 'settings', 'connection', 'export'],
};

export function templateContext(input: ContextInput): Record<string, unknown> {
  const resource = input.resource ?? {};
  const settings = {
    ...(isJsonObject(resource.settings) ? resource.settings : {}),
    [input.kind === 'import' ? 'import' : 'export']: isJsonObject(resource.settings) ? resource.settings : {},
    connection: isJsonObject(input.connection?.settings) ? input.connection.settings : {},
  };
  const connection = input.connection ?? {};
  if (input.kind === 'export') {
    const now = input.now ?? new Date();
    return {
      lastExportDateTime: input.lastExportDateTime ?? new Date(now.getTime() - 86_400_000).toISOString(),
      currentExportDateTime: now.toISOString(),
      settings,
      connection,
      export: resource,
    };
  }
  const records = input.records ?? [];
  const record = records[0] ?? {};
  // The record's fields also at the top level and under `data` (AFE 1.0's names, which older
  // resources still use and the platform still renders); the editor marks them deprecated.
  const legacy = isJsonObject(record) ? record : {};
  if (input.kind === 'lookup') return { ...legacy, data: record, record, settings, connection, export: resource };
  const job = { _id: '000000000000000000000000', type: 'import', status: 'running', startedAt: (input.now ?? new Date()).toISOString() };
  return {
    ...legacy,
    data: records,
    record,
    settings,
    connection,
    job,
    // The import itself, as the platform passes it (static lookups are read from it).
    import: resource,
    ...(resource.oneToMany === true ? { batch_of_records: records.map((r) => ({ record: r })) } : {}),
  };
}

/**
 * Whether a field holds a template, and how its `{{ }}` is escaped, by its JSON path in the
 * resource: `http.relativeURI` is URL-encoded, a field under `rdbms` whose name says query is SQL.
 */
export function escapeFor(path: readonly (string | number)[]): EscapeMode {
  const last = String(path[path.length - 1] ?? '');
  if (last === 'relativeURI' || (path.includes('relativeURI') && typeof path[path.length - 1] === 'number')) return 'url';
  if (path[0] === 'rdbms' && (/query/i.test(last) || path.includes('query'))) return 'sql';
  return 'html';
}

/** Which context a resource's templates see. */
export function kindOf(resourceKind: 'exports' | 'imports', resource: Record<string, unknown>): TemplateKind {
  if (resourceKind === 'imports') return 'import';
  return resource.isLookup === true ? 'lookup' : 'export';
}
