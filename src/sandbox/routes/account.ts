/** Account-wide routes: who the token belongs to, the audit log, key/value state, real-time export config. */
import { SandboxError } from '../apiError';
import { noContent, ok, param, RouteModule } from '../http';
import { assertSafeKey, isObject, setOwn } from '../json';
import { pagedList } from '../listing';
import { isoDateParam } from '../queryDates';

export const accountRoutes: RouteModule = (routes, services) => {
  const { store, resources, settings } = services;

  routes.add('GET', '/tokenInfo', () => ok({ _userId: store.data.user._id, scope: '*' }));

  routes.add('GET', '/audit', (ctx) => {
    const q = ctx.query;
    const from = isoDateParam(q, 'from');
    const to = isoDateParam(q, 'to');
    const entries = store.data.audit
      .filter((e) => {
        if (q.get('resourceType') && e.resourceType !== q.get('resourceType')) return false;
        if (q.get('_resourceId') && e._resourceId !== q.get('_resourceId')) return false;
        if (q.get('_byUserId') && e.byUser._id !== q.get('_byUserId')) return false;
        if (q.get('source') && e.source.toLowerCase() !== q.get('source')!.toLowerCase()) return false;
        if (q.get('action') && e.event !== q.get('action')) return false;
        if (from && e.time < from) return false;
        if (to && e.time > to) return false;
        return true;
      })
      .reverse();
    return pagedList(ctx, entries, settings);
  });

  routes.add('GET', '/state', () => ok({ keys: Object.keys(store.data.state) }));
  routes.add('GET', '/state/:key', (ctx) => {
    const key = param(ctx, 'key');
    if (!Object.hasOwn(store.data.state, key)) throw SandboxError.notFound('State key');
    return ok(store.data.state[key]);
  });
  routes.add('PUT', '/state/:key', async (ctx) => {
    assertSafeKey(param(ctx, 'key'), 'The state key');
    setOwn(store.data.state, param(ctx, 'key'), ctx.body ?? null);
    await store.commit();
    return { status: 200, text: 'OK' };
  });
  routes.add('DELETE', '/state/:key', async (ctx) => {
    if (!Object.hasOwn(store.data.state, param(ctx, 'key'))) throw SandboxError.notFound('State key');
    delete store.data.state[param(ctx, 'key')];
    await store.commit();
    return noContent();
  });

  routes.add('GET', '/exports/:id/distributed', (ctx) => {
    const doc = resources.view('exports', resources.get('exports', param(ctx, 'id')));
    return ok(isObject(doc.distributed) ? doc.distributed : {});
  });
  routes.add('PUT', '/exports/:id/distributed', async (ctx) => {
    if (!isObject(ctx.body)) throw SandboxError.badRequest('invalid_body', 'The body must be a JSON object.');
    const config = ctx.body;
    const doc = resources.applyChange('exports', param(ctx, 'id'), (d) => (d.distributed = config), { bumpLastModified: true });
    await store.commit();
    return ok(resources.view('exports', doc).distributed);
  });
};
