/**
 * "Preview Export": the export's records as a table, with each record's JSON expandable, and
 * "Next page", which sends `pagedExportState` back until the API says `done`.
 */
import * as vscode from 'vscode';
import { IntegratorClient, PagedExportState } from '../api';
import { JsonObject } from '../api/types';
import { describeError } from '../util/errors';
import { WebviewPanel } from './webviewPanel';

export interface ExportPreviewState {
  type: 'state';
  title: string;
  subtitle: string;
  records: unknown[];
  pages: number;
  done: boolean;
  totalRecords?: number;
  loading: boolean;
  error?: string;
}

type ExportPreviewRequest = { type: 'next' };

export interface ExportPreviewOptions {
  name: string;
  subtitle: string;
  client: IntegratorClient;
  connectionId: string;
  exportDoc: JsonObject;
}

export class ExportPreview extends WebviewPanel<ExportPreviewState, ExportPreviewRequest> {
  private state: ExportPreviewState;
  private pagedState: PagedExportState | undefined;
  private loading: Promise<ExportPreviewState> | undefined;

  private static latest: ExportPreview | undefined;

  /** The preview for this key, or the one opened last. */
  static find(key?: string): ExportPreview | undefined {
    return key ? WebviewPanel.reveal<ExportPreview>(key) : ExportPreview.latest;
  }

  static open(key: string, extensionUri: vscode.Uri, options: ExportPreviewOptions): ExportPreview {
    WebviewPanel.reveal<ExportPreview>(key)?.dispose(); // a new preview starts from page one
    return new ExportPreview(key, extensionUri, options);
  }

  private constructor(
    key: string,
    extensionUri: vscode.Uri,
    private readonly options: ExportPreviewOptions,
  ) {
    super(key, 'integratorIo.exportPreview', `Preview: ${options.name}`, extensionUri, { script: 'export.js', style: 'export.css' });
    this.state = {
      type: 'state',
      title: `Export preview: ${options.name}`,
      subtitle: options.subtitle,
      records: [],
      pages: 0,
      done: false,
      loading: true,
    };
    this.loading = this.load();
    ExportPreview.latest = this;
  }

  override dispose(): void {
    if (ExportPreview.latest === this) ExportPreview.latest = undefined;
    super.dispose();
  }

  /** The state after the first page arrived. */
  firstPage(): Promise<ExportPreviewState> {
    return this.loading ?? Promise.resolve(this.state);
  }

  /** Loads the next page (for the page's button, tests and benchmarks). */
  nextPage(): Promise<ExportPreviewState> {
    if (this.state.done) return Promise.resolve(this.state);
    this.loading ??= this.load();
    return this.loading;
  }

  protected async onMessage(message: ExportPreviewRequest): Promise<void> {
    if (message.type === 'next') await this.nextPage();
  }

  private async load(): Promise<ExportPreviewState> {
    this.show({ loading: true });
    try {
      const page = await this.options.client.connectionActions.exportPage(
        this.options.connectionId,
        this.options.exportDoc,
        this.pagedState,
      );
      this.pagedState = page.pagedExportState;
      return this.show({
        records: [...this.state.records, ...page.data],
        pages: this.state.pages + 1,
        done: !page.pagedExportState || page.pagedExportState.done === true,
        ...(page.pagedExportState?.totalRecords !== undefined ? { totalRecords: page.pagedExportState.totalRecords } : {}),
        loading: false,
        error: undefined,
      });
    } catch (err) {
      return this.show({ loading: false, error: describeError(err) });
    } finally {
      this.loading = undefined;
    }
  }

  private show(change: Partial<ExportPreviewState>): ExportPreviewState {
    this.state = { ...this.state, ...change };
    if ('error' in change && change.error === undefined) delete this.state.error;
    this.post(this.state);
    return this.state;
  }
}
