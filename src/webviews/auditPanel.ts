/**
 * "Show Audit History": a resource's audit trail, newest first: who, when, from where (UI, API),
 * and each changed field as a readable diff. Each change opens in VS Code's diff editor with
 * read-only documents on both sides (webviews/auditText.ts). Older entries load as the user scrolls. Opening it again
 * starts again from the newest entry. The page is `pages/audit.ts`.
 */
import vscode = require('vscode');
import { AuditEntry } from '../api/types';
import { formatTime, formatUser } from '../model/format';
import { auditDiffUris } from '../identity';
import { describeError } from '../util/errors';
import { fieldDiff } from './auditDiff';
import { rememberAuditText } from './auditText';
import { AuditAction, AuditRow, AuditState, readAuditAction } from './protocol/audit';
import { Reopen, StatefulPanel } from './statefulPanel';

export class AuditPanel extends StatefulPanel<AuditState, AuditAction> {
  private loading: Promise<AuditState> | undefined;

  /** Opens (or reveals) the history, from the newest entry; resolves once the first page shows. */
  static async show(
    key: string,
    title: string,
    subtitle: string,
    extensionUri: vscode.Uri,
    pages: AsyncGenerator<AuditEntry[]>,
    reopen: Reopen,
  ): Promise<AuditPanel> {
    const { panel } = StatefulPanel.openOrReveal(
      key,
      (p) => (p instanceof AuditPanel ? p : undefined),
      () => new AuditPanel(key, title, subtitle, extensionUri, pages, reopen),
    );
    await panel.restart(pages);
    return panel;
  }

  private constructor(
    key: string,
    title: string,
    subtitle: string,
    extensionUri: vscode.Uri,
    private pages: AsyncGenerator<AuditEntry[]>,
    private readonly reopen: Reopen,
  ) {
    super({
      reopen,
      key,
      viewType: 'integratorIo.audit',
      title,
      page: 'audit',
      extensionUri,
      initial: { title, subtitle, entries: [], hasMore: true, loading: true },
      readAction: readAuditAction,
    });
  }

  /** Loads the next page of older entries, as scrolling to the end does. */
  loadMore(): Promise<AuditState> {
    if (!this.current.hasMore) return Promise.resolve(this.current);
    this.loading ??= this.more();
    return this.loading;
  }

  protected async handle(action: AuditAction): Promise<void> {
    if (action.type === 'more') await this.loadMore();
    if (action.type === 'openDiff') await this.openDiff(action.entryId, action.fieldPath);
  }

  private async restart(pages: AsyncGenerator<AuditEntry[]>): Promise<void> {
    await this.loading;
    this.pages = pages;
    this.update({ entries: [], hasMore: true, error: undefined });
    await this.loadMore();
  }

  /** Opens one field change in the diff editor. */
  private async openDiff(entryId: string, fieldPath: string): Promise<void> {
    const entry = this.current.entries.find((e) => e.id === entryId);
    const change = entry?.changes.find((c) => c.fieldPath === fieldPath);
    if (!entry || !change) return;
    const oldText = change.mode === 'lines' ? change.oldText : (change.oldText ?? '');
    const newText = change.mode === 'lines' ? change.newText : (change.newText ?? '');
    const about = { envId: this.reopen.envId, kind: this.reopen.kind ?? '', resourceId: this.reopen.id };
    const { before: left, after: right } = auditDiffUris(about, entryId, fieldPath);
    rememberAuditText(left, oldText);
    rememberAuditText(right, newText);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${fieldPath}: ${entry.who}, ${formatTime(entry.time)}`);
  }

  private async more(): Promise<AuditState> {
    this.update({ loading: true });
    try {
      const next = await this.pages.next();
      const entries = next.done ? [] : next.value.map(toRow);
      return this.update({ hasMore: !next.done && entries.length > 0, loading: false }, { entries });
    } catch (err) {
      return this.update({ loading: false, hasMore: false, error: describeError(err) });
    } finally {
      this.loading = undefined;
    }
  }
}

function toRow(entry: AuditEntry): AuditRow {
  return {
    id: entry._id,
    event: entry.event ?? 'update',
    ...(entry.time ? { time: entry.time } : {}),
    source: entry.source,
    who: formatUser(entry.byUser),
    changes: (entry.fieldChanges ?? []).map(fieldDiff),
  };
}
