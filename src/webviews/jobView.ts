/**
 * The job view: a flow run (or a flow's recent runs) with each job's child jobs: status,
 * duration, and success, error and ignore counts. Running jobs can be cancelled from it.
 */
import * as vscode from 'vscode';
import { Job } from '../api/types';
import { WebviewPanel } from './webviewPanel';

export interface JobRow {
  id: string;
  type: string;
  name: string;
  status: string;
  startedAt?: string;
  endedAt?: string;
  numExport: number;
  numSuccess: number;
  numError: number;
  numIgnore: number;
  numOpenError: number;
  children: JobRow[];
}

export type JobViewMessage = { type: 'jobs'; title: string; subtitle: string; jobs: JobRow[]; following: boolean };
export type JobViewRequest = { type: 'cancel'; jobId: string } | { type: 'refresh' };

export class JobView extends WebviewPanel<JobViewMessage, JobViewRequest> {
  private last: JobViewMessage | undefined;

  static show(
    key: string,
    title: string,
    extensionUri: vscode.Uri,
    handlers: { cancel(jobId: string): Promise<void>; refresh?(): Promise<void> },
  ): JobView {
    const existing = WebviewPanel.reveal<JobView>(key);
    if (existing) {
      existing.handlers = handlers;
      return existing;
    }
    return new JobView(key, title, extensionUri, handlers);
  }

  private constructor(
    key: string,
    title: string,
    extensionUri: vscode.Uri,
    private handlers: { cancel(jobId: string): Promise<void>; refresh?(): Promise<void> },
  ) {
    super(key, 'integratorIo.jobs', title, extensionUri, { script: 'jobs.js', style: 'jobs.css' });
  }

  /** Shows these jobs; `names` labels steps by their export or import id. */
  update(title: string, subtitle: string, jobs: Job[], names: ReadonlyMap<string, string>, following: boolean): void {
    this.last = { type: 'jobs', title, subtitle, jobs: jobs.map((j) => toRow(j, names)), following };
    this.post(this.last);
  }

  /** What the page was last sent (for tests and screenshots). */
  get shown(): JobViewMessage | undefined {
    return this.last;
  }

  protected async onMessage(message: JobViewRequest): Promise<void> {
    if (message.type === 'cancel') await this.handlers.cancel(message.jobId);
    if (message.type === 'refresh') await this.handlers.refresh?.();
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
