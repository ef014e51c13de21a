/**
 * The Source Control view's commands on a pulled folder: Apply (✓), Pull Remote Changes, Refresh,
 * Compare Folder With Environment. Pulling is pullIntegrationCommand.ts, promoting
 * promoteFolderCommand.ts; the questions and the report of an apply are folderApply.ts. The
 * engine (src/iac) does the work; these ask, show progress, and report in the output channel.
 */
import * as path from 'path';
import { pullRemoteChanges } from '../iac/pullRemoteChanges';
import { IntegrationSourceControl } from '../sourceControl/integrationSourceControl';
import { refusedInRestrictedMode } from '../util/workspaceTrust';
import { defineCommand } from './command';
import { resolveEnvironment } from './pickEnvironment';
import { applyPlan } from './folderApply';
import { folderOf } from './folderTarget';

/** "Apply" (✓): makes the environment follow the folder, after the questions a deploy deserves. */
export const applyFolderCommand = defineCommand<IntegrationSourceControl>({
  id: 'integratorIo.applyFolder',
  target: (services, arg) => folderOf(services, arg, 'Pick the folder to apply'),
  needs: 'Pull an integration to a folder first (Pull Integration to Folder…).',
  failure: (control) => `Could not apply ${path.basename(control.folder.fsPath)} to "${control.env.name}"`,
  async run(services, control) {
    if (refusedInRestrictedMode(services.notify, `Applying ${path.basename(control.folder.fsPath)} to "${control.env.name}"`))
      return undefined;
    // Fresh: what the person is asked about is the account as it is now.
    const plan = await control.refresh({ fresh: true });
    if (!plan) throw new Error(control.lastError ?? 'the plan failed');
    return applyPlan(services, control.env, plan, control.planOptions(await services.environments.client(control.env)), () =>
      control.refresh({ fresh: true }),
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
    await control.refresh({ fresh: true });
    return report;
  },
});

export const refreshFolderCommand = defineCommand<IntegrationSourceControl>({
  id: 'integratorIo.refreshFolder',
  target: (services, arg) => folderOf(services, arg, 'Pick the folder to compare again'),
  failure: (control) => `Could not compare ${path.basename(control.folder.fsPath)} with "${control.env.name}"`,
  async run(_services, control) {
    const plan = await control.refresh({ fresh: true });
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
