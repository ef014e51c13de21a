/**
 * Brings an account saved by an older sandbox up to what this one serves, so a data file kept
 * across versions answers as a fresh one does: fields real payloads never carry are dropped
 * (`lastModifiedBy`, `triggeredBy`, `percentComplete`, `_flowId`/`_integrationId` on child jobs,
 * `retriable` on export jobs) and collections added since are created empty.
 */
import { AccountData } from './account';
import { SANDBOX_KINDS } from './kinds';

export function upgradeAccount(data: AccountData): AccountData {
  data.requests ??= {};
  for (const kind of SANDBOX_KINDS) for (const doc of data.resources[kind] ?? []) delete doc.lastModifiedBy;
  for (const job of data.jobs ?? []) {
    delete job.triggeredBy;
    delete job.percentComplete;
    if (job.type === 'export' || job.type === 'import') {
      delete job._flowId;
      delete job._integrationId;
    }
    if (job.type === 'export') delete job.retriable;
  }
  return data;
}
