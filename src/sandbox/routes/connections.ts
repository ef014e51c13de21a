/**
 * Connection actions: ping (saved, GET or POST; unsaved, POST /connections/ping), virtual
 * export (one page or paged), virtual import, mapping evaluation, and the debug log.
 */
import { SandboxError } from '../apiError';
import { noContent, ok, param, RequestContext, RouteModule } from '../http';
import { isObject, JsonObject } from '../json';
import { mapRecords } from '../mapping';
import { pingConnection } from '../ping';
import { SandboxServices } from '../services';
import { exportPage } from '../virtualExport';

export const connectionRoutes: RouteModule = (routes, services) => {
  const { store, resources, settings } = services;

  const ping = async (ctx: RequestContext) => {
    const id = param(ctx, 'id');
    const connection = resources.get('connections', id);
    const outcome = pingConnection(connection);
    const offline = !outcome.ok;
    if (connection.offline !== offline) {
      // The health flag is the system's, not an edit: lastModified stays.
      resources.applyChange('connections', id, (doc) => (doc.offline = offline), { bumpLastModified: false });
      await store.commit();
    }
    debugLog(services, id, `PING ${outcome.ok ? 'succeeded' : `failed: ${outcome.message}`}`);
    // Failures come back inside a 200 body, as the real API does.
    return ok(outcome.ok ? { code: 200 } : { errors: [{ code: outcome.code, message: outcome.message }] });
  };
  routes.add('GET', '/connections/:id/ping', ping);
  routes.add('POST', '/connections/:id/ping', ping);

  routes.add('POST', '/connections/ping', (ctx) => {
    if (!isObject(ctx.body)) throw SandboxError.badRequest('invalid_body', 'Send the connection document to ping.');
    const outcome = pingConnection(ctx.body);
    return ok(outcome.ok ? { code: 200 } : { errors: [{ code: outcome.code, message: outcome.message }] });
  });

  routes.add('POST', '/connections/:id/export', (ctx) => {
    const { id, exportDoc } = exportRequest(services, ctx);
    const page = exportPage(id, exportDoc, undefined, settings.exportSecret);
    debugLog(services, id, `EXPORT returned ${page.data.length} records`);
    return ok({ data: page.data, dataURIs: page.dataURIs });
  });

  routes.add('POST', '/connections/:id/export/pages', (ctx) => {
    const { id, exportDoc } = exportRequest(services, ctx);
    const state = isObject(ctx.body) ? ctx.body.pagedExportState : undefined;
    const page = exportPage(id, exportDoc, state, settings.exportSecret);
    debugLog(services, id, `EXPORT page ${page.pagedExportState.pageIndex} of ${page.pagedExportState.totalPages}`);
    return ok(page);
  });

  routes.add('POST', '/connections/:id/import/map', (ctx) => {
    const id = param(ctx, 'id');
    resources.get('connections', id);
    const body = isObject(ctx.body) ? ctx.body : {};
    return ok(mapRecords(body.import, body.data, settings.validationStatus));
  });

  routes.add('POST', '/connections/:id/import', (ctx) => {
    const id = param(ctx, 'id');
    const connection = resources.get('connections', id);
    const body = isObject(ctx.body) ? ctx.body : {};
    const mapped = mapRecords(body.import, body.data, settings.validationStatus);
    const outcome = pingConnection(connection);
    const now = new Date().toISOString();
    const results = mapped.map((record) => {
      if (!outcome.ok) return { statusCode: 403, errors: [{ code: String(outcome.code), message: outcome.message }] };
      const recordId = store.ids.next();
      return { statusCode: 200, id: recordId, _json: { _id: recordId, createdAt: now, lastModified: now, ...record } };
    });
    debugLog(services, id, `IMPORT sent ${mapped.length} records`);
    return ok(results);
  });

  routes.add('GET', '/connections/:id/debug', (ctx) => {
    const id = param(ctx, 'id');
    resources.get('connections', id);
    const lines = store.data.debugLogs[id] ?? [];
    return { status: 200, text: lines.join('\n') + (lines.length ? '\n' : '') };
  });

  routes.add('DELETE', '/connections/:id/debug', async (ctx) => {
    resources.get('connections', param(ctx, 'id'));
    delete store.data.debugLogs[param(ctx, 'id')];
    await store.commit();
    return noContent();
  });
};

function exportRequest(services: SandboxServices, ctx: RequestContext): { id: string; exportDoc: JsonObject } {
  const id = param(ctx, 'id');
  services.resources.get('connections', id);
  const exportDoc = isObject(ctx.body) ? ctx.body.export : undefined;
  if (!isObject(exportDoc)) throw SandboxError.badRequest('invalid_body', 'The body needs an `export` object.', 'export');
  return { id, exportDoc };
}

/** Appends to a connection's debug log while debugging is on (`debugDate` in the future). */
function debugLog(services: SandboxServices, connectionId: string, line: string): void {
  const connection = services.store.get('connections', connectionId);
  const until = typeof connection?.debugDate === 'string' ? Date.parse(connection.debugDate) : NaN;
  if (!(until > Date.now())) return;
  const log = (services.store.data.debugLogs[connectionId] ??= []);
  log.push(`${new Date().toISOString()} ${line}`);
  if (log.length > 1000) log.splice(0, log.length - 1000);
}
