/**
 * "Show Audit History": a resource's audit trail, newest first: who, when, from where (UI, API),
 * and each changed field as a readable diff. Each change opens in VS Code's diff editor with
 * read-only documents on both sides. Older entries load as the user scrolls.
 */
import * as vscode from 'vscode';
import { AuditEntry } from '../api/types';
import { describeError } from '../util/errors';
import { FieldDiff, fieldDiff } from './auditDiff';
import { WebviewPanel } from './webviewPanel';

export interface AuditRow {
  id: string;
  event: string;
  time?: string;
  source: string;
  who: string;
  changes: FieldDiff[];
}

export interface AuditState {
  type: 'state';
  title: string;
  subtitle: string;
  entries: AuditRow[];
  hasMore: boolean;
  loading: boolean;
  error?: string;
}

type AuditRequest = { type: 'more' } | { type: 'openDiff'; entryId: string; fieldPath: string };

/** Read-only texts for the diff editor, by URI. */
export const AUDIT_SCHEME = 'integrator-io-audit';
const auditTexts = new Map<string, string>();

export class AuditTextProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    return auditTexts.get(uri.toString()) ?? '';
  }
}

export class AuditView extends WebviewPanel<AuditState, AuditRequest> {
  private state: AuditState;
  private loading: Promise<AuditState> | undefined;

  static open(key: string, title: string, subtitle: string, extensionUri: vscode.Uri, pages: AsyncGenerator<AuditEntry[]>): AuditView {
    WebviewPanel.reveal<AuditView>(key)?.dispose(); // start again from the newest entry
    return new AuditView(key, title, subtitle, extensionUri, pages);
  }

  private constructor(
    key: string,
    title: string,
    subtitle: string,
    extensionUri: vscode.Uri,
    private readonly pages: AsyncGenerator<AuditEntry[]>,
  ) {
    super(key, 'integratorIo.audit', title, extensionUri, { script: 'audit.js', style: 'audit.css' });
    this.state = { type: 'state', title, subtitle, entries: [], hasMore: true, loading: true };
    this.loading = this.more();
  }

  firstPage(): Promise<AuditState> {
    return this.loading ?? Promise.resolve(this.state);
  }

  loadMore(): Promise<AuditState> {
    if (!this.state.hasMore) return Promise.resolve(this.state);
    this.loading ??= this.more();
    return this.loading;
  }

  /** Opens one field change in the diff editor. */
  async openDiff(entryId: string, fieldPath: string): Promise<void> {
    const entry = this.state.entries.find((e) => e.id === entryId);
    const change = entry?.changes.find((c) => c.fieldPath === fieldPath);
    if (!entry || !change) return;
    const oldText = change.mode === 'lines' ? change.oldText : (change.oldText ?? '');
    const newText = change.mode === 'lines' ? change.newText : (change.newText ?? '');
    const base = `${AUDIT_SCHEME}:/${entryId}/${encodeURIComponent(fieldPath)}`;
    const left = vscode.Uri.parse(`${base}/before.json`);
    const right = vscode.Uri.parse(`${base}/after.json`);
    auditTexts.set(left.toString(), oldText);
    auditTexts.set(right.toString(), newText);
    const when = entry.time ? new Date(entry.time).toLocaleString() : '';
    await vscode.commands.executeCommand('vscode.diff', left, right, `${fieldPath}: ${entry.who}, ${when}`);
  }

  protected async onMessage(message: AuditRequest): Promise<void> {
    if (message.type === 'more') await this.loadMore();
    if (message.type === 'openDiff') await this.openDiff(message.entryId, message.fieldPath);
  }

  private async more(): Promise<AuditState> {
    this.show({ loading: true });
    try {
      const next = await this.pages.next();
      const entries = next.done ? [] : next.value.map(toRow);
      return this.show({ entries: [...this.state.entries, ...entries], hasMore: !next.done && entries.length > 0, loading: false });
    } catch (err) {
      return this.show({ loading: false, hasMore: false, error: describeError(err) });
    } finally {
      this.loading = undefined;
    }
  }

  private show(change: Partial<AuditState>): AuditState {
    this.state = { ...this.state, ...change };
    this.post(this.state);
    return this.state;
  }
}

function toRow(entry: AuditEntry): AuditRow {
  const user = entry.byUser;
  const who = user ? (user.name ? `${user.name}${user.email ? ` <${user.email}>` : ''}` : (user.email ?? user._id)) : 'unknown';
  return {
    id: entry._id,
    event: entry.event ?? 'update',
    ...(entry.time ? { time: entry.time } : {}),
    source: entry.source,
    who,
    changes: (entry.fieldChanges ?? []).map(fieldDiff),
  };
}
