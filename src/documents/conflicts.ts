/**
 * When a save finds that someone else changed the resource since it was opened: say who and
 * when, and offer "Compare" (the server's version beside yours) and "Overwrite" (save anyway,
 * once). The save itself has already failed, so the editor stays dirty while the user decides.
 */
import vscode = require('vscode');
import { IntegratorClient } from '../api';
import { RESOURCE_KINDS } from '../model/resourceKinds';
import { fileNameOf, remoteCopyUri, ResourceRef } from '../identity';
import { displayText } from '../util/displayText';
import { formatTime, formatUser } from '../model/format';

export class ConflictNotifier {
  private readonly overwrite = new Set<string>();

  /** True once after "Overwrite" was chosen for this document. */
  takeOverwrite(uri: vscode.Uri): boolean {
    return this.overwrite.delete(uri.toString());
  }

  /** Saves the document, skipping the conflict check this one time. */
  async overwriteRemote(uri: vscode.Uri): Promise<boolean> {
    this.overwrite.add(uri.toString());
    const document = await vscode.workspace.openTextDocument(uri);
    const saved = document.isDirty ? await document.save() : false;
    this.overwrite.delete(uri.toString());
    return saved;
  }

  /** The server's version on the left, the editor's on the right. */
  async compare(uri: vscode.Uri): Promise<void> {
    const remote = remoteCopyUri(uri);
    const name = fileNameOf(uri) || 'resource';
    await vscode.commands.executeCommand('vscode.diff', remote, uri, `${name} (server ↔ yours)`);
  }

  /**
   * "Maria Ops <maria.ops@example.com>" from the newest audit entry. Resources themselves never
   * say who changed them (real ones carry no `lastModifiedBy`), so without audit it is "someone else".
   */
  async whoChanged(client: IntegratorClient, ref: ResourceRef): Promise<string> {
    try {
      const collection = RESOURCE_KINDS[ref.kind].collection(client);
      const first = await collection.audit(ref.id, { limit: 1 }).next();
      const entry = first.done ? undefined : first.value[0];
      if (entry?.byUser) return formatUser(entry.byUser);
    } catch {
      // Audit may be unavailable to this token.
    }
    return 'someone else';
  }

  notify(uri: vscode.Uri, singular: string, who: string, when: string | undefined): void {
    const at = formatTime(when, 'an unknown time');
    void vscode.window
      .showWarningMessage(
        displayText(`This ${singular} was changed by ${who} at ${at} since you opened it. Your changes are not saved yet.`),
        'Compare',
        'Overwrite',
      )
      .then(async (choice) => {
        if (choice === 'Compare') await this.compare(uri);
        if (choice === 'Overwrite') await this.overwriteRemote(uri);
      });
  }
}
