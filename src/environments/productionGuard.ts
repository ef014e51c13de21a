/**
 * The one question every write to a production environment asks first (unless the user turned
 * it off): saves, runs, deletes, error resolves and retries, retry data, enabling and disabling.
 *
 * It names the environment and what is changed, and its default button writes nothing: a
 * stray Enter or space (the auto-save accident that prompted this) opens the diff, or does
 * nothing, never the write. Names from the account are quoted as plain text (modal dialogs do
 * not render markup).
 */
import vscode = require('vscode');
import { EnvironmentInfo } from './environment';
import { askModal } from '../util/dialogs';

export interface ProductionChange {
  /** The verb, lower case: "save", "run", "delete", "resolve 3 errors of". */
  action: string;
  /** What it acts on, named: `export "Orders to NetSuite"`. */
  what: string;
  /** Shows the change against the server's version; offered as the default button. */
  showDiff?: () => Thenable<unknown>;
}

export async function confirmProductionChange(env: EnvironmentInfo, change: ProductionChange): Promise<boolean> {
  if (!env.production) return true;
  if (!vscode.workspace.getConfiguration('integratorIo').get<boolean>('confirmProductionChanges', true)) return true;
  const verb = capitalise(change.action);
  const proceed: vscode.MessageItem = { title: `${verb} in Production` };
  // The first button is the dialog's default: make it one that writes nothing.
  const harmless: vscode.MessageItem = change.showDiff ? { title: 'Show Diff' } : { title: `Don't ${change.action.split(' ')[0]}` };
  const cancel: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };
  const answer = await askModal(
    `${verb} ${change.what} in the PRODUCTION environment "${env.name}"?`,
    `This changes "${env.name}" (production) at once.` +
      (change.showDiff ? ' Show Diff compares your version with the one on the server first.' : '') +
      ' Turn this question off with the setting integratorIo.confirmProductionChanges.',
    harmless,
    proceed,
    cancel,
  );
  if (answer === harmless && change.showDiff) await change.showDiff();
  return answer === proceed;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
