/**
 * The sandbox HTTP server: an integrator.io-compatible API on loopback. It checks the bearer
 * token, applies fault switches, parses JSON bodies (415 for other types, 400 for bad JSON),
 * routes to the route modules, and answers in the API's shapes and error envelope.
 */
import { randomBytes, timingSafeEqual } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { AccountData, DEFAULT_USER } from './account';
import { SandboxError } from './apiError';
import { defaultFaults, FaultRule, FaultSettings, parseFaultSettings, takeFault } from './faults';
import { Reply, RequestContext, RouteModule, RouteTable } from './http';
import { DEFAULT_TIMING, JobEngine, JobTiming } from './jobs';
import { AtomicJsonFile } from './persistence';
import { RateLimiter } from './rateLimiter';
import { ResourceService } from './resourceService';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { connectionRoutes } from './routes/connections';
import { errorRoutes } from './routes/errors';
import { flowRoutes } from './routes/flows';
import { jobRoutes } from './routes/jobs';
import { resourceRoutes } from './routes/resources';
import { retryRoutes } from './routes/retries';
import { seedAccount } from './seed';
import { SignedFiles } from './signedFiles';
import { SandboxSettings, SandboxServices } from './services';
import { Store } from './store';
import { upgradeAccount } from './upgrade';

export interface SandboxOptions {
  /** The bearer token clients must send. */
  token: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Always loopback unless a test says otherwise. */
  host?: string;
  /** `demo` (default), `empty` or `large:N`; used when there is no data file yet. */
  seed?: string;
  /** Keep the account in this JSON file (loaded if it exists). */
  dataFile?: string;
  settings?: Partial<Omit<SandboxSettings, 'token' | 'timing'>> & { timing?: Partial<JobTiming> };
  faults?: Partial<FaultSettings>;
  /** A leaky bucket per account, as the real API has: capacity and refill per second. */
  rateLimit?: { capacity: number; refillPerSecond: number };
  /** Where to write one line per notable event (never the token). */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  port: number;
  services: SandboxServices;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const REQUEST_LOG_SIZE = 2000;
const ROUTE_MODULES: RouteModule[] = [
  resourceRoutes,
  flowRoutes,
  jobRoutes,
  retryRoutes,
  errorRoutes,
  connectionRoutes,
  accountRoutes,
  adminRoutes,
];

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (!options.token) throw new Error('The sandbox needs a token (--token).');
  const log = options.log ?? (() => undefined);
  const store = loadStore(options, log);
  const settings: SandboxSettings = {
    token: options.token,
    pageSize: 1000,
    maxPageSize: 1000,
    errorPageSize: 100,
    jobsPageCap: 1000,
    validationStatus: 422,
    patchStatus: 204,
    exportSecret: randomBytes(16).toString('hex'),
    ...options.settings,
    timing: { ...DEFAULT_TIMING, ...options.settings?.timing },
  };
  const faults = { current: parseFaultSettings(options.faults ?? {}, defaultFaults()) };
  const services: SandboxServices = {
    store,
    settings,
    faults,
    resources: new ResourceService(store, settings.validationStatus),
    jobs: new JobEngine(store, settings.timing, () => faults.current),
    signedFiles: new SignedFiles(),
    requestLog: [],
  };
  const routes = new RouteTable();
  for (const register of ROUTE_MODULES) register(routes, services);
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit.capacity, options.rateLimit.refillPerSecond) : undefined;

  const server = http.createServer((req, res) => {
    handle(req, res, { routes, services, limiter, origin: originOf(server), log }).catch((err: unknown) => {
      log(`sandbox: unexpected failure: ${err instanceof Error && err.stack !== undefined ? err.stack : String(err)}`);
      if (!res.headersSent) send(res, { status: 500, body: envelope('internal_error', 'The sandbox failed to answer.') });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = addressOf(server)?.port;
  if (port === undefined) throw new Error('The sandbox is not listening on a port.');
  const baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}/v1`;
  log(`sandbox: listening at ${baseUrl}`);

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    port,
    services,
    close: () =>
      (closing ??= (async () => {
        services.jobs.dispose();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.commit();
        await store.flush();
      })()),
  };
}

function loadStore(options: SandboxOptions, log: (line: string) => void): Store {
  const seed = options.seed ?? 'demo';
  if (!options.dataFile) return new Store(seedAccount(seed, DEFAULT_USER));
  const holder: { store?: Store } = {};
  const file = new AtomicJsonFile<AccountData>(options.dataFile, () => holder.store!.data);
  const loaded = file.load();
  const saved = loaded ? upgradeAccount(loaded) : undefined;
  const store = (holder.store = new Store(saved ?? seedAccount(seed, DEFAULT_USER)));
  store.attachFile(file);
  log(saved ? `sandbox: loaded ${options.dataFile}` : `sandbox: seeded "${seed}" into ${options.dataFile}`);
  if (!saved) void store.commit();
  return store;
}

interface ServerParts {
  routes: RouteTable;
  services: SandboxServices;
  limiter: RateLimiter | undefined;
  origin: string;
  log: (line: string) => void;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, parts: ServerParts): Promise<void> {
  const { routes, services } = parts;
  const arrived = new Date();
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const method = (req.method ?? 'GET').toUpperCase();
  const signed = /^\/signed\/([0-9a-f]+)$/.exec(url.pathname);
  if (signed && method === 'GET') return sendSignedFile(res, services, signed[1]!);
  const prefixMatch = /^\/(v1|api)(\/.*)?$/.exec(url.pathname);
  if (!prefixMatch) return send(res, { status: 404, body: envelope('not_found', 'Unknown path; the API lives under /v1.') });
  const prefix = `/${prefixMatch[1]}`;
  const path = decodePath(prefixMatch[2] ?? '/');
  const isAdmin = path.startsWith('/_sandbox');

  if (!authorised(req.headers.authorization, services.settings.token)) {
    return send(res, {
      status: 401,
      body: envelope('unauthorized', 'Invalid or missing bearer token.'),
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }

  const faults = services.faults.current;
  if (!isAdmin) {
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    const fault = takeFault(faults, method, path);
    if (fault) {
      // Logged on arrival, so a test can tell how long a client waited before trying again.
      logRequest(services, arrived, method, path, url.search, faultStatus(fault), undefined, fault);
      if (applyFault(fault, req, res)) return;
    }
    if (parts.limiter && !parts.limiter.take()) {
      const wait = parts.limiter.secondsUntilAvailable();
      return send(res, {
        status: 429,
        headers: { 'Retry-After': String(wait) },
        body: envelope('rate_limited', `Too many requests. Retry after ${wait} seconds.`),
      });
    }
  }

  let reply: Reply;
  let body: unknown;
  const mark = services.store.mark();
  try {
    body = await readBody(req, method);
    const found = routes.find(method, path);
    if (!found) {
      throw routes.hasPath(path)
        ? new SandboxError(405, [{ code: 'method_not_allowed', message: `${method} is not supported on ${path}.` }])
        : SandboxError.notFound('Resource');
    }
    const ctx: RequestContext = {
      method,
      path,
      params: found.params,
      query: url.searchParams,
      body,
      linkBase: parts.origin + prefix,
      origin: parts.origin,
      prefix,
    };
    reply = await found.handler(ctx);
  } catch (err) {
    // Whatever the handler changed before it failed is undone: a refused write changes nothing.
    services.store.rollbackTo(mark);
    if (!(err instanceof SandboxError)) throw err;
    reply = { status: err.status, body: { errors: err.errors }, headers: err.headers };
  }
  if (!isAdmin) logRequest(services, arrived, method, path, url.search, reply.status, body);
  send(res, reply);
}

/** A download behind a signed URL: no bearer token (the URL is the credential), 403 once expired. */
function sendSignedFile(res: http.ServerResponse, services: SandboxServices, token: string): void {
  const file = services.signedFiles.get(token);
  if (!file) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('AccessDenied: the signed URL has expired or was never issued.');
    return;
  }
  send(res, {
    status: 200,
    text: file.body,
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName.replace(/"/g, '')}"` },
  });
}

/** The status a fault answers with; 0 when the connection is dropped without an answer. */
function faultStatus(fault: FaultRule): number {
  if (fault.kind === 'rate_limit') return 429;
  if (fault.kind === 'status') return fault.status ?? 503;
  return 0;
}

/** Answers for a fault; true when the request is done with. */
function applyFault(fault: FaultRule, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  switch (fault.kind) {
    case 'rate_limit': {
      const wait = fault.retryAfter ?? 1;
      send(res, {
        status: 429,
        headers: { 'Retry-After': String(wait) },
        body: envelope('rate_limited', `Too many requests. Retry after ${wait} seconds.`),
      });
      return true;
    }
    case 'status': {
      const status = fault.status ?? 503;
      // Gateways answer with HTML, the API itself with its envelope.
      if (status === 502 || status === 504) {
        res.writeHead(status, { 'Content-Type': 'text/html' });
        res.end(
          `<html><head><title>${status} ${http.STATUS_CODES[status]}</title></head><body><h1>${http.STATUS_CODES[status]}</h1></body></html>`,
        );
      } else {
        send(res, {
          status,
          body: envelope(status === 503 ? 'service_unavailable' : 'server_error', `The server could not handle the request (${status}).`),
        });
      }
      return true;
    }
    case 'drop':
      req.socket.destroy();
      return true;
    case 'stall':
      setTimeout(() => req.socket.destroy(), fault.stallMs ?? 10_000).unref();
      return true;
    default:
      return false;
  }
}

function authorised(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!.trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: http.IncomingMessage, method: string): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    // Without setEncoding(), a request streams Buffers.
    if (!Buffer.isBuffer(chunk)) throw new Error('The request body did not arrive as bytes.');
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new SandboxError(413, [{ code: 'payload_too_large', message: 'The request body is larger than 5 MB.' }]);
    chunks.push(chunk);
  }
  if (size === 0 || method === 'GET') return undefined;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/([\w.+-]+\+)?json\b/.test(type)) {
    throw new SandboxError(415, [{ code: 'unsupported_media_type', message: 'Send JSON with Content-Type: application/json.' }]);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw SandboxError.badRequest(
      'invalid_json',
      `The request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.status !== 204) {
    if (reply.text !== undefined) {
      payload = reply.text;
      headers['Content-Type'] ??= 'text/plain; charset=utf-8';
    } else if (reply.body !== undefined) {
      payload = JSON.stringify(reply.body);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function logRequest(
  services: SandboxServices,
  arrived: Date,
  method: string,
  path: string,
  query: string,
  status: number,
  body: unknown,
  fault?: FaultRule,
): void {
  const log = services.requestLog;
  log.push({
    time: arrived.toISOString(),
    method,
    path,
    query,
    status,
    ...(body !== undefined ? { body } : {}),
    ...(fault ? { fault: fault.kind } : {}),
    ...(fault?.kind === 'rate_limit' ? { retryAfter: fault.retryAfter ?? 1 } : {}),
  });
  if (log.length > REQUEST_LOG_SIZE) log.splice(0, log.length - REQUEST_LOG_SIZE);
}

function envelope(code: string, message: string): { errors: { code: string; message: string }[] } {
  return { errors: [{ code, message }] };
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Where the server listens: an address and a port (a string would be a pipe's path; it never listens on one). */
function addressOf(server: http.Server): AddressInfo | undefined {
  const address = server.address();
  return address === null || typeof address === 'string' ? undefined : address;
}

function originOf(server: http.Server): string {
  const address = addressOf(server);
  return address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : '';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
