/** What every route module shares: the account, its settings and the engines that act on it. */
import { FaultKind, FaultSettings } from './faults';
import { JobEngine, JobTiming } from './jobs';
import { ResourceService } from './resourceService';
import { SignedFiles } from './signedFiles';
import { Store } from './store';

export interface SandboxSettings {
  /** The bearer token every request must carry. */
  token: string;
  /** Records per list page when the client sends no `limit`. The reference gives both 1000 and 100. */
  pageSize: number;
  /** The largest `limit` honoured. */
  maxPageSize: number;
  /** Errors per page of a step's error list (`nextPageURL` paging). */
  errorPageSize: number;
  /** Most jobs one `/jobs` answer holds (the reference gives 1000 and 1001). */
  jobsPageCap: number;
  /** Status for validation errors (the reference leaves 400 vs 422 open). */
  validationStatus: number;
  /** Status for a successful PATCH (204 in the help center, 200 on the developer site). */
  patchStatus: 200 | 204;
  timing: JobTiming;
  /** Signs `pagedExportState` so a tampered state is refused. */
  exportSecret: string;
}

export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  query: string;
  /** 0 when a fault dropped or stalled the connection. */
  status: number;
  body?: unknown;
  /** The fault switch that answered instead of the API, if one did. */
  fault?: FaultKind;
  /** The Retry-After seconds a rate_limit fault asked for. */
  retryAfter?: number;
}

export interface SandboxServices {
  store: Store;
  settings: SandboxSettings;
  resources: ResourceService;
  jobs: JobEngine;
  /** Replaced as a whole by the admin route. */
  faults: { current: FaultSettings };
  /** Files served at the URLs `signedURL` answers hand out. */
  signedFiles: SignedFiles;
  /** The most recent API requests, newest last (admin routes left out). */
  requestLog: RequestLogEntry[];
}
