/**
 * "Preview Import Mapping": sample input records (editable), the import's mapping as it stands
 * in its document (unsaved edits included), and what `POST /connections/:id/import/map` makes
 * of them. Runs on "Run" and after a pause when the document changes; one request per
 * evaluation. API errors show next to the mapping fields they name.
 */
import * as vscode from 'vscode';
import { IntegratorApiError, IntegratorClient } from '../api';
import { JsonObject } from '../api/types';
import { describeError } from '../util/errors';
import { WebviewPanel } from './webviewPanel';

export interface MappingRow {
  /** The field's path in the import, e.g. `mapping.fields[2]`, `mappings[0].mappings[1]`. */
  path: string;
  generate: string;
  source: string;
  dataType: string;
}

export interface MappingState {
  type: 'state';
  title: string;
  subtitle: string;
  records: string;
  recordsError?: string;
  rows: MappingRow[];
  output?: unknown[];
  errors: { field?: string; message: string }[];
  evaluating: boolean;
  durationMs?: number;
}

/**
 * What the page is sent: the state, with the sample records left out when the page already has
 * them (they are the page's own text, often tens of KB, and every evaluation posts twice).
 */
export type MappingMessage = Omit<MappingState, 'records'> & { records?: string };

export type MappingRequest = { type: 'run'; records: string } | { type: 'records'; records: string };

const EVALUATE_AFTER_EDIT_MS = 400;

export class MappingPreview extends WebviewPanel<MappingMessage, MappingRequest> {
  private state: MappingState;
  /** The records text the page holds, as last sent to it or received from it. */
  private pageRecords: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;
  private readonly subscription: vscode.Disposable;
  /** Resolves after each evaluation (for tests and benchmarks). */
  private evaluated = new vscode.EventEmitter<MappingState>();
  readonly onDidEvaluate = this.evaluated.event;

  static open(key: string, extensionUri: vscode.Uri, options: MappingPreviewOptions): MappingPreview {
    const existing = WebviewPanel.reveal<MappingPreview>(key);
    if (existing) {
      void existing.evaluate();
      return existing;
    }
    return new MappingPreview(key, extensionUri, options);
  }

  private constructor(
    key: string,
    extensionUri: vscode.Uri,
    private readonly options: MappingPreviewOptions,
  ) {
    super(key, 'integratorIo.mappingPreview', `Mapping: ${options.name}`, extensionUri, { script: 'mapping.js', style: 'mapping.css' });
    this.state = {
      type: 'state',
      title: `Mapping preview: ${options.name}`,
      subtitle: options.subtitle,
      records: options.records,
      rows: [],
      errors: [],
      evaluating: true,
    };
    // Editing the import document re-evaluates after a pause.
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === options.document.uri.toString()) this.schedule();
    });
    void this.evaluate();
  }

  get current(): MappingState {
    return this.state;
  }

  /** Evaluates now: one request to the API. */
  async evaluate(): Promise<MappingState> {
    const sequence = ++this.sequence;
    const started = Date.now();
    let importDoc: JsonObject;
    try {
      importDoc = JSON.parse(this.options.document.getText()) as JsonObject;
    } catch {
      return this.show({ errors: [{ message: 'The import document is not valid JSON yet.' }], evaluating: false });
    }
    let records: unknown;
    try {
      records = JSON.parse(this.state.records);
      if (!Array.isArray(records)) throw new Error('not an array');
    } catch {
      return this.show({
        recordsError: 'Sample records must be a JSON array of objects.',
        evaluating: false,
        rows: mappingRows(importDoc),
      });
    }
    this.show({ evaluating: true, rows: mappingRows(importDoc), recordsError: undefined });
    const connectionId = typeof importDoc._connectionId === 'string' ? importDoc._connectionId : undefined;
    if (!connectionId)
      return this.show({
        errors: [{ field: '_connectionId', message: 'The import needs a _connectionId to evaluate its mapping.' }],
        evaluating: false,
      });
    try {
      const output = await this.options.client.connectionActions.importMap(connectionId, importDoc, records as unknown[]);
      if (sequence !== this.sequence) return this.state; // a newer evaluation started
      return this.show({ output, errors: [], evaluating: false, durationMs: Date.now() - started });
    } catch (err) {
      if (sequence !== this.sequence) return this.state;
      const errors =
        err instanceof IntegratorApiError && err.status >= 400 && err.status < 500
          ? err.errors.map((e) => ({ ...(e.field ? { field: e.field } : {}), message: e.message }))
          : [{ message: describeError(err) }];
      return this.show({ output: undefined, errors, evaluating: false, durationMs: Date.now() - started });
    }
  }

  protected async onMessage(message: MappingRequest): Promise<void> {
    this.state = { ...this.state, records: message.records };
    this.pageRecords = message.records;
    if (message.type === 'run') await this.evaluate();
  }

  override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.evaluated.dispose();
    super.dispose();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.evaluate(), EVALUATE_AFTER_EDIT_MS);
  }

  private show(change: Partial<MappingState>): MappingState {
    this.state = { ...this.state, ...change };
    if (change.recordsError === undefined && 'recordsError' in change) delete this.state.recordsError;
    if (this.state.records === this.pageRecords) this.post({ ...this.state, records: undefined });
    else this.post(this.state);
    this.pageRecords = this.state.records;
    if (!this.state.evaluating) this.evaluated.fire(this.state);
    return this.state;
  }
}

export interface MappingPreviewOptions {
  name: string;
  subtitle: string;
  document: vscode.TextDocument;
  client: IntegratorClient;
  records: string;
}

/** One row per mapped field, Mapper 1.0 or 2.0 (nested fields flattened with their paths). */
export function mappingRows(importDoc: JsonObject): MappingRow[] {
  const rows: MappingRow[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const mapping = importDoc.mapping as { fields?: JsonObject[]; lists?: { generate?: string; fields?: JsonObject[] }[] } | undefined;
  mapping?.fields?.forEach((f, i) =>
    rows.push({
      path: `mapping.fields[${i}]`,
      generate: text(f.generate ?? ''),
      source: f.hardCodedValue !== undefined ? `= ${text(f.hardCodedValue)}` : text(f.extract ?? ''),
      dataType: text(f.dataType ?? ''),
    }),
  );
  mapping?.lists?.forEach((list, l) =>
    list.fields?.forEach((f, i) =>
      rows.push({
        path: `mapping.lists[${l}].fields[${i}]`,
        generate: `${list.generate ?? ''}[].${text(f.generate ?? '')}`,
        source: f.hardCodedValue !== undefined ? `= ${text(f.hardCodedValue)}` : text(f.extract ?? ''),
        dataType: text(f.dataType ?? ''),
      }),
    ),
  );
  const walk = (list: unknown, base: string, prefix: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((m: JsonObject, i) => {
      const path = `${base}[${i}]`;
      const generate = `${prefix}${text(m.generate ?? '')}`;
      rows.push({ path, generate, source: text(m.extract ?? (m.mappings ? '(object)' : '')), dataType: text(m.dataType ?? '') });
      walk(m.mappings, `${path}.mappings`, `${generate}.`);
    });
  };
  walk(importDoc.mappings, 'mappings', '');
  return rows;
}
