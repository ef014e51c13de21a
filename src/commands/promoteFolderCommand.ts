/**
 * "Promote to Environment…": a pulled folder applied to another environment under its own
 * binding file, adopting what is there by name.
 */
import * as path from 'path';
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { LogicalKey } from '../iac/layout';
import { blockReason, makePlan, Plan, PlanOptions } from '../iac/plan';
import { effectOf } from '../iac/planItem';
import { changeCount, planLines } from '../iac/report';
import { bindingNameIn } from '../sourceControl/folderEnvironment';
import { IntegrationSourceControl } from '../sourceControl/integrationSourceControl';
import { askModal } from '../util/dialogs';
import { displayText } from '../util/displayText';
import { refusedInRestrictedMode } from '../util/workspaceTrust';
import { defineCommand } from './command';
import { applyPlan } from './folderApply';
import { folderOf } from './folderTarget';
import { chooseConnections } from './connectionChoice';

/**
 * "Promote to Environment…": the folder applied to another environment under its own binding
 * file. Connections are matched by exact name and shown for the user to confirm or change; new
 * flows are created disabled; production asks, with no as the default.
 */
export const promoteFolderCommand = defineCommand<IntegrationSourceControl>({
  id: 'integratorIo.promoteFolder',
  target: (services, arg) => folderOf(services, arg, 'Pick the folder to promote'),
  needs: 'Pull an integration to a folder first (Pull Integration to Folder…).',
  failure: (control) => `Could not promote ${path.basename(control.folder.fsPath)}`,
  async run(services, control) {
    if (refusedInRestrictedMode(services.notify, `Promoting ${path.basename(control.folder.fsPath)}`)) return undefined;
    const others = services.environments.list().filter((e) => e.id !== control.env.id);
    if (others.length === 0) {
      void services.notify.info('Add the environment to promote to first (Add Environment…).');
      return undefined;
    }
    const target = await pickOther(others, `Promote ${path.basename(control.folder.fsPath)} from "${control.env.name}" to…`);
    if (!target) return undefined;
    const client = await services.environments.client(target);
    const environment = bindingNameIn(control.folder.fsPath, target, client.transport.baseUrl, services.environments.list());
    const integration = services.sourceControls.integrations.get(control.folder.fsPath, environment);
    // What the person chooses (a connection, the one of two namesakes a file is) goes here, and each plan after reads it.
    const choices: Record<LogicalKey, string> = {};
    const options: PlanOptions = {
      client,
      baseUrl: client.transport.baseUrl,
      environment,
      dir: control.folder.fsPath,
      bindChoices: choices,
      ...(integration ? { integration } : {}),
    };
    let { plan } = await makePlan(options);
    for (;;) {
      if (plan.ambiguous.length > 0) {
        if (!(await chooseAdoptions(target, plan, choices))) return undefined;
        ({ plan } = await makePlan(options));
        continue;
      }
      if (plan.items.some((i) => i.action === 'needs-connection')) {
        if (!(await chooseConnections(services, target, plan, choices, 'needs-connection'))) return undefined;
        ({ plan } = await makePlan(options));
        continue;
      }
      if (blockReason(plan)) break;
      const answer = await askPromotion(target, plan);
      if (answer === 'plan') {
        for (const line of planLines(plan)) services.log.info(line);
        services.log.show();
        return undefined;
      }
      if (answer === 'change') {
        if (await chooseConnections(services, target, plan, choices, 'bind')) ({ plan } = await makePlan(options));
        continue;
      }
      if (answer === undefined) return undefined;
      return applyPlan(services, target, plan, options, () => Promise.resolve(), { promotion: true, enableNewFlows: answer === 'enabled' });
    }
    return applyPlan(services, target, plan, options, () => Promise.resolve(), { promotion: true });
  },
});

/**
 * The promotion's question: what it creates, which connection stands for each of the folder's (by
 * name, or as chosen), and whether new flows start disabled (the default) or enabled.
 */
async function askPromotion(env: EnvironmentInfo, plan: Plan): Promise<'disabled' | 'enabled' | 'change' | 'plan' | undefined> {
  const bindings = plan.items.filter((i) => i.action === 'bind').map((i) => `${i.key} → ${i.reason}`);
  const adopted = plan.items.filter((i) => i.action === 'adopt');
  const newFlows = plan.items.filter((i) => i.action === 'create' && i.kind === 'flows').length;
  const production = env.production ? 'PRODUCTION: ' : '';
  const go: vscode.MessageItem = { title: env.production ? 'Promote to Production' : 'Promote' };
  const goEnabled: vscode.MessageItem = { title: 'Promote with Flows Enabled' };
  const change: vscode.MessageItem = { title: 'Change Connections…' };
  const cancel: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };
  // The dialog's default (first) button is the first one that is not Cancel: it only shows the plan.
  const showPlan: vscode.MessageItem = { title: 'Show Plan' };
  const answer = await askModal(
    `${production}Promote to "${env.name}": ${changeCount(plan)}?`,
    [
      env.production ? `"${env.name}" is a production environment: its flows and records are live.` : '',
      adopted.length
        ? `${adopted.length} already in "${env.name}" (the integration "${plan.integration?.name ?? ''}" and what it holds of the same names) are adopted, not copied; ` +
          `${updatedCount(adopted)} updated to the folder.`
        : '',
      ...(bindings.length ? ['Connections:', ...bindings] : []),
      newFlows ? `${newFlows} new flow${newFlows === 1 ? ' is' : 's are'} created disabled, unless you promote with flows enabled.` : '',
      'Show Plan writes nothing and shows the plan, line by line, in the output channel.',
    ]
      .filter(Boolean)
      .join('\n'),
    showPlan,
    go,
    ...(newFlows ? [goEnabled] : []),
    ...(bindings.length ? [change] : []),
    cancel,
  );
  if (answer === showPlan) return 'plan';
  return answer === go ? 'disabled' : answer === goEnabled ? 'enabled' : answer === change ? 'change' : undefined;
}

async function pickOther(environments: EnvironmentInfo[], placeHolder: string): Promise<EnvironmentInfo | undefined> {
  const picked = await vscode.window.showQuickPick(
    environments.map((env) => ({ label: displayText(env.name), description: env.production ? 'production' : '', env })),
    { placeHolder },
  );
  return picked?.env;
}

/**
 * Asks, for each key an adoption could not settle by name (two integrations or two exports of one
 * name in the target), which one the folder's file is.
 */
async function chooseAdoptions(env: EnvironmentInfo, plan: Plan, choices: Record<LogicalKey, string>): Promise<boolean> {
  for (const { key, candidates } of plan.ambiguous) {
    const picked = await vscode.window.showQuickPick(
      candidates.map((c) => ({ label: displayText(c.name), description: c.id, id: c.id })),
      { placeHolder: `${key}: "${env.name}" holds ${candidates.length} of this name. Which one is the folder's?` },
    );
    if (!picked) return false;
    choices[key] = picked.id;
  }
  return true;
}

/** "1 of them is", "3 of them are": how many adopted resources an apply updates. */
function updatedCount(adopted: Plan['items']): string {
  const n = adopted.filter((i) => effectOf(i) === 'update').length;
  return `${n} of them ${n === 1 ? 'is' : 'are'}`;
}
