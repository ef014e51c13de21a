/**
 * The API's three ways of paging, each turned into an async iterator of pages so a caller
 * (a tree) can show the first page before the last one arrives:
 * - resource lists: `Link: <url>; rel="next"`, followed as an opaque URL;
 * - error lists: `nextPageURL` in the JSON body;
 * - jobs: no link at all; the next page is asked for with `createdAt_lte` = last createdAt − 1 ms.
 * A `204` with no body is an empty list.
 */
import { IntegratorApiError } from './errors';
import { ApiResponse, Query, Transport } from './transport';

export interface PageOptions {
  signal?: AbortSignal;
}

/** Parses an RFC 5988 Link header into rel → URL. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  // Split on commas that start a new <…> entry (URLs may hold commas in their query).
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const [, url, params] = match;
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params ?? '')?.[1];
    if (rel && url !== undefined) for (const name of rel.trim().split(/\s+/)) links[name] = url;
  }
  return links;
}

/** One page of a Link-paged list, with the opaque URL of the next page when there is one. */
export interface Page<T> {
  items: T[];
  next?: string;
}

/** Fetches one page: a path with its query, or a `next` URL from an earlier page (which carries its own query). */
export async function fetchLinkPage<T>(
  transport: Transport,
  pathOrNext: string,
  query: Query | undefined,
  options: PageOptions = {},
): Promise<Page<T>> {
  const response: ApiResponse<T[] | undefined> = await transport.request<T[] | undefined>({
    path: pathOrNext,
    query,
    signal: options.signal,
  });
  const items = response.body ?? [];
  if (!Array.isArray(items)) throw notAList(pathOrNext);
  const next = parseLinkHeader(response.headers.get('link')).next;
  return next ? { items, next } : { items };
}

/** Pages of a Link-paged list (most resource lists, audit). */
export async function* linkPages<T>(
  transport: Transport,
  path: string,
  query: Query | undefined,
  options: PageOptions = {},
): AsyncGenerator<T[]> {
  let page = await fetchLinkPage<T>(transport, path, query, options);
  yield page.items;
  const seen = new Set<string>();
  while (page.next) {
    // A server that links back to a page already read would keep a caller busy forever.
    if (seen.has(page.next)) throw pagingLoop(path);
    seen.add(page.next);
    page = await fetchLinkPage<T>(transport, page.next, undefined, options);
    yield page.items;
  }
}

/** A `nextPageURL`-paged body: the list under its key, and the next page's link. */
type NextPageBody<T> = Partial<Record<string, T[] | string>>;

/** Pages of a `nextPageURL`-paged list; `key` names the array in the body (`errors`, `resolved`). */
export async function* nextPageUrlPages<T>(
  transport: Transport,
  path: string,
  key: string,
  query: Query | undefined,
  options: PageOptions = {},
): AsyncGenerator<T[]> {
  let next: string | undefined = path;
  let nextQuery: Query | undefined = query;
  const seen = new Set<string>();
  while (next) {
    const response: ApiResponse<NextPageBody<T> | undefined> = await transport.request<NextPageBody<T> | undefined>({
      path: next,
      query: nextQuery,
      signal: options.signal,
    });
    const body: NextPageBody<T> = response.body ?? {};
    const page = body[key] ?? [];
    if (!Array.isArray(page)) throw notAList(path);
    yield page;
    next = typeof body.nextPageURL === 'string' && body.nextPageURL ? body.nextPageURL : undefined;
    if (next && seen.has(next)) throw pagingLoop(path);
    if (next) seen.add(next);
    nextQuery = undefined;
  }
}

/**
 * Pages of `/jobs`: newest first, at most `pageCap` rows a page. A full page means there may be
 * more; the next one asks for jobs created up to 1 ms before the oldest seen.
 */
export async function* createdAtPages<T extends { createdAt?: string }>(
  transport: Transport,
  path: string,
  query: Query,
  pageCap: number,
  options: PageOptions = {},
): AsyncGenerator<T[]> {
  let pageQuery: Query = query;
  let previousBound: number | undefined;
  for (;;) {
    const response = await transport.request<T[] | undefined>({ path, query: pageQuery, signal: options.signal });
    const page = response.body ?? [];
    if (!Array.isArray(page)) throw notAList(path);
    if (page.length > 0) yield page;
    const oldest = page[page.length - 1]?.createdAt;
    if (page.length < pageCap || !oldest) return;
    const bound = Date.parse(oldest) - 1;
    // The next page must reach further back; a server that ignores createdAt_lte would loop.
    if (Number.isNaN(bound) || (previousBound !== undefined && bound >= previousBound)) throw pagingLoop(path);
    previousBound = bound;
    pageQuery = { ...query, createdAt_lte: new Date(bound).toISOString() };
  }
}

/** Collects every page into one array. */
export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

function pagingLoop(path: string): IntegratorApiError {
  return badList(path, 'The server kept sending the same page; stopped reading the list.');
}

function notAList(path: string): IntegratorApiError {
  return badList(path, 'Expected a list, but the server answered with something else.');
}

/** A list the server answered but that cannot be read, as an error of the list's path (without its query). */
function badList(path: string, message: string): IntegratorApiError {
  return new IntegratorApiError({
    status: 200,
    method: 'GET',
    path: path.replace(/\?.*$/, ''),
    errors: [{ code: 'invalid_response', message }],
  });
}
