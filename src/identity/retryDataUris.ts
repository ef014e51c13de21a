/**
 * The retry data of one error, as a document:
 *
 *   integrator-io-retry://<environment id>/<flow id>/<step id>/<retryDataKey>/<label>.retrydata.json
 *
 * The flow, step and key are percent-encoded (`encodeSegment`): they come from the account, and a
 * `/` in one must not shift the parts into another error's. The label is what the tab shows (the
 * step and the error's code, else the key) and is never read back. The older shape without a
 * label, `…/<step id>/<retryDataKey>.retrydata.json`, is still read (tabs open before an update).
 */
import { RETRY_DATA_SCHEME } from './schemes';
import { decodeSegment, encodeSegment, isIdSegment, safeSegment, segmentsOf, UriParts, uriParts } from './uriParts';

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
  const ids = [ref.flowId, ref.stepId, ref.retryDataKey].map(encodeSegment).join('/');
  // Always a label, so that the key never doubles as the file name (an empty label is the key).
  const label = safeSegment(ref.label || ref.retryDataKey);
  return uriParts(RETRY_DATA_SCHEME, { authority: ref.envId, path: `/${ids}/${label}${SUFFIX}` });
}

/** The error whose retry data a URI names (without its label); undefined for anything else, never an id of `..`. */
export function parseRetryDataUri(uri: UriParts): RetryDataRef | undefined {
  if (uri.scheme !== RETRY_DATA_SCHEME || !uri.authority) return undefined;
  const labelled = segmentsOf(uri.path, 4);
  const segments = labelled ?? segmentsOf(uri.path, 3);
  const last = segments?.[segments.length - 1];
  if (!segments || !last?.endsWith(SUFFIX)) return undefined;
  const encoded = labelled ? segments.slice(0, 3) : [segments[0], segments[1], last.slice(0, -SUFFIX.length)];
  const [flowId, stepId, retryDataKey] = encoded.map((segment) => decodeSegment(segment ?? ''));
  if (!isIdSegment(flowId) || !isIdSegment(stepId) || !isIdSegment(retryDataKey)) return undefined;
  return { envId: uri.authority, flowId, stepId, retryDataKey };
}
