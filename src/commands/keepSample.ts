/**
 * "Keep Hook Sample in Folder…": a hook's sample is made in the extension's storage, because it
 * holds real records from the account and a folder goes into Git. A user who wants it in the
 * folder (for `integrator-io hook run` in CI, say) copies it there with this command, after a
 * warning whose default is not to. Run Hook… then runs on the kept copy.
 */
import * as path from 'path';
import vscode = require('vscode');
import { askModal } from '../util/dialogs';
import { defineCommand } from './command';

interface KeepPlace {
  /** Where the sample goes in the folder. */
  kept: vscode.Uri;
  /** The environment its records came from, for the warning. */
  envName: string | undefined;
}

/** Stored sample → where it would be kept, learnt as Run Hook… prepares it. */
const keepPlaces = new Map<string, KeepPlace>();

export function rememberKeepPlace(sample: vscode.Uri, kept: vscode.Uri, envName: string | undefined): void {
  keepPlaces.set(sample.toString(), { kept, envName });
}

export const keepHookSampleCommand = defineCommand({
  id: 'integratorIo.keepHookSample',
  // The sample's editor (Run Hook… opens it beside the script), or a sample's URI.
  target: (_services, arg) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const place = uri && keepPlaces.get(uri.toString());
    return uri && place && { sample: uri, ...place };
  },
  needs: 'Run Hook… first, then use this in the editor of the sample it opened beside the script.',
  failure: ({ sample }) => `Could not keep ${path.basename(sample.path)} in the folder`,
  async run(services, { sample, kept, envName }) {
    const keep: vscode.MessageItem = { title: 'Keep in Folder' };
    const cancel: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };
    const answer = await askModal(
      `Keep the sample ${path.basename(sample.path)} in the workspace folder?`,
      `It holds real records from ${envName ? `"${envName}"` : 'the account'} (customers, orders, …). ` +
        `In the folder it can be committed to Git and read by everyone with the repository. It goes to ${vscode.workspace.asRelativePath(kept)}, and Run Hook… runs on that copy from now on.`,
      cancel,
      keep,
    );
    if (answer !== keep) return undefined;
    const document = await vscode.workspace.openTextDocument(sample);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(kept, '..'));
    // What the editor shows, unsaved edits included: that is the sample the user looked at.
    await vscode.workspace.fs.writeFile(kept, Buffer.from(document.getText()));
    services.log.info(`Kept the hook sample ${sample.fsPath} in the folder as ${kept.fsPath}, as asked.`);
    void services.notify.info(`Kept in the folder as ${vscode.workspace.asRelativePath(kept)}; Run Hook… runs on it from now on.`);
    return kept;
  },
});
