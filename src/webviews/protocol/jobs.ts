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
  /** The flow and the step (export or import) a step's job ran: where its errors are. */
  flowId?: string;
  stepId?: string;
  children: JobRow[];
}

export interface JobsState {
  title: string;
  subtitle: string;
  jobs: JobRow[];
  /** Whether the view is still following a run. */
  following: boolean;
}

/** Cancel a running job; open the errors view of a step's job (or of every step of a run with errors). */
export type JobsAction = { type: 'cancel'; jobId: string } | { type: 'showErrors'; jobId: string };

export const readJobsAction: ActionReader<JobsAction> = (a) =>
  (a.type === 'cancel' || a.type === 'showErrors') && field.string(a.jobId, 100) ? { type: a.type, jobId: a.jobId } : undefined;
