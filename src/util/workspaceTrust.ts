/**
 * Workspace trust (package.json declares `untrustedWorkspaces: limited`). A pulled folder is
 * changed by pull requests, so in Restricted Mode nothing from a workspace folder is run (its
 * hook scripts) or applied to an account (Apply, Promote). The refusal says why and offers VS
 * Code's own way out, the Manage Workspace Trust editor.
 */
import vscode = require('vscode');
import { Notifier } from './notifier';

export const MANAGE_WORKSPACE_TRUST = 'Manage Workspace Trust';

/**
 * True (and the user told why) when the workspace is in Restricted Mode; `what` is the refused
 * act, as the start of a sentence ("Running a script of this folder").
 */
export function refusedInRestrictedMode(notify: Notifier, what: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  void notify
    .warning(
      `${what} needs a trusted workspace: in Restricted Mode, nothing from a workspace folder is run or applied to an account.`,
      MANAGE_WORKSPACE_TRUST,
    )
    .then((choice) => {
      if (choice === MANAGE_WORKSPACE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return true;
}
