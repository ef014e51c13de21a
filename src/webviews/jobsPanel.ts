/**
 * The job view: a flow run as it is followed, or a flow's (an integration's) recent runs, each
 * with its steps: status, duration, and export, success, error and ignore counts. A running
 * job can be cancelled from it. The page is `pages/jobs.ts`.
 */
import vscode = require('vscode');
import { Job } from '../api/types';
import { JobRow, JobsAction, JobsState, readJobsAction } from './protocol/jobs';
import { Reopen, StatefulPanel } from './statefulPanel';

export class JobsPanel extends StatefulPanel<JobsState, JobsAction> {
  /** Opens (or reveals) the job view for a key; `cancel` is what its Cancel button does. */
  static show(key: string, title: string, extensionUri: vscode.Uri, cancel: (jobId: string) => Promise<void>, reopen: Reopen): JobsPanel {
    const { panel } = StatefulPanel.openOrReveal(key, () => new JobsPanel(key, title, extensionUri, cancel, reopen));
    panel.cancel = cancel;
    return panel;
  }

  private constructor(
    key: string,
    title: string,
    extensionUri: vscode.Uri,
    private cancel: (jobId: string) => Promise<void>,
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
    // Only a job this view shows can be cancelled from it.
    if (action.type === 'cancel' && this.current.jobs.some((j) => j.id === action.jobId)) await this.cancel(action.jobId);
  }
}

function toRow(job: Job, names: ReadonlyMap<string, string>): JobRow {
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
    children: (job.children ?? []).map((c) => toRow(c, names)),
  };
}
