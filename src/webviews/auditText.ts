/**
 * The read-only sides of an audit diff (`integrator-io-audit:`), for VS Code's diff editor. The
 * audit view hands over the texts it shows; a diff tab VS Code restores after a window reload
 * asks for texts nobody handed over, so they are fetched again: the URI names the environment,
 * the resource and the entry (identity/auditUris.ts). A side that can no longer be had
 * (environment removed, entry gone) closes its tab instead of showing an empty diff.
 */
import vscode = require('vscode');
import { EnvironmentStore } from '../environments/environmentStore';
import { parseAuditDiffUri } from '../identity';
import { RESOURCE_KINDS } from '../model/resourceKinds';
import { describeError } from '../util/errors';
import { Logger } from '../util/logger';
import { displayValue } from '../model/format';

/** How far back a restored diff looks for its entry (pages of 25, newest first). */
const MAX_PAGES = 20;

const texts = new Map<string, string>();

/** The text of one side, as the audit view shows it. */
export function rememberAuditText(uri: vscode.Uri, text: string): void {
  texts.set(uri.toString(), text);
}

export class AuditTextProvider implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly environments: EnvironmentStore,
    private readonly log: Logger,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = texts.get(uri.toString());
    if (known !== undefined) return known;
    try {
      if (await this.fetchAgain(uri)) return texts.get(uri.toString()) ?? '';
      this.log.info(`An audit diff restored after a reload is closed: its entry is no longer in the account (${uri.path}).`);
    } catch (err) {
      this.log.warn(`An audit diff restored after a reload is closed: ${describeError(err)}`);
    }
    await closeTabsShowing(uri);
    return '';
  }

  /** Finds the entry in the resource's audit trail again and remembers both sides; false when it is gone. */
  private async fetchAgain(uri: vscode.Uri): Promise<boolean> {
    const ref = parseAuditDiffUri(uri);
    const env = ref && this.environments.get(ref.envId);
    if (!ref || !env) return false;
    const client = await this.environments.client(env);
    let pages = 0;
    for await (const page of RESOURCE_KINDS[ref.kind].collection(client).audit(ref.resourceId, { limit: 25 })) {
      const change = page.find((e) => e._id === ref.entryId)?.fieldChanges?.find((c) => c.fieldPath === ref.fieldPath);
      if (change) {
        rememberAuditText(ref.before, displayValue(change.oldValue) ?? '');
        rememberAuditText(ref.after, displayValue(change.newValue) ?? '');
        return true;
      }
      if (++pages >= MAX_PAGES) break;
    }
    return false;
  }
}

async function closeTabsShowing(uri: vscode.Uri): Promise<void> {
  const wanted = uri.toString();
  const shows = (u: vscode.Uri) => u.toString() === wanted;
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) =>
      t.input instanceof vscode.TabInputTextDiff
        ? shows(t.input.original) || shows(t.input.modified)
        : t.input instanceof vscode.TabInputText && shows(t.input.uri),
    );
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}
