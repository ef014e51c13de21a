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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class RouteTable {
  private readonly router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true, maxParamLength: 500 });

  add(method: Method | Method[], path: string, handler: Handler): void {
    // find-my-way types handlers by its own signature; this router stores ours and gives them back in find() below.
    this.router.on(method, path, handler as unknown as FindMyWay.Handler<FindMyWay.HTTPVersion.V1>);
  }

  find(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    const found = this.router.find(method as FindMyWay.HTTPMethod, path);
    if (!found) return undefined;
    // What add() stored: our handler, typed as find-my-way's.
    return { handler: found.handler as unknown as Handler, params: found.params as Record<string, string> };
  }

  /** Whether any method serves this path (for 405 against 404). */
  hasPath(path: string): boolean {
    return (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).some((m) => this.router.find(m, path));
  }
}

export const ok = (body?: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, ...(headers ? { headers } : {}) });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
