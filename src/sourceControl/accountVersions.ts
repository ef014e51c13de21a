/**
 * The account's version of a folder file, for the diff editor and the gutter's quick diff: an
 * `integrator-io-account:` document (`src/identity/accountVersionUris.ts`) shows the resource as
 * the last plan read it from that environment, in the folder's own form (keys for ids, no
 * secrets), so the diff shows only what differs. Read-only; it changes when the view refreshes.
 */
import vscode = require('vscode');
import { renderResource } from '../iac/folder';
import { LogicalKey } from '../iac/layout';
import { PlanState } from '../iac/plan';
import { parseAccountVersionUri } from '../identity';

export class AccountVersions implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The last plan's state of each folder, by the folder's path. */
  private readonly states = new Map<string, { envId: string; state: PlanState; keyOf: (file: vscode.Uri) => LogicalKey | undefined }>();

  /** Every version asked for, so each can be told to change (the gutter's quick diff holds some no editor shows). */
  private readonly provided = new Map<string, vscode.Uri>();

  /** Plans remembered per folder: the version in the URIs of the folder's account versions. */
  private readonly versions = new Map<string, number>();

  remember(folder: vscode.Uri, envId: string, state: PlanState, keyOf: (file: vscode.Uri) => LogicalKey | undefined): void {
    this.states.set(folder.path, { envId, state, keyOf });
    this.versions.set(folder.path, this.version(folder) + 1);
    for (const uri of this.provided.values()) if (isInFolder(parseAccountVersionUri(uri)?.file, folder.path)) this.changed.fire(uri);
  }

  /** The folder's current version, for the URIs handed out from now on. */
  version(folder: vscode.Uri): number {
    return this.versions.get(folder.path) ?? 0;
  }

  forget(folder: vscode.Uri): void {
    this.states.delete(folder.path);
    this.versions.delete(folder.path);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    this.provided.set(uri.toString(), uri);
    const version = parseAccountVersionUri(uri);
    if (!version) return '';
    for (const [folderPath, { envId, state, keyOf }] of this.states) {
      if (!isInFolder(version.file, folderPath) || envId !== version.envId) continue;
      const key = keyOf(version.file);
      const remote = key ? state.remote.get(key) : undefined;
      if (!remote) return '';
      const { json, code } = renderResource(remote);
      return version.file.path.endsWith('.js') ? (code ?? '') : json;
    }
    return '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function isInFolder(file: vscode.Uri | undefined, folderPath: string): boolean {
  return !!file?.path.startsWith(`${folderPath}/`);
}
