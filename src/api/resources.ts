/**
 * CRUD and the per-resource extras (clone, dependencies, audit, JSON Patch) that every
 * integrator.io resource collection shares: `/<plural>[/:id[/…]]`.
 */
import { pathSegment } from './pathSegment';
import { collect, fetchLinkPage, linkPages, Page } from './paging';
import { Transport } from './transport';
import { AuditEntry, Dependencies, JsonObject, ResourceBase } from './types';

export interface ListOptions {
  /** Page size (`limit`). The server's default applies when absent. */
  limit?: number;
  /** Summary projection: only these fields (plus identity). Not with `exclude`. */
  include?: readonly string[];
  /** Leave these fields out. Not with `include`. */
  exclude?: readonly string[];
  /** Extra query parameters (filters such as `adaptorType`). */
  query?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export function listQuery(options: ListOptions): Record<string, string | number | boolean | undefined> {
  return {
    ...options.query,
    limit: options.limit,
    include: options.include?.length ? options.include.join(',') : undefined,
    exclude: options.exclude?.length ? options.exclude.join(',') : undefined,
  };
}

/** Read access to `/<plural>`: list (paged) and get. */
export class ReadOnlyCollection<T extends ResourceBase> {
  constructor(
    protected readonly transport: Transport,
    /** URL segment, e.g. `exports`, `filedefinitions`. */
    readonly plural: string,
  ) {}

  /** Pages as they arrive. */
  list(options: ListOptions = {}): AsyncGenerator<T[]> {
    return linkPages<T>(this.transport, `/${this.plural}`, listQuery(options), options);
  }

  /** The first page only, with the URL of the next (for "Load more"). */
  firstPage(options: ListOptions = {}): Promise<Page<T>> {
    return fetchLinkPage<T>(this.transport, `/${this.plural}`, listQuery(options), options);
  }

  /** Every page, collected. */
  listAll(options: ListOptions = {}): Promise<T[]> {
    return collect(this.list(options));
  }

  async get(id: string, options: CallOptions = {}): Promise<T> {
    return (await this.transport.request<T>({ path: this.itemPath(id), signal: options.signal })).body;
  }

  protected itemPath(id: string, ...rest: string[]): string {
    return [`/${this.plural}`, pathSegment(id), ...rest].join('/');
  }
}

/** Full access to `/<plural>`: create, update (PUT replaces the whole document), delete, and extras. */
export class ResourceCollection<T extends ResourceBase> extends ReadOnlyCollection<T> {
  /** POST: the server sets `_id`, `createdAt` and `lastModified`. Never retried. */
  async create(doc: JsonObject, options: CallOptions = {}): Promise<T> {
    return (await this.transport.request<T>({ method: 'POST', path: `/${this.plural}`, body: doc, signal: options.signal })).body;
  }

  /** PUT: a full replace; fields missing from `doc` are erased on the server. */
  async update(id: string, doc: JsonObject, options: CallOptions = {}): Promise<T> {
    return (await this.transport.request<T>({ method: 'PUT', path: this.itemPath(id), body: doc, signal: options.signal })).body;
  }

  /** JSON Patch, for the fields the API allows (for example `/debugDate` on connections). */
  async patch(id: string, operations: JsonPatchOperation[], options: CallOptions = {}): Promise<void> {
    await this.transport.request({ method: 'PATCH', path: this.itemPath(id), body: operations, signal: options.signal });
  }

  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.transport.request({ method: 'DELETE', path: this.itemPath(id), signal: options.signal });
  }

  /** POST `/:id/clone`; the body depends on the kind (integrations need `name`, flows `_integrationId`…). */
  async clone(id: string, body: JsonObject = {}, options: CallOptions = {}): Promise<T> {
    return (await this.transport.request<T>({ method: 'POST', path: this.itemPath(id, 'clone'), body, signal: options.signal })).body;
  }

  /** What uses this resource and what it uses: `{ "<plural>": [{id, name}] }`. */
  async dependencies(id: string, options: CallOptions = {}): Promise<Dependencies> {
    return (
      (await this.transport.request<Dependencies | undefined>({ path: this.itemPath(id, 'dependencies'), signal: options.signal })).body ??
      {}
    );
  }

  /** The resource's audit trail, newest first, in pages. */
  audit(id: string, options: { limit?: number; signal?: AbortSignal } = {}): AsyncGenerator<AuditEntry[]> {
    return linkPages<AuditEntry>(this.transport, this.itemPath(id, 'audit'), { limit: options.limit }, options);
  }
}
