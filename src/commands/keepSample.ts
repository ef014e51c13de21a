/**
 * "Keep Hook Sample in Folder…": a hook's sample is made in the extension's storage, because it
 * holds real records from the account and a folder goes into Git. A user who wants it in the
 * folder (for `integrator-io hook run` in CI, say) copies it there with this command, after a
 * warning whose default is not to. Run Hook… then runs on the kept copy.
 */
import * as path from 'path';
import vscode = require('vscode');
import { entryType, UnsafeFolderError, writeIfChangedConfined } from '../iac/confinedFs';
import { askModal } from '../util/dialogs';
import { defineCommand } from './command';

interface KeepPlace {
  /** Where the sample goes in the folder. */
  kept: vscode.Uri;
  /** The folder it goes in: written only inside it, never through a link. */
  root: string;
  /** The environment its records came from, for the warning. */
  envName: string | undefined;
}

/** Stored sample → where it would be kept, learnt as Run Hook… prepares it. */
const keepPlaces = new Map<string, KeepPlace>();

export function rememberKeepPlace(sample: vscode.Uri, place: KeepPlace): void {
  keepPlaces.set(sample.toString(), place);
}

/**
 * Whether a sample is kept in the folder, as a regular file reached through real folders only.
 * A pull request can put a link there (to ~/.docker/config.json, say) so that the folder's own
 * script receives the file as `options`: that is refused with the reason, never followed.
 */
export function keptSampleIsThere(root: string, kept: vscode.Uri): boolean {
  try {
    return entryType(root, relativeIn(root, kept)) === 'file';
  } catch (err) {
    if (err instanceof UnsafeFolderError) throw new Error(`The kept sample is refused: ${err.problems.join('; ')}`);
    throw err;
  }
}

function relativeIn(root: string, uri: vscode.Uri): string {
  return path.relative(root, uri.fsPath).split(path.sep).join('/');
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
  async run(services, { sample, kept, root, envName }) {
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
    // Inside the folder only, never through a link a pull request put on the way (confinedFs).
    // What the editor shows, unsaved edits included: that is the sample the user looked at.
    writeIfChangedConfined(root, relativeIn(root, kept), document.getText());
    services.log.info(`Kept the hook sample ${sample.fsPath} in the folder as ${kept.fsPath}, as asked.`);
    void services.notify.info(`Kept in the folder as ${vscode.workspace.asRelativePath(kept)}; Run Hook… runs on it from now on.`);
    return kept;
  },
});
