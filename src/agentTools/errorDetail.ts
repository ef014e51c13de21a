/**
 * One open error in depth, as the errors view shows it on a click: the error, the record that
 * failed (its retry data, by `retryDataKey`) and the HTTP request and response behind it (by
 * `reqAndResKey`, on steps that talk HTTP). Bodies are cut; credential headers and query
 * parameters are shown as "******" whatever the API sent, since a model's context is no place
 * for a password.
 */
import { IntegratorClient } from '../api';
import { ErrorQuery } from '../api/errorManagement';
import { ErrorRecord, HttpExchange, isJsonObject, MASK, textField } from '../api/types';
import { cutText } from '../model/accountText';

/** Errors looked through for one id: an older error is found by narrowing the window (since/until). */
export const MAX_SCANNED = 5000;
/** A body longer than this is cut: a page of a thousand records says nothing more in full. */
const MAX_BODY = 6000;
/** The failing record as JSON text past this is cut text rather than an object. */
const MAX_RECORD = 8000;
const MAX_HEADER = 500;
const MAX_HEADERS = 50;
const MAX_URL = 2000;

/** Header and query parameter names that carry credentials (Authorization, cookies, API keys, tokens, signatures). */
const CREDENTIAL = /auth|cookie|api[-_]?key|token|secret|passw|signature|session|credential/i;

export interface ErrorAt {
  flowId: string;
  stepId: string;
  errorId: string;
}

/** The error, its retry data and its HTTP exchange; `undefined` when no open error has the id among the first MAX_SCANNED. */
export async function readErrorDetail(
  client: IntegratorClient,
  at: ErrorAt,
  query: ErrorQuery,
  errorOf: (error: ErrorRecord) => object,
  signal?: AbortSignal,
): Promise<{ scanned: number; detail?: object }> {
  let scanned = 0;
  let found: ErrorRecord | undefined;
  for await (const page of client.errors.list(at.flowId, at.stepId, query, { signal })) {
    scanned += page.length;
    found = page.find((e) => isJsonObject(e) && textField(e, 'errorId') === at.errorId);
    if (found || scanned >= MAX_SCANNED) break;
  }
  if (!found) return { scanned };
  const retryDataKey = textField(found, 'retryDataKey');
  const reqAndResKey = textField(found, 'reqAndResKey');
  // Each is read on its own: retry data gone (purged, retried) does not hide the HTTP exchange.
  const [retryData, http] = await Promise.all([
    retryDataKey ? settle(() => client.errors.getRetryData(at.flowId, at.stepId, retryDataKey, { signal })) : undefined,
    reqAndResKey ? settle(() => client.errors.httpExchange(at.flowId, at.stepId, reqAndResKey, { signal })) : undefined,
  ]);
  return {
    scanned,
    detail: {
      ...errorOf(found),
      retryData: retryData === undefined ? { none: 'This error has no retry data.' } : retryDataOf(retryData),
      http:
        http === undefined ? { none: 'This error has no HTTP request (its step does not talk HTTP, or nothing was sent).' } : httpOf(http),
    },
  };
}

type Settled<T> = { value: T } | { failure: string };

async function settle<T>(read: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { value: await read() };
  } catch (err) {
    return { failure: cutText(err instanceof Error ? err.message : String(err), MAX_HEADER) };
  }
}

function retryDataOf(settled: Settled<unknown>) {
  if ('failure' in settled) return { unread: settled.failure };
  const body = settled.value;
  const record = isJsonObject(body) && 'data' in body ? body.data : body;
  const text = JSON.stringify(record) ?? '';
  return {
    ...(isJsonObject(body) && textField(body, 'stage') ? { stage: cutText(textField(body, 'stage')!, MAX_HEADER) } : {}),
    ...(isJsonObject(body) && textField(body, 'traceKey') ? { traceKey: cutText(textField(body, 'traceKey')!, MAX_HEADER) } : {}),
    ...(text.length > MAX_RECORD ? { recordText: cutText(text, MAX_RECORD) } : { record }),
  };
}

function httpOf(settled: Settled<HttpExchange>) {
  if ('failure' in settled) return { unread: settled.failure };
  const { request, response, time } = settled.value;
  const req = isJsonObject(request) ? request : {};
  const res = isJsonObject(response) ? response : {};
  return {
    ...(typeof time === 'string' ? { time: cutText(time, MAX_HEADER) } : {}),
    request: {
      ...(textField(req, 'method') ? { method: cutText(textField(req, 'method')!, 20) } : {}),
      ...(textField(req, 'url') ? { url: maskedUrl(textField(req, 'url')!) } : {}),
      headers: headersOf(req.headers),
      ...bodyOf(req.body),
    },
    response: {
      ...(typeof res.statusCode === 'number' ? { statusCode: res.statusCode } : {}),
      headers: headersOf(res.headers),
      ...bodyOf(res.body),
    },
  };
}

/** Headers as text, a credential's value shown as "******" whatever the API sent (masked or not). */
export function headersOf(headers: unknown): Record<string, string> {
  if (!isJsonObject(headers)) return {};
  // fromEntries, not assignment: a header named __proto__ is a header, not the object's prototype.
  return Object.fromEntries(
    Object.entries(headers)
      .slice(0, MAX_HEADERS)
      .map(([name, value]) => [
        cutText(name, 100),
        CREDENTIAL.test(name) ? MASK : cutText(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''), MAX_HEADER),
      ]),
  );
}

/** A URL with each credential-named query parameter (api_key, token, signature) shown as "******". */
export function maskedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return cutText(text, MAX_URL);
  }
  for (const name of [...new Set(url.searchParams.keys())]) if (CREDENTIAL.test(name)) url.searchParams.set(name, MASK);
  if (url.username || url.password) [url.username, url.password] = [MASK, MASK];
  return cutText(url.toString(), MAX_URL);
}

function bodyOf(body: unknown) {
  if (body === undefined || body === null || body === '') return {};
  return { body: cutText(typeof body === 'string' ? body : JSON.stringify(body), MAX_BODY) };
}
