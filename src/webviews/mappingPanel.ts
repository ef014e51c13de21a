/**
 * "Preview Import Mapping": sample input records (editable), the import's mapping as it stands
 * in its document (unsaved edits included), and what `POST /connections/:id/import/map` makes of
 * them. Runs on "Run" (one request and its reply: one round trip) and after a pause when the
 * document changes. API errors show next to the mapping fields they name. The page is
 * `pages/mapping.ts`.
 */
import vscode = require('vscode');
import { IntegratorApiError, IntegratorClient } from '../api';
import { JsonObject } from '../api/types';
import { describeError } from '../util/errors';
import { isJsonObject } from '../api/types';
import { mappingRows, missingFromOutput } from './mappingRows';
import { MappingAction, MappingState, readMappingAction } from './protocol/mapping';
import { Reopen, StatefulPanel } from './statefulPanel';

const EVALUATE_AFTER_EDIT_MS = 400;

export interface MappingPreviewOptions {
  name: string;
  reopen: Reopen;
  subtitle: string;
  document: vscode.TextDocument;
  client: IntegratorClient;
  records: string;
}

/** What the command resolves with: the view's state, plus the output records as objects. */
export type MappingResult = MappingState & { output?: unknown[] };

export class MappingPanel extends StatefulPanel<MappingState, MappingAction> {
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;
  /** The last evaluation's output records (the page gets them as text). */
  private output: unknown[] | undefined;

  /** Opens (or reveals) the preview and resolves with its next finished evaluation. */
  static async show(key: string, extensionUri: vscode.Uri, options: MappingPreviewOptions): Promise<MappingResult> {
    const { panel, created } = StatefulPanel.openOrReveal(
      key,
      (p) => (p instanceof MappingPanel ? p : undefined),
      () => new MappingPanel(key, extensionUri, options),
    );
    const state = created ? await panel.evaluated() : await panel.evaluate();
    return { ...state, ...(panel.output ? { output: panel.output } : {}) };
  }

  private constructor(
    key: string,
    extensionUri: vscode.Uri,
    private readonly options: MappingPreviewOptions,
  ) {
    super({
      key,
      reopen: options.reopen,
      viewType: 'integratorIo.mappingPreview',
      title: `Mapping: ${options.name}`,
      // It follows the import's document as it is typed: beside it, so both can be watched.
      besideEditor: true,
      page: 'mapping',
      extensionUri,
      initial: {
        title: `Mapping preview: ${options.name}`,
        subtitle: options.subtitle,
        records: options.records,
        rows: [],
        errors: [],
        evaluating: true,
      },
      readAction: readMappingAction,
    });
    // Editing the import document evaluates again after a pause.
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === options.document.uri.toString()) this.schedule();
      }),
    );
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
    void this.evaluate();
  }

  protected async handle(action: MappingAction): Promise<void> {
    if (action.records !== undefined) this.adopt({ records: action.records }); // the page holds this text: nothing to send back
    if (action.type === 'run') await this.evaluate();
  }

  /** The next finished evaluation (or the current one, when none is under way). */
  private evaluated(): Promise<MappingState> {
    if (!this.current.evaluating) return Promise.resolve(this.current);
    return new Promise((resolve) => {
      const once = this.onDidChangeState((state) => {
        if (state.evaluating) return;
        once.dispose();
        resolve(state);
      });
    });
  }

  /** Evaluates now: one request to the API. */
  private async evaluate(): Promise<MappingState> {
    const sequence = ++this.sequence;
    const started = Date.now();
    let importDoc: JsonObject;
    try {
      const parsed: unknown = JSON.parse(this.options.document.getText());
      if (!isJsonObject(parsed)) throw new Error('not an object');
      importDoc = parsed;
    } catch {
      return this.update({ errors: [{ message: 'The import document is not valid JSON yet.' }], evaluating: false });
    }
    let records: unknown[];
    try {
      const parsed: unknown = JSON.parse(this.current.records);
      if (!Array.isArray(parsed)) throw new Error('not an array');
      records = parsed;
    } catch {
      return this.update({
        recordsError: 'Sample records must be a JSON array of objects.',
        evaluating: false,
        rows: mappingRows(importDoc),
      });
    }
    this.update({ evaluating: true, rows: mappingRows(importDoc), recordsError: undefined });
    const connectionId = typeof importDoc._connectionId === 'string' ? importDoc._connectionId : undefined;
    if (!connectionId)
      return this.update({
        errors: [{ field: '_connectionId', message: 'The import needs a _connectionId to evaluate its mapping.' }],
        evaluating: false,
      });
    try {
      const output = await this.options.client.connectionActions.importMap(connectionId, importDoc, records);
      if (sequence !== this.sequence) return this.current; // a newer evaluation started
      this.output = output;
      const outputText = JSON.stringify(output, null, 2);
      const missing = missingFromOutput(this.current.rows, output);
      return this.update({
        outputText,
        outputCount: output.length,
        missing,
        errors: [],
        evaluating: false,
        durationMs: Date.now() - started,
      });
    } catch (err) {
      if (sequence !== this.sequence) return this.current;
      const errors =
        err instanceof IntegratorApiError && err.status >= 400 && err.status < 500
          ? err.errors.map((e) => ({ ...(e.field ? { field: e.field } : {}), message: e.message }))
          : [{ message: describeError(err) }];
      this.output = undefined;
      return this.update({
        outputText: undefined,
        outputCount: undefined,
        missing: undefined,
        errors,
        evaluating: false,
        durationMs: Date.now() - started,
      });
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.evaluate(), EVALUATE_AFTER_EDIT_MS);
  }
}
