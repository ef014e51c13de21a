/** Run a flow and follow its job; show a flow's recent runs; cancel a job. */
import vscode = require('vscode');
import { IntegratorClient, JobStillRunningError } from '../api';
import { Flow, Job } from '../api/types';
import { EnvironmentInfo } from '../environments/environment';
import { confirmProductionChange } from '../environments/productionGuard';
import { describeError } from '../util/errors';
import { recentRuns } from '../model/recentRuns';
import { FlowDiagramPanel } from '../webviews/flowDiagramPanel';
import { JobsPanel, JobsPanelActions } from '../webviews/jobsPanel';
import { ChosenStep } from './errorCommands';
import { DECLINED, defineCommand, numberOption, quoted, reopenWith, resourceOf } from './command';
import { resolveEnvironment } from './pickEnvironment';
import { ResourceTarget } from './resourceTarget';
import { Services } from './services';
import { displayText } from '../util/displayText';
import { askModal } from '../util/dialogs';
import { viewKey } from '../identity';

export interface RunFlowOptions {
  /** How long to follow the job before giving up (it goes on running). */
  followTimeoutMs?: number;
}

/**
 * "Run Flow": starts the flow (`POST /flows/:id/run`), then follows its job with a progress
 * notification whose Cancel cancels the job, a spinner on the flow's rows, and the job view,
 * which shows the run and its steps' counts as they change. Resolves with the finished job.
 */
export const runFlowCommand = defineCommand<ResourceTarget, RunFlowOptions>({
  id: 'integratorIo.runFlow',
  // From the palette with no flow in front: the user picks the environment, then the flow.
  target: async (services, arg) =>
    resourceOf('flows')(services, arg) ?? (arg === undefined ? ((await pickFlow(services)) ?? DECLINED) : undefined),
  needs: 'Pick a flow in the integrator.io explorer to run it.',
  options: (raw) => {
    const followTimeoutMs = numberOption(raw, 'followTimeoutMs');
    return followTimeoutMs === undefined ? {} : { followTimeoutMs };
  },
  failure: (target) => `Could not run the flow ${quoted(target)}`,
  async run(services, target, { followTimeoutMs }) {
    const { env } = target;
    const client = await services.environments.client(env);
    const flow = await services.explorer.busyWhile(target.id, 'reading…', () => client.flows.get(target.id));
    const name = flow.name ?? flow._id;
    if (flow.disabled) {
      const answer = await askModal(`"${name}" is disabled. Run it once anyway?`, 'Its schedule stays off.', { title: 'Run Once' });
      if (answer?.title !== 'Run Once') return undefined;
    }
    if (!(await confirmProductionChange(env, { action: 'run', what: `flow "${name}"` }))) return undefined;
    const jobId = await services.explorer.busyWhile(flow._id, 'starting…', () => client.jobs.runFlow(flow._id));
    services.log.info(`${env.name}: started flow "${name}" (job ${jobId}).`);
    return followRun(services, env, client, flow, jobId, followTimeoutMs);
  },
});

async function followRun(
  services: Services,
  env: EnvironmentInfo,
  client: IntegratorClient,
  flow: Flow,
  jobId: string,
  followTimeoutMs?: number,
): Promise<Job | undefined> {
  const name = flow.name ?? flow._id;
  const names = await services.explorer.stepNames(env).catch(() => new Map<string, string>());
  // After a reload a run view comes back as the flow's recent runs (the run among them): nothing runs again.
  const view = JobsPanel.show(
    viewKey('run', env.id, flow._id),
    `Run: ${name}`,
    services.context.extensionUri,
    jobActions(services, env, client),
    { command: 'integratorIo.showRecentJobs', key: viewKey('jobs', env.id, flow._id), envId: env.id, kind: 'flows', id: flow._id, name },
  );
  const subtitle = `Flow in ${env.name} · job ${jobId}`;
  services.explorer.setBusy(flow._id, 'running…');
  try {
    const timeoutMs = followTimeoutMs ?? vscode.workspace.getConfiguration('integratorIo').get<number>('followJobsMinutes', 30) * 60_000;
    const job = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: displayText(`Running "${name}"`), cancellable: true },
      (progress, token) => {
        // Cancelling the notification cancels the job; following goes on until it reports canceled.
        token.onCancellationRequested(() => void cancelJob(services, client, jobId));
        return client.jobs.follow(jobId, {
          timeoutMs,
          onUpdate: (update) => {
            progress.report({ message: progressText(update) });
            view.showJobs(`Run: ${name}`, subtitle, [update], names, true);
            FlowDiagramPanel.ofFlow(env.id, flow._id)?.showRun(update);
          },
        });
      },
    );
    view.showJobs(`Run: ${name}`, subtitle, [job], names, false);
    const status = job.status === 'completed' && (job.numError ?? 0) > 0 ? 'completed with errors' : job.status;
    const summary = `"${name}" ${status}: ${job.numSuccess ?? 0} succeeded, ${count(job.numError ?? 0, 'error')}, ${job.numIgnore ?? 0} ignored.`;
    services.log.info(`${env.name}: ${summary}`);
    const failedSteps = (job.children ?? []).filter((c) => (c.numOpenError ?? c.numError ?? 0) > 0 && (c._exportId ?? c._importId));
    if (job.status === 'completed' && !job.numError) void services.notify.info(summary);
    else if (!failedSteps.length) void services.notify.warning(summary);
    else
      void services.notify.warning(summary, 'Show Errors').then(async (choice) => {
        if (choice !== 'Show Errors') return;
        for (const step of failedSteps) {
          const stepId = (step._exportId ?? step._importId)!;
          await showStepErrors(env, flow._id, stepId, names.get(stepId) ?? stepId);
        }
      });
    return job;
  } catch (err) {
    if (err instanceof JobStillRunningError) {
      const message = `"${name}" is still ${err.job.status}; it goes on in integrator.io, but VS Code stopped following it.`;
      void services.notify.warning(message, 'Cancel Job').then((choice) => {
        if (choice) void cancelJob(services, client, jobId);
      });
      return err.job;
    }
    void services.notify.error(`Following "${name}" failed: ${describeError(err)}`);
    return undefined;
  } finally {
    services.explorer.setBusy(flow._id, undefined);
    services.explorer.flowRan(env.id, flow._id);
    void FlowDiagramPanel.ofFlow(env.id, flow._id)?.reloadCounts();
  }
}

function progressText(job: Job): string {
  if (job.status === 'queued') return 'queued…';
  const steps = job.children?.length
    ? ` · ${job.children.filter((c) => c.status === 'completed').length}/${job.children.length} steps`
    : '';
  return `${job.status}${steps} · ${job.numExport ?? 0} exported, ${job.numSuccess ?? 0} succeeded, ${count(job.numError ?? 0, 'error')}`;
}

/** "1 error", "3 errors". */
function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the job view's buttons do: cancel a run, open a step's errors. */
function jobActions(services: Services, env: EnvironmentInfo, client: IntegratorClient): JobsPanelActions {
  return {
    cancel: (id) => cancelJob(services, client, id),
    showErrors: (flowId, stepId, stepName) => showStepErrors(env, flowId, stepId, stepName),
  };
}

async function showStepErrors(env: EnvironmentInfo, flowId: string, stepId: string, stepName: string): Promise<void> {
  await vscode.commands.executeCommand('integratorIo.showErrors', new ChosenStep(env.id, flowId, stepId, stepName));
}

async function cancelJob(services: Services, client: IntegratorClient, jobId: string): Promise<void> {
  try {
    await client.jobs.cancel(jobId);
    services.log.info(`Asked to cancel job ${jobId}.`);
  } catch (err) {
    void services.notify.error(`Could not cancel the job: ${describeError(err)}`);
  }
}

/** "Show Recent Jobs": the latest runs of a flow (or of every flow of an integration) in the job view. */
export const showRecentJobsCommand = defineCommand({
  id: 'integratorIo.showRecentJobs',
  target: resourceOf('flows', 'integrations'),
  failure: (target) => `Could not read the jobs of ${quoted(target)}`,
  async run(services, target) {
    const { env } = target;
    const client = await services.environments.client(env);
    const of = target.kind === 'flows' ? { flowId: target.id } : { integrationId: target.id };
    const { runs: recent } = await recentRuns(client, of, { limit: 20 });
    const families = await Promise.all(recent.map((j) => client.jobs.family(j._id)));
    const names = await services.explorer.stepNames(env).catch(() => new Map<string, string>());
    const title = `Recent runs: ${target.name ?? target.id}`;
    const key = viewKey('jobs', env.id, target.id);
    const view = JobsPanel.show(
      key,
      title,
      services.context.extensionUri,
      jobActions(services, env, client),
      reopenWith('integratorIo.showRecentJobs', key, target),
    );
    view.showJobs(
      title,
      `${target.kind === 'flows' ? 'Flow' : 'Integration'} in ${env.name} · ${families.length} most recent runs`,
      families,
      names,
      false,
    );
    return families;
  },
});

/** A flow the user picks: its environment first (when there are several), then the flow, with its integration. */
async function pickFlow(services: Services): Promise<ResourceTarget | undefined> {
  const env =
    services.environments.list().length === 1
      ? services.environments.list()[0]
      : await resolveEnvironment(services, undefined, 'Run a flow of which environment?');
  if (!env) return undefined;
  const client = await services.environments.client(env);
  const [flows, integrations] = await Promise.all([
    client.flows.listAll({ include: ['name', '_integrationId', 'disabled'] }),
    client.integrations.listAll({ include: ['name'] }),
  ]);
  const integrationName = new Map(integrations.map((i) => [i._id, i.name ?? i._id]));
  const picked = await vscode.window.showQuickPick(
    flows.map((f) => ({
      label: displayText(f.name ?? f._id),
      description: [
        f._integrationId ? displayText(String(integrationName.get(f._integrationId) ?? '')) : 'Standalone',
        f.disabled ? 'disabled' : '',
      ]
        .filter(Boolean)
        .join(' · '),
      flow: f,
    })),
    { placeHolder: `Run which flow of "${displayText(env.name)}"${env.production ? ' (production)' : ''}?`, matchOnDescription: true },
  );
  return picked && { env, kind: 'flows', id: picked.flow._id, name: picked.flow.name };
}
