/** The job view's state and the actions its page sends (shared by host and page). */
import { ActionReader, field } from './envelope';

/** A job as the view shows it: a run, or one of its steps. */
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

export interface JobsState {
  title: string;
  subtitle: string;
  jobs: JobRow[];
  /** Whether the view is still following a run. */
  following: boolean;
}

export type JobsAction = { type: 'cancel'; jobId: string };

export const readJobsAction: ActionReader<JobsAction> = (a) =>
  a.type === 'cancel' && field.string(a.jobId, 100) ? { type: 'cancel', jobId: a.jobId } : undefined;
