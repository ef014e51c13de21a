/**
 * One error type for everything that can go wrong when talking to integrator.io:
 * API errors in the `{"errors":[{code,message,field}]}` envelope, non-JSON failures
 * (HTML error pages from a proxy), network failures, time-outs and cancellation.
 */

/** One entry of the API's error envelope. */
export interface ApiErrorDetail {
  code: string;
  message: string;
  field?: string;
}

export class IntegratorApiError extends Error {
  override readonly name = 'IntegratorApiError';
  /** HTTP status, or 0 when no response arrived (network error, time-out, cancel). */
  readonly status: number;
  /** The first error's code (API codes are strings; ping failures carry numbers, kept as text). */
  readonly code: string;
  /** The first error's field, when the API named one. */
  readonly field: string | undefined;
  /** Every error the API returned; several validation errors come back at once. */
  readonly errors: readonly ApiErrorDetail[];
  readonly method: string;
  /** Path of the request, without host or query, safe to show. */
  readonly path: string;
  /** Seconds the server asked to wait (429/503), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { status: number; errors: ApiErrorDetail[]; method: string; path: string; retryAfterSeconds?: number }) {
    const first = init.errors[0] ?? { code: 'unknown', message: 'Unknown error' };
    super(describe(init.method, init.path, init.status, init.errors));
    this.status = init.status;
    this.code = first.code;
    this.field = first.field;
    this.errors = init.errors;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Worth trying again later: rate limits, gateway errors, network trouble, time-outs. */
  get isTransient(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500 || this.code === 'network_error' || this.code === 'timeout';
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isCancelled(): boolean {
    return this.code === 'aborted';
  }

  /** The API's messages alone, each field error prefixed with its field: for people. */
  get userMessage(): string {
    return this.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('\n');
  }
}

function describe(method: string, path: string, status: number, errors: ApiErrorDetail[]): string {
  const messages = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
  const statusText = status === 0 ? (errors[0]?.code ?? 'error') : String(status);
  return `${method} ${path} failed (${statusText}): ${messages}`;
}

/** The longest piece of a non-JSON error body that goes into a message. */
const MAX_TEXT_MESSAGE = 300;

/**
 * Reads an error response body into error details. Accepts the documented envelope,
 * a single `{code,message}` object, or anything else (HTML, plain text) as a message.
 */
export function parseErrorBody(status: number, statusText: string, text: string): ApiErrorDetail[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const errors = detailsFromJson(JSON.parse(trimmed));
      if (errors.length > 0) return errors;
    } catch {
      // Not JSON after all; fall through to the text form.
    }
  }
  const message = textMessage(trimmed) || statusText || `HTTP ${status}`;
  return [{ code: status ? String(status) : 'unknown', message }];
}

/** Error details from a parsed JSON value, or [] when it holds none. */
export function detailsFromJson(value: unknown): ApiErrorDetail[] {
  if (!value || typeof value !== 'object') return [];
  const list = 'errors' in value ? value.errors : undefined;
  const items = Array.isArray(list) ? list : 'message' in value && 'code' in value ? [value] : [];
  return items
    .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    .map((item) => {
      const detail: ApiErrorDetail = {
        code: typeof item.code === 'string' || typeof item.code === 'number' ? String(item.code) : 'unknown',
        message: typeof item.message === 'string' ? item.message : JSON.stringify(item.message ?? ''),
      };
      if (typeof item.field === 'string') detail.field = item.field;
      return detail;
    });
}

/** A short readable message from an HTML page or plain text. */
function textMessage(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return plain.length > MAX_TEXT_MESSAGE ? `${plain.slice(0, MAX_TEXT_MESSAGE)}…` : plain;
}

/** What went wrong, as a sentence: an error's message, or anything else thrown as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Removes every occurrence of the secret from a text (a server may echo a token back). */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}

export function redactDetails(details: ApiErrorDetail[], secret: string | undefined): ApiErrorDetail[] {
  return details.map((d) => {
    const out: ApiErrorDetail = { code: redact(d.code, secret), message: redact(d.message, secret) };
    if (d.field !== undefined) out.field = redact(d.field, secret);
    return out;
  });
}
