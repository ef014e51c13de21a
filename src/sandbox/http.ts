/**
 * The pieces of the sandbox's HTTP layer that route modules share: the request context a
 * handler gets, the reply it returns, and the route table it registers into.
 */
import FindMyWay from 'find-my-way';
import { SandboxServices } from './services';

export interface RequestContext {
  method: string;
  /** The path below the version prefix, e.g. `/flows/abc/run`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown;
  /** `http://127.0.0.1:port/v1` (or `/api` when the request came in that way), for links. */
  linkBase: string;
  /** `http://127.0.0.1:port`, for URLs outside the API (signed downloads). */
  origin: string;
  /** `/v1` or `/api`. */
  prefix: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** A plain-text body instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export type RouteModule = (routes: RouteTable, services: SandboxServices) => void;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type RouterHandler = FindMyWay.Handler<FindMyWay.HTTPVersion.V1>;

function isMethod(method: string): method is Method {
  return METHODS.some((m) => m === method);
}

export class RouteTable {
  private readonly router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true, maxParamLength: 500 });
  /** find-my-way matches paths and calls handlers of its own signature: each route's is a key to ours. */
  private readonly handlers = new Map<RouterHandler, Handler>();

  add(method: Method | Method[], path: string, handler: Handler): void {
    const key: RouterHandler = () => undefined;
    this.handlers.set(key, handler);
    this.router.on(method, path, key);
  }

  find(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    // A method no route uses has no routes (find-my-way has no tree for it either).
    const found = isMethod(method) ? this.router.find(method, path) : null;
    const handler = found && this.handlers.get(found.handler);
    if (!found || !handler) return undefined;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(found.params)) if (value !== undefined) params[name] = value;
    return { handler, params };
  }

  /** Whether any method serves this path (for 405 against 404). */
  hasPath(path: string): boolean {
    return METHODS.some((m) => this.router.find(m, path));
  }
}

/** A parameter the route's path names (`:id`): there whenever the route matched. */
export function param(ctx: RequestContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`The route has no :${name}.`);
  return value;
}

export const ok = (body?: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, ...(headers ? { headers } : {}) });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
