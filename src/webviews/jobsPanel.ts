/**
 * The job view: a flow run as it is followed, or a flow's (an integration's) recent runs, each
 * with its steps: status, duration, and export, success, error and ignore counts. A running
 * job can be cancelled from it. The page is `pages/jobs.ts`.
 */
import vscode = require('vscode');
import { Job } from '../api/types';
import { JobRow, JobsAction, JobsState, readJobsAction } from './protocol/jobs';
import { Reopen, StatefulPanel } from './statefulPanel';

/** What the view's buttons do. */
export interface JobsPanelActions {
  cancel(jobId: string): Promise<void>;
  /** Opens the errors view of a flow's step. */
  showErrors(flowId: string, stepId: string, stepName: string): Promise<void>;
}

export class JobsPanel extends StatefulPanel<JobsState, JobsAction> {
  /** Opens (or reveals) the job view for a key; `cancel` is what its Cancel button does. */
  static show(key: string, title: string, extensionUri: vscode.Uri, actions: JobsPanelActions, reopen: Reopen): JobsPanel {
    const { panel } = StatefulPanel.openOrReveal(
      key,
      (p) => (p instanceof JobsPanel ? p : undefined),
      () => new JobsPanel(key, title, extensionUri, actions, reopen),
    );
    panel.actions = actions;
    return panel;
  }

  private constructor(
    key: string,
    title: string,
    extensionUri: vscode.Uri,
    private actions: JobsPanelActions,
    reopen: Reopen,
  ) {
    super({
      reopen,
      key,
      viewType: 'integratorIo.jobs',
      title,
      page: 'jobs',
      extensionUri,
      initial: { title, subtitle: '', jobs: [], following: false },
      readAction: readJobsAction,
    });
  }

  /** Shows these jobs; `names` labels steps by their export or import id. */
  showJobs(title: string, subtitle: string, jobs: Job[], names: ReadonlyMap<string, string>, following: boolean): void {
    this.update({ title, subtitle, jobs: jobs.map((j) => toRow(j, names)), following });
  }

  protected async handle(action: JobsAction): Promise<void> {
    // Only a job this view shows can be acted on from it.
    const run = this.current.jobs.find((j) => j.id === action.jobId || j.children.some((c) => c.id === action.jobId));
    if (!run) return;
    if (action.type === 'cancel' && run.id === action.jobId) return this.actions.cancel(action.jobId);
    if (action.type === 'showErrors') {
      const steps = run.id === action.jobId ? run.children : run.children.filter((c) => c.id === action.jobId);
      for (const step of steps.filter((s) => (s.numOpenError || s.numError) && s.flowId && s.stepId))
        await this.actions.showErrors(step.flowId!, step.stepId!, step.name);
    }
  }
}

/** A job's row; a step's job may not name its flow, so it takes its run's (`flowId`). */
function toRow(job: Job, names: ReadonlyMap<string, string>, flowId = job._flowId): JobRow {
  const stepId = job._exportId ?? job._importId;
  const name = job.type === 'flow' ? 'Flow run' : job.type === 'retry' ? 'Retry' : (stepId && names.get(stepId)) || stepId || job.type;
  return {
    id: job._id,
    type: job.type,
    name,
    status: job.status,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.endedAt ? { endedAt: job.endedAt } : {}),
    numExport: job.numExport ?? 0,
    numSuccess: job.numSuccess ?? 0,
    numError: job.numError ?? 0,
    numIgnore: job.numIgnore ?? 0,
    numOpenError: job.numOpenError ?? 0,
    ...(flowId ? { flowId } : {}),
    ...(stepId ? { stepId } : {}),
    children: (job.children ?? []).map((c) => toRow(c, names, c._flowId ?? flowId)),
  };
}
