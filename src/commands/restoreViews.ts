/**
 * Views brought back after a window reload. VS Code restores each tab of ours with the state its
 * page kept (`Reopen`, see webviews/statefulPanel.ts); the command that opened the view runs again
 * on the same target and rebuilds it, in that tab, from the account. A run view comes back as the
 * flow's recent runs: a reload never runs a flow again.
 */
import vscode = require('vscode');
import { RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { Reopen, StatefulPanel } from '../webviews/statefulPanel';
import { ChosenStep } from './errorCommands';
import { ChosenResource } from './resourceTarget';
import { Services } from './services';

/** The commands a restored view may run: each opens a view and changes nothing in the account. */
const REOPENING_COMMANDS: ReadonlySet<string> = new Set([
  'integratorIo.showRecentJobs',
  'integratorIo.showErrors',
  'integratorIo.previewMapping',
  'integratorIo.previewExport',
  'integratorIo.showAuditHistory',
  'integratorIo.showFlowDiagram',
]);

export async function restoreView(services: Services, tab: vscode.WebviewPanel, state: unknown): Promise<void> {
  const reopen = readReopen(state);
  if (!reopen || !services.environments.get(reopen.envId)) {
    // Nothing to rebuild it from (an environment since removed, or a view from an older version).
    tab.dispose();
    return;
  }
  services.log.info(`Reopening the view "${tab.title}" after a reload.`);
  const release = StatefulPanel.holdRestoredTab(reopen.key, tab);
  try {
    const target =
      reopen.command === 'integratorIo.showErrors'
        ? new ChosenStep(reopen.envId, reopen.flowId ?? '', reopen.id, reopen.name)
        : new ChosenResource(reopen.envId, reopen.kind as ResourceKind, reopen.id, reopen.name);
    await vscode.commands.executeCommand(reopen.command, target);
  } finally {
    release();
  }
}

/** The page's state, checked: it went through the webview, so it is read like any message. */
function readReopen(state: unknown): Reopen | undefined {
  const encoded = (state as { reopen?: unknown } | undefined)?.reopen;
  if (typeof encoded !== 'string') return undefined;
  let value: Partial<Record<keyof Reopen, unknown>>;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as typeof value;
  } catch {
    return undefined;
  }
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length < 2000 ? v : undefined);
  const [command, key, envId, id] = [text(value.command), text(value.key), text(value.envId), text(value.id)];
  if (!command || !REOPENING_COMMANDS.has(command) || !key || !envId || !id) return undefined;
  const kind = text(value.kind);
  if (command !== 'integratorIo.showErrors' && !(kind && kind in RESOURCE_KINDS)) return undefined;
  if (command === 'integratorIo.showErrors' && !text(value.flowId)) return undefined;
  return { command, key, envId, id, ...(kind ? { kind } : {}), name: text(value.name), flowId: text(value.flowId) };
}
