/**
 * The retry data of one error, as a document:
 *
 *   integrator-io-retry://<environment id>/<flow id>/<step id>/<retryDataKey>/<label>.retrydata.json
 *
 * The tab shows the label (the step and the error's code), the key stays in the path. Without a
 * label the key is the file name: `…/<step id>/<retryDataKey>.retrydata.json`.
 */
import { RETRY_DATA_SCHEME } from './schemes';
import { isIdSegment, safeSegment, segmentsOf, UriParts, uriParts } from './uriParts';

export interface RetryDataRef {
  envId: string;
  flowId: string;
  stepId: string;
  retryDataKey: string;
  /** What its tab says, e.g. "NetSuite - Create Sales Orders – INVALID_FIELD" (the step and the error's code). */
  label?: string;
}

const SUFFIX = '.retrydata.json';

export function retryDataUriParts(ref: RetryDataRef): UriParts {
  const file = ref.label ? `${ref.retryDataKey}/${safeSegment(ref.label)}` : ref.retryDataKey;
  return uriParts(RETRY_DATA_SCHEME, { authority: ref.envId, path: `/${ref.flowId}/${ref.stepId}/${file}${SUFFIX}` });
}

/** The error whose retry data a URI names (without its label); undefined for anything else, never an id of `..`. */
export function parseRetryDataUri(uri: UriParts): RetryDataRef | undefined {
  if (uri.scheme !== RETRY_DATA_SCHEME || !uri.authority) return undefined;
  const labelled = segmentsOf(uri.path, 4);
  const [flowId, stepId, last] = labelled ?? segmentsOf(uri.path, 3) ?? [];
  const retryDataKey = labelled || !last?.endsWith(SUFFIX) ? last : last.slice(0, -SUFFIX.length);
  if (!isIdSegment(flowId) || !isIdSegment(stepId) || !isIdSegment(retryDataKey)) return undefined;
  return { envId: uri.authority, flowId, stepId, retryDataKey };
}
