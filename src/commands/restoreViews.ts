/**
 * Views brought back after a window reload. VS Code restores each tab of ours with the state its
 * page kept (`Reopen`, see webviews/statefulPanel.ts); the command that opened the view runs again
 * on the same target and rebuilds it, in that tab, from the account. A run view comes back as the
 * flow's recent runs: a reload never runs a flow again.
 */
import vscode = require('vscode');
import { isJsonObject } from '../api/types';
import { isResourceKind } from '../model/resourceKinds';
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
  const target = reopen && targetOf(reopen);
  if (!reopen || !target || !services.environments.get(reopen.envId)) {
    // Nothing to rebuild it from (an environment since removed, or a view from an older version).
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

/** The page's state, checked: it went through the webview, so it is read like any message. */
function readReopen(state: unknown): Reopen | undefined {
  const encoded = isJsonObject(state) ? state.reopen : undefined;
  if (typeof encoded !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length < 2000 ? v : undefined);
  const [command, key, envId, id] = [text(value.command), text(value.key), text(value.envId), text(value.id)];
  if (!command || !REOPENING_COMMANDS.has(command) || !key || !envId || !id) return undefined;
  const kind = isResourceKind(value.kind) ? value.kind : undefined;
  if (command !== 'integratorIo.showErrors' && !kind) return undefined;
  if (command === 'integratorIo.showErrors' && !text(value.flowId)) return undefined;
  return { command, key, envId, id, ...(kind ? { kind } : {}), name: text(value.name), flowId: text(value.flowId) };
}
