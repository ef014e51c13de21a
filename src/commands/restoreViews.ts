/**
 * Views brought back after a window reload. VS Code restores each tab of ours with the state its
 * page kept (`Reopen`, see webviews/statefulPanel.ts); the command that opened the view runs again
 * on the same target and rebuilds it, in that tab, from the account. A run view comes back as the
 * flow's recent runs: a reload never runs a flow again. What the state may name is checked in
 * `restoredViewState.ts`.
 */
import vscode = require('vscode');
import { Reopen, StatefulPanel } from '../webviews/statefulPanel';
import { ChosenStep } from './errorCommands';
import { ChosenResource } from './resourceTarget';
import { keyOfReopenTarget, readReopen } from './restoredViewState';
import { Services } from './services';

export async function restoreView(services: Services, tab: vscode.WebviewPanel, state: unknown): Promise<void> {
  const reopen = readReopen(state);
  const target = reopen && targetOf(reopen);
  if (!reopen || !target || !services.environments.get(reopen.envId)) {
    // Nothing to rebuild it from (an environment since removed, or a view from an older version).
    tab.dispose();
    return;
  }
  if (keyOfReopenTarget(reopen) !== reopen.key) {
    // Not a state this extension saved: its key names another view than the target it would open.
    services.log.warn(`Not reopening the view "${tab.title}" after a reload: what it would open is not the view it was.`);
    tab.dispose();
    return;
  }
  services.log.info(`Reopening the view "${tab.title}" after a reload.`);
  const release = StatefulPanel.holdRestoredTab(reopen.key, tab);
  try {
    await vscode.commands.executeCommand(reopen.command, target);
  } finally {
    release();
  }
}

/** What the command runs on again: the step of a step's errors, else the resource. */
function targetOf(reopen: Reopen): ChosenStep | ChosenResource | undefined {
  if (reopen.command === 'integratorIo.showErrors') return new ChosenStep(reopen.envId, reopen.flowId ?? '', reopen.id, reopen.name);
  return reopen.kind && new ChosenResource(reopen.envId, reopen.kind, reopen.id, reopen.name);
}
