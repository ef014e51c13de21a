/**
 * List answers: Link-header paging with `skip`/`limit`, `include`/`exclude` projection, and
 * `204 No Content` for an empty list.
 */
import { SandboxError } from './apiError';
import { Reply, RequestContext } from './http';
import { clone, deletePath, getPath, isObject, JsonObject, setPath } from './json';
import { SandboxSettings } from './services';

/** Fields a summary projection always keeps. */
const IDENTITY_FIELDS = ['_id', 'name', 'adaptorType', 'type'];
const PROJECTION_CHARS = /^[A-Za-z0-9_.,]*$/;

export interface Projection {
  include?: string[];
  exclude?: string[];
}

export function readProjection(query: URLSearchParams): Projection {
  const include = query.get('include');
  const exclude = query.get('exclude');
  if (include && exclude) {
    throw SandboxError.badRequest(
      'invalid_query_params',
      'Please provide either include or exclude param in the request query and not both.',
    );
  }
  for (const [name, value] of [
    ['include', include],
    ['exclude', exclude],
  ] as const) {
    if (value && !PROJECTION_CHARS.test(value)) {
      throw SandboxError.badRequest(
        'invalid_query_params',
        `Invalid ${name} param: only letters, digits, dots, underscores and commas are allowed.`,
      );
    }
  }
  const fields = (value: string | null) => (value ? value.split(',').filter(Boolean) : undefined);
  const projection: Projection = {};
  const inc = fields(include);
  const exc = fields(exclude);
  if (inc) projection.include = inc;
  if (exc) projection.exclude = exc;
  return projection;
}

export function project(doc: JsonObject, projection: Projection): JsonObject {
  if (projection.include) {
    const out: JsonObject = {};
    for (const field of [...IDENTITY_FIELDS, ...projection.include]) {
      const value = getPath(doc, field);
      if (value !== undefined) setPath(out, field, value);
    }
    return out;
  }
  if (projection.exclude) {
    const out = clone(doc);
    for (const field of projection.exclude) deletePath(out, field);
    return out;
  }
  return doc;
}

/** One page of `items`, with a Link header to the next (and previous) page. */
export function pagedList<T extends JsonObject>(
  ctx: RequestContext,
  items: readonly T[],
  settings: SandboxSettings,
  view: (item: T) => JsonObject = (d) => d,
): Reply {
  const limit = readInt(ctx.query, 'limit', settings.pageSize, 1, settings.maxPageSize);
  const skip = readInt(ctx.query, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
  const projection = readProjection(ctx.query);
  if (items.length === 0) return { status: 204 };
  const page = items.slice(skip, skip + limit).map((item) => project(view(item), projection));
  const links: string[] = [];
  const link = (s: number) => {
    const query = new URLSearchParams(ctx.query);
    query.set('skip', String(s));
    query.set('limit', String(limit));
    return `${ctx.linkBase}${ctx.path}?${query.toString()}`;
  };
  if (skip + limit < items.length) links.push(`<${link(skip + limit)}>; rel="next"`);
  if (skip > 0) links.push(`<${link(Math.max(0, skip - limit))}>; rel="prev"`);
  return { status: 200, body: page, ...(links.length ? { headers: { Link: links.join(', ') } } : {}) };
}

export function readInt(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw SandboxError.badRequest('invalid_query_params', `\`${name}\` must be a whole number ≥ ${min}.`);
  }
  return Math.min(value, max);
}

/** Simple equality filters from the query (`?adaptorType=HTTPExport`) on top-level fields. */
export function filterByQuery(items: readonly JsonObject[], query: URLSearchParams, reserved: ReadonlySet<string>): readonly JsonObject[] {
  const filters = [...query.entries()].filter(([key]) => !reserved.has(key));
  if (filters.length === 0) return items;
  return items.filter((item) => filters.every(([key, value]) => isObject(item) && String(item[key]) === value));
}

export const LIST_PARAMS: ReadonlySet<string> = new Set(['limit', 'skip', 'include', 'exclude', 'fetchQueueSize', 'after']);
