/**
 * What a connection can do besides CRUD: ping (saved or unsaved), virtual exports and imports
 * through it, mapping evaluation, and its debug log.
 */
import { pathSegment } from './pathSegment';
import { IntegratorApiError } from './errors';
import { CallOptions } from './resources';
import { Transport, errorsInBody } from './transport';
import { ExportPage, ImportResult, JsonObject, PagedExportState, PingResult } from './types';

export class ConnectionActionsApi {
  constructor(private readonly transport: Transport) {}

  /**
   * Pings a saved connection. The API may report a failure inside a 2xx body
   * (`{"errors":[{"code":401,…}]}`); that counts as a failure, as does an error status.
   */
  async ping(connectionId: string, options: CallOptions & { method?: 'GET' | 'POST'; context?: JsonObject } = {}): Promise<PingResult> {
    const method = options.method ?? 'POST';
    return this.pingRequest({
      method,
      path: `/connections/${pathSegment(connectionId)}/ping`,
      body: method === 'POST' ? (options.context ?? {}) : undefined,
      signal: options.signal,
    });
  }

  /** Pings an unsaved connection document (`POST /connections/ping`), without saving it. */
  pingVirtual(connection: JsonObject, options: CallOptions = {}): Promise<PingResult> {
    return this.pingRequest({ method: 'POST', path: '/connections/ping', body: connection, signal: options.signal });
  }

  /** Runs an export definition through the connection without saving it; one page of records. */
  async exportVirtual(connectionId: string, exportDoc: JsonObject, options: CallOptions = {}): Promise<ExportPage> {
    const path = `/connections/${pathSegment(connectionId)}/export`;
    // Retried as idempotent: an agent's run of a hook (exports.run, its sample) sends only exports
    // that can only read (model/exportSafety.ts), so a second attempt changes nothing. A person's
    // Run Hook… sends what their script asks.
    const body = (
      await this.transport.request<ExportPage>({
        method: 'POST',
        path,
        body: { export: exportDoc },
        idempotent: true,
        signal: options.signal,
      })
    ).body;
    return normaliseExportPage(body);
  }

  /**
   * One page of a virtual export. Pass the previous page's `pagedExportState` back unchanged
   * to get the next; the last page says `done: true`.
   */
  async exportPage(connectionId: string, exportDoc: JsonObject, state?: PagedExportState, options: CallOptions = {}): Promise<ExportPage> {
    const path = `/connections/${pathSegment(connectionId)}/export/pages`;
    const requestBody = state ? { export: exportDoc, pagedExportState: state } : { export: exportDoc };
    // Retried as idempotent: an agent's preview (integratorPreviewExport) sends only exports that
    // can only read (model/exportSafety.ts: HTTP GET, NetSuite and Salesforce searches), so a
    // second attempt reads again and changes nothing. A person's Preview Export sends the export
    // they chose to preview, as integrator.io's own preview does.
    const body = (
      await this.transport.request<ExportPage>({ method: 'POST', path, body: requestBody, idempotent: true, signal: options.signal })
    ).body;
    return normaliseExportPage(body);
  }

  /** Sends records through an import definition without saving it. Writes to the target app: never retried. */
  async importVirtual(connectionId: string, importDoc: JsonObject, data: unknown[], options: CallOptions = {}): Promise<ImportResult[]> {
    const path = `/connections/${pathSegment(connectionId)}/import`;
    return (
      (await this.transport.request<ImportResult[]>({ method: 'POST', path, body: { import: importDoc, data }, signal: options.signal }))
        .body ?? []
    );
  }

  /** Evaluates an import's mapping over records; returns the mapped records only. */
  async importMap(connectionId: string, importDoc: JsonObject, data: unknown[], options: CallOptions = {}): Promise<unknown[]> {
    const path = `/connections/${pathSegment(connectionId)}/import/map`;
    return (
      (
        await this.transport.request<unknown[]>({
          method: 'POST',
          path,
          body: { import: importDoc, data },
          idempotent: true,
          signal: options.signal,
        })
      ).body ?? []
    );
  }

  /** The connection's debug log as plain text (one line per entry, each starting with a UTC time). */
  async debugLog(connectionId: string, options: CallOptions = {}): Promise<string> {
    const path = `/connections/${pathSegment(connectionId)}/debug`;
    return (await this.transport.request<string | undefined>({ path, responseType: 'text', signal: options.signal })).body ?? '';
  }

  private async pingRequest(req: {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
    signal?: AbortSignal | undefined;
  }): Promise<PingResult> {
    try {
      const { body } = await this.transport.request<unknown>({ ...req, idempotent: true });
      const errors = errorsInBody(body);
      const first = errors[0];
      return first ? { ok: false, code: first.code, message: first.message } : { ok: true };
    } catch (err) {
      // A 4xx with the envelope is the connection failing its test, not the client failing.
      if (err instanceof IntegratorApiError && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 404) {
        return { ok: false, code: err.code, message: err.userMessage };
      }
      throw err;
    }
  }
}

function normaliseExportPage(body: ExportPage | undefined): ExportPage {
  return { ...body, data: Array.isArray(body?.data) ? body.data : [] };
}
