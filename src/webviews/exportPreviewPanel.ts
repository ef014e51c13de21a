/**
 * "Preview Export": the export's records as a table, each record's JSON expandable, and
 * "Next page", which sends `pagedExportState` back until the API says `done`. Opening it again
 * starts again from page one. The page is `pages/exportPreview.ts`.
 */
import vscode = require('vscode');
import { IntegratorClient, PagedExportState } from '../api';
import { JsonObject } from '../api/types';
import { describeError } from '../util/errors';
import { ExportPreviewAction, ExportPreviewState, readExportPreviewAction } from './protocol/exportPreview';
import { Reopen, StatefulPanel } from './statefulPanel';

export interface ExportPreviewOptions {
  name: string;
  reopen: Reopen;
  subtitle: string;
  client: IntegratorClient;
  connectionId: string;
  exportDoc: JsonObject;
}

export class ExportPreviewPanel extends StatefulPanel<ExportPreviewState, ExportPreviewAction> {
  private pagedState: PagedExportState | undefined;
  private loading: Promise<ExportPreviewState> | undefined;

  /** Opens (or reveals) the preview and loads its first page; resolves with what it then shows. */
  static async show(key: string, extensionUri: vscode.Uri, options: ExportPreviewOptions): Promise<ExportPreviewState> {
    const { panel } = StatefulPanel.openOrReveal(
      key,
      (p) => (p instanceof ExportPreviewPanel ? p : undefined),
      () => new ExportPreviewPanel(key, extensionUri, options),
    );
    return panel.restart(options);
  }

  /** The preview in front of the user (or the one shown last), for the palette's Next Page. */
  static focused(): ExportPreviewPanel | undefined {
    return StatefulPanel.focusedWhere((p) => (p instanceof ExportPreviewPanel ? p : undefined));
  }

  private constructor(
    key: string,
    extensionUri: vscode.Uri,
    private options: ExportPreviewOptions,
  ) {
    super({
      key,
      reopen: options.reopen,
      viewType: 'integratorIo.exportPreview',
      title: `Preview: ${options.name}`,
      page: 'exportPreview',
      extensionUri,
      initial: firstState(options),
      readAction: readExportPreviewAction,
    });
  }

  protected async handle(action: ExportPreviewAction): Promise<void> {
    if (action.type === 'next') await this.nextPage();
  }

  /** From page one again, with the export as it is now. */
  private async restart(options: ExportPreviewOptions): Promise<ExportPreviewState> {
    await this.loading; // a page under way belongs to the old preview
    this.options = options;
    this.pagedState = undefined;
    const { totalRecords: _total, error: _error, ...fresh } = firstState(options);
    this.update({ ...fresh, totalRecords: undefined, error: undefined });
    return this.nextPage();
  }

  /** Loads the next page, as the page's button does; resolves with what the view then shows. */
  nextPage(): Promise<ExportPreviewState> {
    if (this.current.done) return Promise.resolve(this.current);
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<ExportPreviewState> {
    this.update({ loading: true });
    try {
      const page = await this.options.client.connectionActions.exportPage(
        this.options.connectionId,
        this.options.exportDoc,
        this.pagedState,
      );
      this.pagedState = page.pagedExportState;
      return this.update(
        {
          pages: this.current.pages + 1,
          done: !page.pagedExportState || page.pagedExportState.done === true,
          ...(page.pagedExportState?.totalRecords !== undefined ? { totalRecords: page.pagedExportState.totalRecords } : {}),
          loading: false,
          error: undefined,
        },
        { records: page.data }, // only the new page travels to the page
      );
    } catch (err) {
      return this.update({ loading: false, error: describeError(err) });
    } finally {
      this.loading = undefined;
    }
  }
}

function firstState(options: ExportPreviewOptions): ExportPreviewState {
  return { title: `Export preview: ${options.name}`, subtitle: options.subtitle, records: [], pages: 0, done: false, loading: true };
}
