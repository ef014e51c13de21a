/**
 * The fields jobs carry, as recorded from a live account's `GET /v1/jobs` (161 flow jobs, 200
 * export jobs and 255 import jobs; counts in `test/fixtures/recorded-field-sets.json`). The run
 * simulation and the seeds both build jobs here, so the two cannot drift apart:
 * - a flow job names its flow, integration and first export, and carries `doneExporting`;
 *   `files` when the flow moved files, `canceledBy` when it was canceled. No `triggeredBy`, no
 *   `percentComplete`.
 * - a child job names its step and flow job and its position (`oIndex`); only import children
 *   carry `retriable`. Children carry no `_flowId` and no `_integrationId`, so a filter on either
 *   finds flow jobs only.
 */
import { createHash } from 'crypto';
import { asText, isObject, JsonObject } from './json';
import { flowStepIds } from './resourceService';

/** A job's counters before anything ran. */
export const ZERO_COUNTS = {
  numError: 0,
  numResolved: 0,
  numOpenError: 0,
  numSuccess: 0,
  numExport: 0,
  numIgnore: 0,
  numPagesGenerated: 0,
  numPagesProcessed: 0,
} as const;

/** Adaptor types that read or write files; flows using them record the files on the flow job. */
const FILE_ADAPTORS = /^(FTP|S3|AS2|VAN|FileSystem)(Export|Import)$/;

export interface JobFile extends JsonObject {
  id: string;
  host: 's3';
  name: string;
}

/** The fields that tie a flow job to its flow. */
export function flowJobFields(flow: JsonObject): JsonObject {
  const exportId = flowStepIds(flow)[0];
  return {
    ...(typeof flow._integrationId === 'string' ? { _integrationId: flow._integrationId } : {}),
    ...(exportId ? { _exportId: exportId } : {}),
    _flowId: flow._id,
  };
}

/** The fields that tie a child job to its step and flow job. */
export function childJobFields(kind: 'export' | 'import', stepId: string, flowJobId: string, oIndex: number): JsonObject {
  return {
    [kind === 'export' ? '_exportId' : '_importId']: stepId,
    _flowJobId: flowJobId,
    oIndex,
    // Recorded import children always carry it (false unless EM 1.0 retry data exists); exports never.
    ...(kind === 'import' ? { retriable: false } : {}),
  };
}

/**
 * The files a finished run of `flow` moved, one per file-based step, or undefined when none is
 * (recorded on 48 of 161 flow jobs). Ids are derived from the job so a seed is stable.
 */
export function jobFiles(flow: JsonObject, jobId: string, at: Date, lookup: (id: string) => JsonObject | undefined): JobFile[] | undefined {
  const files: JobFile[] = [];
  for (const stepId of flowStepIds(flow)) {
    const step = lookup(stepId);
    if (!step || !FILE_ADAPTORS.test(asText(step.adaptorType ?? ''))) continue;
    const type = isObject(step.file) && typeof step.file.type === 'string' ? step.file.type : 'csv';
    const base = asText(step.name ?? 'file').replace(/[^\w.-]+/g, '-');
    files.push({
      id: createHash('sha256').update(`${jobId}:${stepId}`).digest('hex').slice(0, 32),
      host: 's3',
      name: `${base}-${at.toISOString().slice(0, 19).replace(/:/g, '')}.${type === 'filedefinition' ? 'txt' : type}`,
    });
  }
  return files.length ? files : undefined;
}
