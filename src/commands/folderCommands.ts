/**
 * Integration as code in VS Code: Pull Integration to Folder, Apply (✓ in the Source Control
 * view), Pull Remote Changes, Promote to Environment, Compare Folder With Environment, Refresh.
 * The engine (src/iac) does the work; these ask, show progress, and report in the output channel.
 */
import * as path from 'path';
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { confirmProductionChange } from '../environments/productionGuard';
import { apply, ApplyReport } from '../iac/apply';
import { slugify } from '../iac/keys';
import { CONNECTION_CHANGE_NOTE, describeChange } from '../iac/connectionChanges';
import { APPLIED_ACTIONS, blockReason, makePlan, Plan, PlanOptions } from '../iac/plan';
import { LocalChangesError, pull } from '../iac/pull';
import { pullRemoteChanges } from '../iac/pullRemoteChanges';
import { applyLines, planLines } from '../iac/report';
import { bindingNameIn } from '../sourceControl/folderEnvironment';
import { IntegrationSourceControl } from '../sourceControl/integrationSourceControl';
import { askModal } from '../util/dialogs';
import { displayText } from '../util/displayText';
import { refusedInRestrictedMode } from '../util/workspaceTrust';
import { defineCommand, quoted, resourceOf, stringOption } from './command';
import { resolveEnvironment } from './pickEnvironment';
import { ResourceTarget } from './resourceTarget';
import { Services } from './services';

export interface PullIntegrationOptions {
  /** The folder to pull into (its parent is not asked for). */
  folder?: string;
}

/** "Pull Integration to Folder…": on an integration row, or from the palette with questions. */
export const pullIntegrationCommand = defineCommand<ResourceTarget, PullIntegrationOptions>({
  id: 'integratorIo.pullIntegration',
  target: async (services, arg) => resourceOf('integrations')(services, arg) ?? (arg === undefined ? pickIntegration(services) : undefined),
  options: (raw) => {
    const folder = stringOption(raw, 'folder');
    return folder ? { folder } : {};
  },
  failure: (target) => `Could not pull the integration ${quoted(target)}`,
  async run(services, target, options) {
    const folder = options.folder ? vscode.Uri.file(options.folder) : await askFolder(target);
    if (!folder) return undefined;
    const client = await services.environments.client(target.env);
    const bindingName = bindingNameIn(folder.fsPath, target.env, client.transport.baseUrl, services.environments.list());
    const pullOnce = (force: boolean) =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Pulling ${quoted(target)} from ${displayText(target.env.name)}…` },
        () =>
          pull({
            client,
            baseUrl: client.transport.baseUrl,
            environment: bindingName,
            integration: target.id,
            dir: folder.fsPath,
            force,
          }),
      );
    let report;
    try {
      report = await pullOnce(false);
    } catch (err) {
      if (!(err instanceof LocalChangesError)) throw err;
      // The folder holds edits not yet applied: overwriting them is the user's call, and not the default.
      const overwrite: vscode.MessageItem = { title: 'Overwrite Them' };
      const keep: vscode.MessageItem = { title: 'Keep My Changes', isCloseAffordance: true };
      const answer = await askModal(
        `${path.basename(folder.fsPath)} has changes not applied to "${target.env.name}". Overwrite them with the account's versions?`,
        `${err.keys.join(', ')}. Keep them to apply them, or use Pull Remote Changes, which leaves them alone.`,
        keep,
        overwrite,
      );
      if (answer !== overwrite) return undefined;
      report = await pullOnce(true);
    }
    await services.sourceControls.integrations.remember(folder.fsPath, bindingName, target.id);
    services.log.info(
      `Pulled "${report.integrationName}" from "${target.env.name}" into ${folder.fsPath}: ${report.resources} resources, ` +
        `${report.written.length} file${report.written.length === 1 ? '' : 's'} written, ${report.removed.length} removed.`,
    );
    const control = await services.sourceControls.track(folder, target.env);
    const pulled = `Pulled "${report.integrationName}" (${report.resources} resources) into ${path.basename(folder.fsPath)}.`;
    if (vscode.workspace.getWorkspaceFolder(folder)) void services.notify.info(pulled);
    else void offerToOpen(services, folder, pulled);
    await control?.refresh();
    return folder;
  },
});

/** "Apply" (✓): makes the environment follow the folder, after the questions a deploy deserves. */
export const applyFolderCommand = defineCommand<IntegrationSourceControl>({
  id: 'integratorIo.applyFolder',
  target: (services, arg) => folderOf(services, arg, 'Pick the folder to apply'),
  needs: 'Pull an integration to a folder first (Pull Integration to Folder…).',
  failure: (control) => `Could not apply ${path.basename(control.folder.fsPath)} to "${control.env.name}"`,
  async run(services, control) {
    if (refusedInRestrictedMode(services.notify, `Applying ${path.basename(control.folder.fsPath)} to "${control.env.name}"`))
      return undefined;
    const plan = await control.refresh();
    if (!plan) throw new Error(control.lastError ?? 'the plan failed');
    return applyPlan(services, control.env, plan, control.planOptions(await services.environments.client(control.env)), () =>
      control.refresh(),
    );
  },
});

/** "Pull Remote Changes": brings in what changed only in the account; leaves conflicts alone. */
export const pullRemoteChangesCommand = defineCommand<IntegrationSourceControl>({
  id: 'integratorIo.pullRemoteChanges',
  target: (services, arg) => folderOf(services, arg, 'Pick the folder to pull remote changes into'),
  needs: 'Pull an integration to a folder first (Pull Integration to Folder…).',
  failure: (control) => `Could not pull remote changes into ${path.basename(control.folder.fsPath)}`,
  async run(services, control) {
    const client = await services.environments.client(control.env);
    const report = await pullRemoteChanges(control.planOptions(client));
    for (const item of report.pulled) services.log.info(`Pulled from "${control.env.name}": ${item.key} (${item.reason}).`);
    const refused = report.refused.map((i) => i.key);
    if (report.pulled.length === 0 && refused.length === 0) void services.notify.info(`Nothing changed in "${control.env.name}" only.`);
    else if (refused.length)
      void services.notify.warning(
        `Pulled ${report.pulled.length} remote change${report.pulled.length === 1 ? '' : 's'}; not ${refused.join(', ')}: ` +
          'changed in the folder too. Settle each conflict by hand (the diff shows both).',
      );
    else
      void services.notify.info(
        `Pulled ${report.pulled.length} remote change${report.pulled.length === 1 ? '' : 's'} from "${control.env.name}".`,
      );
    await control.refresh();
    return report;
  },
});

export const refreshFolderCommand = defineCommand<IntegrationSourceControl>({
  id: 'integratorIo.refreshFolder',
  target: (services, arg) => folderOf(services, arg, 'Pick the folder to compare again'),
  failure: (control) => `Could not compare ${path.basename(control.folder.fsPath)} with "${control.env.name}"`,
  async run(_services, control) {
    const plan = await control.refresh();
    if (!plan) throw new Error(control.lastError ?? 'the plan failed');
    return plan;
  },
});

/** "Compare Folder With Environment…": which environment the Source Control view compares with. */
export const compareFolderWithCommand = defineCommand<IntegrationSourceControl>({
  id: 'integratorIo.compareFolderWith',
  target: (services, arg) => folderOf(services, arg, 'Pick the folder'),
  failure: (control) => `Could not compare ${path.basename(control.folder.fsPath)}`,
  async run(services, control) {
    const env = await resolveEnvironment(services, undefined, `Compare ${path.basename(control.folder.fsPath)} with…`);
    if (!env) return undefined;
    return services.sourceControls.track(control.folder, env);
  },
});

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
    const options: PlanOptions = {
      client,
      baseUrl: client.transport.baseUrl,
      environment,
      dir: control.folder.fsPath,
      bindChoices: {},
      ...(integration ? { integration } : {}),
    };
    let { plan } = await makePlan(options);
    for (;;) {
      if (plan.ambiguous.length > 0) {
        if (!(await chooseAdoptions(target, plan, options))) return undefined;
        ({ plan } = await makePlan(options));
        continue;
      }
      if (plan.items.some((i) => i.action === 'needs-connection')) {
        if (!(await chooseConnections(services, target, plan, options, 'needs-connection'))) return undefined;
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
        if (await chooseConnections(services, target, plan, options, 'bind')) ({ plan } = await makePlan(options));
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

/**
 * What an apply would do, counted as a change record would: what it creates or changes in the
 * account, then what is only bound (a connection matched by name, or a resource adopted as it
 * is): "1 change (1 to update); 15 already there, bound as they are". Counting a binding as a
 * change made a promotion that changed one export say "16 changes" to production.
 */
function changeCount(plan: Plan): string {
  const count = (pick: (i: Plan['items'][number]) => boolean) => plan.items.filter(pick).length;
  const creates = count((i) => i.action === 'create');
  const updates = count((i) => i.action === 'update' || (i.action === 'adopt' && i.differs === true));
  const bound = count((i) => i.action === 'bind' || (i.action === 'adopt' && !i.differs));
  const parts = [creates ? `${creates} to create` : '', updates ? `${updates} to update` : ''].filter(Boolean);
  const changes = creates + updates;
  const head = `${changes} change${changes === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  return bound ? `${head}; ${bound} already there, bound as ${bound === 1 ? 'it is' : 'they are'}` : head;
}

/** Shows the plan, asks (production by default says no), applies with a cancellable progress, reports. */
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

async function applyPlan(
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
  const changes = plan.items.filter((i) => APPLIED_ACTIONS.has(i.action) && i.action !== 'delete');
  const deletes = plan.items.filter((i) => i.action === 'delete');
  if (changes.length === 0 && deletes.length === 0) {
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

/** The folder a command acts on: the Source Control provider it was invoked on, or a pick. */
async function folderOf(services: Services, arg: unknown, placeHolder: string): Promise<IntegrationSourceControl | undefined> {
  const controls = services.sourceControls.list();
  const invokedOn = controls.find(
    (c) => c.sourceControl === arg || (arg instanceof vscode.Uri && c === services.sourceControls.containing(arg)),
  );
  if (invokedOn) return invokedOn;
  if (arg !== undefined) return undefined;
  const editor = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = editor && services.sourceControls.containing(editor);
  if (fromEditor) return fromEditor;
  if (controls.length <= 1) return controls[0];
  const picked = await vscode.window.showQuickPick(
    controls.map((c) => ({
      label: path.basename(c.folder.fsPath),
      description: `${c.folder.fsPath} ↔ ${displayText(c.env.name)}`,
      control: c,
    })),
    { placeHolder },
  );
  return picked?.control;
}

/**
 * A folder outside the workspace is offered, not added: adding a folder turns a one-folder window
 * into a workspace of several, which restarts every extension, so it is the user's call (as after
 * Git: Clone). The Source Control view shows the folder either way.
 */
async function offerToOpen(services: Services, folder: vscode.Uri, message: string): Promise<void> {
  const add = 'Add to Workspace';
  const open = 'Open Folder';
  const answer = await services.notify.info(message, add, open);
  if (answer === add) vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: folder });
  else if (answer === open) await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: false });
}

async function pickIntegration(services: Services): Promise<ResourceTarget | undefined> {
  const env = await resolveEnvironment(services, undefined, 'Pull an integration from…');
  if (!env) return undefined;
  const client = await services.environments.client(env);
  const integrations = await client.integrations.listAll({ include: ['name', 'description'] });
  const picked = await vscode.window.showQuickPick(
    integrations.map((i) => ({
      label: displayText(i.name ?? i._id),
      description: displayText(String(i.description ?? '')),
      integration: i,
    })),
    { placeHolder: `The integration of "${env.name}" to pull to a folder` },
  );
  return picked && { env, kind: 'integrations', id: picked.integration._id, name: picked.integration.name };
}

async function askFolder(target: ResourceTarget): Promise<vscode.Uri | undefined> {
  const parent = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Pull Here',
    title: `The folder to hold "${target.name ?? target.id}" (a folder named after it is made inside)`,
  });
  return parent?.[0] && vscode.Uri.joinPath(parent[0], slugify(target.name ?? target.id));
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
async function chooseAdoptions(env: EnvironmentInfo, plan: Plan, options: PlanOptions): Promise<boolean> {
  for (const { key, candidates } of plan.ambiguous) {
    const picked = await vscode.window.showQuickPick(
      candidates.map((c) => ({ label: displayText(c.name), description: c.id, id: c.id })),
      { placeHolder: `${key}: "${env.name}" holds ${candidates.length} of this name. Which one is the folder's?` },
    );
    if (!picked) return false;
    (options.bindChoices as Record<string, string>)[key] = picked.id;
  }
  return true;
}

/** Asks, for each folder connection with no match, which connection of the target stands for it. */
async function chooseConnections(
  services: Services,
  env: EnvironmentInfo,
  plan: Plan,
  options: PlanOptions,
  which: 'needs-connection' | 'bind',
): Promise<boolean> {
  const client = await services.environments.client(env);
  const connections = await client.connections.listAll({ include: ['name', 'type'] });
  for (const item of plan.items.filter((i) => i.action === which)) {
    // The current match first, so Enter keeps it.
    const ordered = [...connections].sort((a, b) => Number(b._id === item.id) - Number(a._id === item.id));
    const picked = await vscode.window.showQuickPick(
      ordered.map((c) => ({
        label: displayText(c.name ?? c._id),
        description: [String(c.type ?? ''), c._id === item.id ? 'matched by name' : ''].filter(Boolean).join(' · '),
        id: c._id,
      })),
      {
        placeHolder: `${item.key}${item.name ? ` ("${displayText(item.name)}")` : ''}: ${item.reason}. Which connection of "${env.name}" stands for it?`,
      },
    );
    if (!picked) return false;
    (options.bindChoices as Record<string, string>)[item.key] = picked.id;
  }
  return true;
}

/** "1 of them is", "3 of them are": how many adopted resources an apply updates. */
function updatedCount(adopted: Plan['items']): string {
  const n = adopted.filter((i) => i.differs).length;
  return `${n} of them ${n === 1 ? 'is' : 'are'}`;
}

/** What an apply did, counted as changeCount counts what it would do. */
function appliedCount(report: ApplyReport): string {
  const isBinding = (i: Plan['items'][number]) => i.action === 'bind' || (i.action === 'adopt' && !i.differs);
  const changed = report.applied.filter((s) => !isBinding(s.item)).length;
  const bound = report.applied.length - changed;
  const head = `${changed} change${changed === 1 ? '' : 's'}`;
  return bound ? `${head}, ${bound} bound as ${bound === 1 ? 'it was' : 'they were'}` : head;
}
