/**
 * The sandbox's own control routes under `/_sandbox` (same bearer token): fault switches and
 * the log of requests received, which tests read to check what reached the server.
 */
import { SandboxError } from '../apiError';
import { noContent, ok, RouteModule } from '../http';
import { parseFaultSettings } from '../faults';

export const adminRoutes: RouteModule = (routes, services) => {
  routes.add('GET', '/_sandbox/faults', () => ok(services.faults.current));

  routes.add('PUT', '/_sandbox/faults', (ctx) => {
    try {
      services.faults.current = parseFaultSettings(ctx.body);
    } catch (err) {
      throw SandboxError.badRequest('invalid_faults', err instanceof Error ? err.message : String(err));
    }
    return ok(services.faults.current);
  });

  routes.add('DELETE', '/_sandbox/faults', () => {
    services.faults.current = parseFaultSettings({});
    return noContent();
  });

  routes.add('GET', '/_sandbox/requests', () => ok(services.requestLog));

  routes.add('DELETE', '/_sandbox/requests', () => {
    services.requestLog.length = 0;
    return noContent();
  });

  routes.add('GET', '/_sandbox/health', () => ok({ ok: true }));
};
