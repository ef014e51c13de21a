/**
 * The only module in the project that performs HTTP. It owns the bearer token, the base
 * URL, JSON in and out, time-outs, cancellation, and retries:
 * - 429: waits for `Retry-After` and tries again, for any method (the request was refused,
 *   not processed), up to `maxRetries` times;
 * - 502/503/504 and connection resets: tries again with back-off, for idempotent requests only
 *   (GET, PUT, DELETE and POSTs marked idempotent, such as ping). A POST that creates or runs
 *   is never sent twice.
 * Errors are `IntegratorApiError`s whose text never holds the token.
 */
import * as http from 'http';
import * as https from 'https';
import fetch, { Headers, Response } from 'node-fetch';
import { ApiErrorDetail, IntegratorApiError, detailsFromJson, parseErrorBody, redact, redactDetails } from './errors';
import { normaliseBaseUrl } from './environments';
import { textField } from './types';
import { sleep } from './sleep';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | Date | undefined | null | ReadonlyArray<string | number>;
export type Query = Readonly<Record<string, QueryValue>>;

export interface TransportOptions {
  /** e.g. https://api.integrator.io/v1 or http://127.0.0.1:3000/v1 */
  baseUrl: string;
  token: string;
  /** Sent as Integrator-AShareId when working in an account shared with the token's user. */
  aShareId?: string;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for 429 and transient failures. Default 3. */
  maxRetries?: number;
  /** A Retry-After longer than this fails at once instead of waiting. Default 60 s. */
  maxRetryAfterSeconds?: number;
  /** First back-off delay for transient failures; doubles each time. Default 300 ms. */
  retryBaseDelayMs?: number;
  userAgent?: string;
  /** Called after every attempt: method, token-free URL, status (0 if none), time. For logs. */
  onAttempt?: (attempt: AttemptInfo) => void;
}

export interface AttemptInfo {
  method: HttpMethod;
  url: string;
  status: number;
  durationMs: number;
  attempt: number;
  error?: string;
}

export interface RequestOptions {
  method?: HttpMethod;
  /** A path below the base URL (`/flows`), or an absolute URL on the same origin (a next-page link). */
  path: string;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Whether sending it twice is harmless. Defaults: true for GET/PUT/DELETE, false for POST/PATCH. */
  idempotent?: boolean;
  /** Expect text rather than JSON (connection debug logs). */
  responseType?: 'json' | 'text';
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  /** Parsed JSON (or text); undefined for 204 and empty bodies. */
  body: T;
}

const TRANSIENT_STATUSES = new Set([502, 503, 504]);
const KNOWN_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND']);
/** Codes of a connection that dropped mid-request: worth one more try when idempotent. */
const DROPPED_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE']);
/** Network errors raised for a dropped connection (as opposed to, say, an unknown host). */
const droppedConnections = new WeakSet<IntegratorApiError>();

export class Transport {
  readonly baseUrl: string;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly token: string;
  private readonly options: Required<Omit<TransportOptions, 'aShareId' | 'onAttempt' | 'baseUrl' | 'token'>> &
    Pick<TransportOptions, 'aShareId' | 'onAttempt'>;
  private readonly agent: http.Agent | https.Agent;

  constructor(options: TransportOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    const parsed = new URL(this.baseUrl);
    this.origin = parsed.origin;
    this.basePath = parsed.pathname.replace(/\/+$/, '');
    this.token = options.token;
    this.options = {
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 3,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 300,
      userAgent: options.userAgent ?? 'integrator-io-vscode',
      aShareId: options.aShareId,
      onAttempt: options.onAttempt,
    };
    const agentOptions = { keepAlive: true, maxSockets: 8 };
    this.agent = parsed.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  /** Closes idle keep-alive sockets. */
  dispose(): void {
    this.agent.destroy();
  }

  async request<T>(req: RequestOptions): Promise<ApiResponse<T>> {
    const method = req.method ?? 'GET';
    const url = this.resolve(req.path, req.query);
    const path = new URL(url).pathname;
    const idempotent = req.idempotent ?? (method === 'GET' || method === 'PUT' || method === 'DELETE');
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.options.maxRetries;
      let outcome: Attempt<T>;
      try {
        outcome = await this.attempt<T>(method, url, path, req, attempt);
      } catch (err) {
        if (canRetry && idempotent && err instanceof IntegratorApiError && droppedConnections.has(err)) {
          await pause(this.backoff(attempt), req.signal, method, path);
          continue;
        }
        throw err;
      }
      if (outcome.kind === 'ok') return outcome.response;
      const error = outcome.error;
      if (canRetry && error.status === 429) {
        const wait = error.retryAfterSeconds ?? 1;
        if (wait > this.options.maxRetryAfterSeconds) throw error;
        await pause(wait * 1000, req.signal, method, path);
        continue;
      }
      if (canRetry && idempotent && TRANSIENT_STATUSES.has(error.status)) {
        const asked = error.retryAfterSeconds;
        const wait = asked !== undefined && asked <= this.options.maxRetryAfterSeconds ? asked * 1000 : this.backoff(attempt);
        await pause(wait, req.signal, method, path);
        continue;
      }
      throw error;
    }
  }

  /** Builds the absolute URL of a request. Absolute URLs must stay on the API's origin. */
  resolve(pathOrUrl: string, query?: Query): string {
    let url: URL;
    if (/^https?:\/\//i.test(pathOrUrl)) {
      url = new URL(pathOrUrl);
      if (url.origin !== this.origin) {
        // Following a link to another host would hand it the bearer token.
        throw new IntegratorApiError({
          status: 0,
          method: 'GET',
          path: url.pathname,
          errors: [{ code: 'refused_url', message: `Refusing to follow a link to another host (${url.host}).` }],
        });
      }
    } else {
      // `nextPageURL`s of error lists are UI-style (`/api/flows/…`); map them onto the base path.
      const relative = pathOrUrl.replace(/^\/api\//, '/').replace(/^(?!\/)/, '/');
      const alreadyBased = this.basePath && (relative === this.basePath || relative.startsWith(`${this.basePath}/`));
      url = new URL(this.origin + (alreadyBased ? relative : this.basePath + relative));
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) url.searchParams.append(key, v instanceof Date ? v.toISOString() : String(v));
    }
    return url.toString();
  }

  private async attempt<T>(method: HttpMethod, url: string, path: string, req: RequestOptions, attempt: number): Promise<Attempt<T>> {
    if (req.signal?.aborted) throw aborted(method, path);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const started = Date.now();
    let status = 0;
    try {
      const response = await fetch(url, {
        method,
        headers: this.headers(req.body !== undefined),
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
        agent: this.agent,
        // The API does not redirect; a redirect could carry the token elsewhere.
        redirect: 'manual',
      });
      status = response.status;
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) {
        // The one place the client trusts the API: a body is taken to be the shape the caller names
        // (resources.ts, jobs.ts…); what a caller reads from an account's documents it checks there.
        const body = this.parseBody(text, response, req, method, path) as T;
        return { kind: 'ok', response: { status, headers: response.headers, body } };
      }
      return { kind: 'error', error: this.httpError(response, text, method, path) };
    } catch (err) {
      if (err instanceof IntegratorApiError) throw err;
      if (timedOut) {
        throw new IntegratorApiError({
          status: 0,
          method,
          path,
          errors: [{ code: 'timeout', message: `No answer within ${Math.round(timeoutMs / 100) / 10} s.` }],
        });
      }
      if (req.signal?.aborted) throw aborted(method, path);
      throw networkError(err, method, path, this.token);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      this.options.onAttempt?.({ method, url, status, durationMs: Date.now() - started, attempt });
    }
  }

  private headers(hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
    };
    if (hasBody) headers['Content-Type'] = 'application/json; charset=utf-8';
    if (this.options.aShareId) headers['Integrator-AShareId'] = this.options.aShareId;
    return headers;
  }

  private parseBody(text: string, response: Response, req: RequestOptions, method: HttpMethod, path: string): unknown {
    if (response.status === 204 || text.length === 0) return undefined;
    if (req.responseType === 'text') return text;
    try {
      return JSON.parse(text);
    } catch {
      const type = response.headers.get('content-type') ?? 'unknown type';
      throw new IntegratorApiError({
        status: response.status,
        method,
        path,
        errors: [{ code: 'invalid_response', message: `The server answered with something that is not JSON (${type}).` }],
      });
    }
  }

  private httpError(response: Response, text: string, method: HttpMethod, path: string): IntegratorApiError {
    let errors: ApiErrorDetail[] =
      response.status >= 300 && response.status < 400
        ? [{ code: String(response.status), message: `Unexpected redirect to ${response.headers.get('location') ?? 'nowhere'}.` }]
        : parseErrorBody(response.status, response.statusText, text);
    errors = redactDetails(errors, this.token);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return new IntegratorApiError({
      status: response.status,
      method,
      path,
      errors,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }

  private backoff(attempt: number): number {
    const base = this.options.retryBaseDelayMs * 2 ** attempt;
    return base + Math.floor(Math.random() * base * 0.25);
  }
}

type Attempt<T> = { kind: 'ok'; response: ApiResponse<T> } | { kind: 'error'; error: IntegratorApiError };

/** Retry-After is whole seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function aborted(method: string, path: string): IntegratorApiError {
  return new IntegratorApiError({ status: 0, method, path, errors: [{ code: 'aborted', message: 'The request was cancelled.' }] });
}

function networkError(err: unknown, method: string, path: string, token: string): IntegratorApiError {
  // A system error's code is text (`ECONNRESET`); its errno is a number, or text in older fetch errors.
  const code = textField(err, 'code') ?? textField(err, 'errno');
  const known = code && KNOWN_NETWORK_CODES.has(code);
  const message = redact(textField(err, 'message') ?? String(err), token);
  const error = new IntegratorApiError({
    status: 0,
    method,
    path,
    errors: [{ code: 'network_error', message: known ? `${friendlyNetworkMessage(code)} (${code})` : message }],
  });
  if (code && DROPPED_CONNECTION_CODES.has(code)) droppedConnections.add(error);
  return error;
}

function friendlyNetworkMessage(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'Could not connect: nothing is listening at that address';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'Could not find the host; check the region or base URL and the network';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'The connection was closed before an answer arrived';
    default:
      return 'The network failed';
  }
}

function pause(ms: number, signal: AbortSignal | undefined, method: string, path: string): Promise<void> {
  return sleep(ms, signal, () => aborted(method, path));
}

/** Error details found inside a 2xx body (ping failures come back that way). */
export function errorsInBody(body: unknown): ApiErrorDetail[] {
  return detailsFromJson(body);
}
