/**
 * The integrator.io API client: one object per environment (base URL + token), with typed
 * functions grouped by what they act on. It has no `vscode` import and runs in plain Node.
 *
 *   const client = new IntegratorClient({ baseUrl: REGION_BASE_URLS.na, token });
 *   for await (const page of client.flows.list()) render(page);
 */
import { pathSegment } from './pathSegment';
import { ConnectionActionsApi } from './connectionActions';
import { ErrorsApi } from './errorManagement';
import { JobsApi } from './jobs';
import { collect, fetchLinkPage, linkPages, Page } from './paging';
import { CallOptions, ListOptions, ReadOnlyCollection, ResourceCollection, listQuery } from './resources';
import { Transport, TransportOptions } from './transport';
import {
  AccessToken,
  Api,
  AuditEntry,
  Connection,
  Export,
  FileDefinition,
  Flow,
  Import,
  Integration,
  JsonObject,
  ResourceBase,
  Script,
  TokenInfo,
} from './types';

/** The resources an integration holds, at `/integrations/:id/<child>`. */
export type IntegrationChild = 'flows' | 'exports' | 'imports' | 'connections';

export interface AuditQuery {
  resourceType?: string;
  _resourceId?: string;
  _byUserId?: string;
  source?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export class IntegratorClient {
  readonly transport: Transport;

  readonly integrations: ResourceCollection<Integration>;
  readonly flows: ResourceCollection<Flow>;
  readonly exports: ResourceCollection<Export>;
  readonly imports: ResourceCollection<Import>;
  readonly connections: ResourceCollection<Connection>;
  readonly scripts: ResourceCollection<Script>;
  readonly fileDefinitions: ResourceCollection<FileDefinition>;
  readonly apis: ReadOnlyCollection<Api>;
  readonly accessTokens: ReadOnlyCollection<AccessToken>;

  readonly jobs: JobsApi;
  readonly errors: ErrorsApi;
  readonly connectionActions: ConnectionActionsApi;

  constructor(options: TransportOptions | Transport) {
    const transport = options instanceof Transport ? options : new Transport(options);
    this.transport = transport;
    this.integrations = new ResourceCollection(transport, 'integrations');
    this.flows = new ResourceCollection(transport, 'flows');
    this.exports = new ResourceCollection(transport, 'exports');
    this.imports = new ResourceCollection(transport, 'imports');
    this.connections = new ResourceCollection(transport, 'connections');
    this.scripts = new ResourceCollection(transport, 'scripts');
    this.fileDefinitions = new ResourceCollection(transport, 'filedefinitions');
    this.apis = new ReadOnlyCollection(transport, 'apis');
    this.accessTokens = new ReadOnlyCollection(transport, 'accesstokens');
    this.jobs = new JobsApi(transport);
    this.errors = new ErrorsApi(transport);
    this.connectionActions = new ConnectionActionsApi(transport);
  }

  /** Who the token belongs to; also the cheapest check that a token and region are right. */
  async tokenInfo(options: CallOptions = {}): Promise<TokenInfo> {
    return (await this.transport.request<TokenInfo>({ path: '/tokenInfo', signal: options.signal })).body;
  }

  /** An integration's flows, exports, imports or connections, page by page. */
  integrationChildren<T extends ResourceBase = ResourceBase>(
    integrationId: string,
    child: IntegrationChild,
    options: ListOptions = {},
  ): AsyncGenerator<T[]> {
    return linkPages<T>(this.transport, `/integrations/${pathSegment(integrationId)}/${child}`, listQuery(options), options);
  }

  /** The first page of an integration's children; follow `next` with `nextPage`. */
  integrationChildrenPage<T extends ResourceBase = ResourceBase>(
    integrationId: string,
    child: IntegrationChild,
    options: ListOptions = {},
  ): Promise<Page<T>> {
    return fetchLinkPage<T>(this.transport, `/integrations/${pathSegment(integrationId)}/${child}`, listQuery(options), options);
  }

  /** The page behind a `next` URL of any Link-paged list. */
  nextPage<T>(next: string, options: CallOptions = {}): Promise<Page<T>> {
    return fetchLinkPage<T>(this.transport, next, undefined, options);
  }

  /** The account's audit log (newest first), page by page. */
  audit(query: AuditQuery = {}, options: CallOptions = {}): AsyncGenerator<AuditEntry[]> {
    return linkPages<AuditEntry>(this.transport, '/audit', { ...query }, options);
  }

  auditAll(query: AuditQuery = {}, options: CallOptions = {}): Promise<AuditEntry[]> {
    return collect(this.audit(query, options));
  }

  /** The exports and imports a flow uses. */
  async flowDescendants(flowId: string, options: CallOptions = {}): Promise<{ exports?: Export[]; imports?: Import[] }> {
    const path = `/flows/${pathSegment(flowId)}/descendants`;
    return (
      (await this.transport.request<{ exports?: Export[]; imports?: Import[] } | undefined>({ path, signal: options.signal })).body ?? {}
    );
  }

  /** The real-time (NetSuite/Salesforce distributed) configuration of an export. */
  async getDistributed(exportId: string, options: CallOptions = {}): Promise<JsonObject> {
    const path = `/exports/${pathSegment(exportId)}/distributed`;
    return (await this.transport.request<JsonObject | undefined>({ path, signal: options.signal })).body ?? {};
  }

  async putDistributed(exportId: string, config: JsonObject, options: CallOptions = {}): Promise<JsonObject> {
    const path = `/exports/${pathSegment(exportId)}/distributed`;
    return (await this.transport.request<JsonObject | undefined>({ method: 'PUT', path, body: config, signal: options.signal })).body ?? {};
  }

  dispose(): void {
    this.transport.dispose();
  }
}
