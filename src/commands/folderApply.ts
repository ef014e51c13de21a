/**
 * An apply, as Apply (✓) and Promote run it: the plan in the output channel, the questions a
 * deploy deserves (the integration a binding file names, connection changes, production,
 * deletes), a cancellable progress, and one report counted as the plan counted it
 * (src/iac/report.ts writes the lines and the counts).
 */
import * as path from 'path';
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { confirmProductionChange } from '../environments/productionGuard';
import { apply, ApplyReport } from '../iac/apply';
import { CONNECTION_CHANGE_NOTE, describeChange } from '../iac/connectionChanges';
import { blockReason, Plan, PlanOptions } from '../iac/plan';
import { effectOf, isApplied } from '../iac/planItem';
import { appliedCount, applyLines, changeCount, planLines } from '../iac/report';
import { askModal } from '../util/dialogs';
import { displayText } from '../util/displayText';
import { Services } from './services';

/**
 * The integration a folder changes is named by the binding file, which a pull request can change.
 * When this VS Code has not pulled or applied the folder as that integration (a fresh clone), the
 * user confirms it once, by the account's name; the answer is remembered (folderIntegrations.ts).
 */
async function confirmFolderIntegration(services: Services, env: EnvironmentInfo, plan: Plan, options: PlanOptions): Promise<boolean> {
  if (!plan.integration || options.integration) return true;
  // Adopted by its exact name (the promotion question named it), not taken from a binding file.
  if (plan.items.some((i) => i.kind === 'integrations' && i.action === 'adopt')) {
    await services.sourceControls.integrations.remember(options.dir, plan.environment, plan.integration.id);
    return true;
  }
  const go: vscode.MessageItem = { title: 'Apply to It' };
  const cancel: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };
  const answer = await askModal(
    `${path.basename(options.dir)} changes the integration "${plan.integration.name}" of "${env.name}". Is that the one?`,
    `Its binding file (${plan.environment}) names that integration, and this VS Code has not pulled or applied the folder as it before. ` +
      'A binding file changed to point at another integration would change that one instead.',
    cancel,
    go,
  );
  if (answer !== go) return false;
  await services.sourceControls.integrations.remember(options.dir, plan.environment, plan.integration.id);
  return true;
}

/**
 * Asks before an apply changes a connection's settings (any environment, default no): they decide
 * where its credentials go, and a pull request that changed one line of a connection file would
 * otherwise pass as one "~ update" among others.
 */
async function confirmConnectionChanges(env: EnvironmentInfo, plan: Plan): Promise<boolean> {
  if (plan.connectionChanges.length === 0) return true;
  const go: vscode.MessageItem = { title: 'Apply the Connection Changes' };
  const cancel: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };
  const connections = new Set(plan.connectionChanges.map((c) => c.key)).size;
  const answer = await askModal(
    `This apply changes the settings of ${connections === 1 ? 'a connection' : `${connections} connections`} of "${env.name}". Apply?`,
    [...plan.connectionChanges.map(describeChange), CONNECTION_CHANGE_NOTE].join('\n'),
    cancel,
    go,
  );
  return answer === go;
}

/** Shows the plan, asks (production by default says no), applies with a cancellable progress, reports. */
export async function applyPlan(
  services: Services,
  env: EnvironmentInfo,
  plan: Plan,
  options: PlanOptions,
  refresh: () => Promise<unknown>,
  how: { promotion?: boolean; enableNewFlows?: boolean } = {},
): Promise<ApplyReport | undefined> {
  for (const line of planLines(plan)) services.log.info(line);
  const refused = blockReason(plan);
  if (refused) {
    services.log.show();
    void services.notify.error(`Not applied to "${env.name}": ${refused}.`);
    return undefined;
  }
  const deletes = plan.items.filter((i) => effectOf(i) === 'delete');
  if (!plan.items.some(isApplied)) {
    void services.notify.info(`Nothing to apply: the folder and "${env.name}" agree.`);
    return undefined;
  }
  if (!(await confirmFolderIntegration(services, env, plan, options))) return undefined;
  if (!(await confirmConnectionChanges(env, plan))) return undefined;
  const what = changeCount(plan);
  // A promotion's own question already said PRODUCTION, with Cancel as its default.
  if (!how.promotion && !(await confirmProductionChange(env, { action: 'apply', what }))) return undefined;
  let allowDelete = false;
  if (deletes.length) {
    const keep = { title: 'Keep Them' };
    const remove = { title: `Delete ${deletes.length}` };
    const answer = await askModal(
      `Also delete ${deletes.length} resource${deletes.length === 1 ? '' : 's'} removed from the folder from "${env.name}"?`,
      deletes.map((i) => `${i.key}${i.name ? ` ("${i.name}")` : ''}`).join('\n'),
      keep,
      remove,
    );
    if (answer === undefined) return undefined;
    allowDelete = answer === remove;
  }
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Applying to ${displayText(env.name)}`, cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return apply({
        ...options,
        expected: plan,
        allowDelete,
        enableNewFlows: how.enableNewFlows,
        signal: abort.signal,
        onStep: (item, index, total) =>
          progress.report({ message: `${item.action} ${item.key}`, increment: index === 0 ? 0 : 100 / total }),
      });
    },
  );
  for (const line of applyLines(report)) services.log.info(line);
  await refresh();
  if (report.refused) void services.notify.error(`Not applied to "${env.name}": ${report.refused}.`);
  else if (report.failed)
    void services.notify.error(`Apply to "${env.name}" stopped at ${report.failed.item.key}: ${report.failed.message}`);
  else if (report.cancelled)
    void services.notify.warning(`Apply to "${env.name}" cancelled: ${report.applied.length} applied. Apply again to finish.`);
  else void services.notify.info(`Applied to "${env.name}": ${appliedCount(report)}.`);
  return report;
}
