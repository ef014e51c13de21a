/** The client's resource functions against a real sandbox: CRUD, paging, projection, extras. */
import * as assert from 'assert';
import { IntegratorApiError } from '../../src/api';
import { Connection, Export, Flow, Import } from '../../src/api/types';
import { pagesOf, startTestSandbox, TestSandbox } from '../support/sandbox';

describe('resources', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('lists every kind of the demo account', async () => {
    const { client } = t;
    const counts = {
      integrations: (await client.integrations.listAll()).length,
      flows: (await client.flows.listAll()).length,
      exports: (await client.exports.listAll()).length,
      imports: (await client.imports.listAll()).length,
      connections: (await client.connections.listAll()).length,
      scripts: (await client.scripts.listAll()).length,
      fileDefinitions: (await client.fileDefinitions.listAll()).length,
      apis: (await client.apis.listAll()).length,
      accessTokens: (await client.accessTokens.listAll()).length,
    };
    assert.ok(counts.integrations >= 3, `integrations: ${counts.integrations}`);
    assert.ok(counts.flows >= 8, `flows: ${counts.flows}`);
    assert.ok(counts.connections >= 5);
    assert.ok(counts.scripts >= 3);
    assert.ok(counts.fileDefinitions >= 1);
    assert.ok(counts.apis >= 1);
    assert.ok(counts.accessTokens >= 1);
    const adaptorTypes = new Set((await client.exports.listAll()).map((e) => e.adaptorType));
    assert.ok(adaptorTypes.size >= 4, `export adaptor types: ${[...adaptorTypes].join(', ')}`);
  });

  it('pages through a list with the Link header, one page at a time', async () => {
    const all = await t.client.flows.listAll();
    const pages = await pagesOf(t.client.flows.list({ limit: 2 }));
    assert.strictEqual(pages.length, Math.ceil(all.length / 2));
    assert.ok(pages.slice(0, -1).every((p) => p.length === 2));
    assert.deepStrictEqual(
      pages.flat().map((f) => f._id),
      all.map((f) => f._id),
    );
  });

  it('projects lists with include and exclude, and refuses both at once', async () => {
    const [summary] = await t.client.exports.listAll({ include: ['pageSize'], limit: 1 });
    assert.ok(summary);
    const allowed = new Set(['_id', 'name', 'adaptorType', 'type', 'pageSize']);
    assert.ok(
      Object.keys(summary).every((k) => allowed.has(k)),
      `summary has ${Object.keys(summary).join(', ')}`,
    );
    assert.ok('_id' in summary && 'name' in summary && !('http' in summary));
    const [trimmed] = await t.client.exports.listAll({ exclude: ['http', 'hooks'], limit: 1 });
    assert.ok(trimmed && !('http' in trimmed) && 'name' in trimmed);
    await assert.rejects(t.client.exports.listAll({ include: ['name'], exclude: ['http'] }), (err: IntegratorApiError) => {
      assert.strictEqual(err.status, 400);
      assert.strictEqual(err.code, 'invalid_query_params');
      assert.match(err.message, /either include or exclude/);
      return true;
    });
  });

  it('masks secrets on read and leaves script content out of lists', async () => {
    const slack = (await t.client.connections.listAll()).find((c) => c.name === 'Slack API') as Connection;
    assert.strictEqual((slack.rest as { bearerToken: string }).bearerToken, '******');
    const fromGet = await t.client.connections.get(slack._id);
    assert.strictEqual((fromGet.rest as { bearerToken: string }).bearerToken, '******');
    const scripts = await t.client.scripts.listAll();
    assert.ok(scripts.every((s) => s.content === undefined));
    const one = await t.client.scripts.get(scripts[0]!._id);
    assert.match(one.content ?? '', /function \w+\(options\)/);
  });

  it('creates, replaces (erasing omitted fields), and deletes a connection', async () => {
    const created = await t.client.connections.create({
      name: 'Test HTTP',
      type: 'http',
      http: { baseURI: 'https://example.com', mediaType: 'json' },
      description: 'temporary',
    });
    assert.match(created._id, /^[0-9a-f]{24}$/);
    assert.ok(created.createdAt && created.lastModified);
    await new Promise((r) => setTimeout(r, 5));
    const replaced = await t.client.connections.update(created._id, {
      name: 'Test HTTP (renamed)',
      type: 'http',
      http: { baseURI: 'https://example.com' },
    });
    assert.strictEqual(replaced.name, 'Test HTTP (renamed)');
    assert.strictEqual(replaced.description, undefined, 'PUT is a full replace');
    assert.strictEqual(replaced.createdAt, created.createdAt);
    assert.ok(replaced.lastModified! > created.lastModified, 'lastModified moves on every write');
    await t.client.connections.delete(created._id);
    await assert.rejects(t.client.connections.get(created._id), (err: IntegratorApiError) => err.status === 404 && err.isNotFound);
  });

  it('creates and updates every writable kind', async () => {
    const { client } = t;
    const connection = (await client.connections.listAll()).find((c) => c.type === 'http')!;
    const integration = await client.integrations.create({ name: 'Unit Test Integration' });
    const exp = await client.exports.create({
      name: 'Unit Export',
      _connectionId: connection._id,
      http: { method: 'GET', relativeURI: '/things' },
    });
    assert.strictEqual(exp.adaptorType, 'HTTPExport', 'the server works out adaptorType when it is left out');
    const imp = await client.imports.create({
      name: 'Unit Import',
      _connectionId: connection._id,
      http: { method: ['POST'], relativeURI: ['/things'] },
    });
    const flow = await client.flows.create({
      name: 'Unit Flow',
      _integrationId: integration._id,
      disabled: true,
      pageGenerators: [{ _exportId: exp._id }],
      pageProcessors: [{ type: 'import', _importId: imp._id }],
    });
    const script = await client.scripts.create({ name: 'Unit Script', content: 'function preSavePage(options) { return options; }' });
    const fileDef = await client.fileDefinitions.create({ name: 'Unit File Definition', format: 'delimited' });
    for (const [collection, doc] of [
      [client.integrations, integration],
      [client.exports, exp],
      [client.imports, imp],
      [client.flows, flow],
      [client.scripts, script],
      [client.fileDefinitions, fileDef],
    ] as const) {
      const fetched = await collection.get(doc._id);
      const updated = await collection.update(doc._id, { ...fetched, name: `${String(fetched.name)} v2` });
      assert.strictEqual(updated.name, `${String(doc.name)} v2`);
    }
    const integrationFlows = await pagesOf(client.integrationChildren<Flow>(integration._id, 'flows'));
    assert.deepStrictEqual(
      integrationFlows.flat().map((f) => f._id),
      [flow._id],
    );
    const integrationExports = (await pagesOf(client.integrationChildren<Export>(integration._id, 'exports'))).flat();
    assert.deepStrictEqual(
      integrationExports.map((e) => e._id),
      [exp._id],
    );
    const integrationImports = (await pagesOf(client.integrationChildren<Import>(integration._id, 'imports'))).flat();
    assert.deepStrictEqual(
      integrationImports.map((e) => e._id),
      [imp._id],
    );
    const integrationConnections = (await pagesOf(client.integrationChildren<Connection>(integration._id, 'connections'))).flat();
    assert.deepStrictEqual(
      integrationConnections.map((c) => c._id),
      [connection._id],
    );
  });

  it('reads apis and access tokens, with the token masked', async () => {
    const [api] = await t.client.apis.listAll();
    assert.ok(api);
    assert.strictEqual((await t.client.apis.get(api._id)).name, api.name);
    const [token] = await t.client.accessTokens.listAll();
    assert.ok(token);
    assert.strictEqual((await t.client.accessTokens.get(token._id)).token, '******');
  });

  it('returns an empty list for 204 No Content', async () => {
    const empty = await startTestSandbox({ seed: 'empty' });
    try {
      assert.deepStrictEqual(await empty.client.flows.listAll(), []);
      assert.deepStrictEqual(await pagesOf(empty.client.exports.list()), [[]]);
    } finally {
      await empty.close();
    }
  });

  it('reports several validation errors at once, each with its field', async () => {
    await assert.rejects(
      t.client.flows.create({
        name: '',
        schedule: '0 2 * * *',
        pageGenerators: [{ _exportId: '000000000000000000000000' }],
        pageProcessors: [],
        routers: [],
      }),
      (err: IntegratorApiError) => {
        assert.strictEqual(err.status, 422);
        const fields = err.errors.map((e) => e.field);
        assert.ok(fields.includes('name'), fields.join());
        assert.ok(fields.includes('schedule'));
        assert.ok(fields.includes('routers'));
        assert.ok(fields.includes('pageGenerators[0]._exportId'));
        assert.match(err.userMessage, /schedule: Invalid cron expression/);
        return true;
      },
    );
    await assert.rejects(
      t.client.exports.create({ name: 'Bad', adaptorType: 'httpexport', _connectionId: 'nope' }),
      (err: IntegratorApiError) => {
        assert.deepStrictEqual(err.errors.map((e) => e.field).sort(), ['_connectionId', 'adaptorType']);
        return true;
      },
    );
  });

  it('refuses to delete an export a flow still uses, naming the flow', async () => {
    const flow = (await t.client.flows.listAll()).find((f) => f.name === 'NetSuite Fulfillments to Shopify')!;
    const exportId = flow.pageGenerators![0]!._exportId;
    await assert.rejects(t.client.exports.delete(exportId), (err: IntegratorApiError) => {
      assert.strictEqual(err.code, 'resource_in_use');
      assert.match(err.message, /NetSuite Fulfillments to Shopify/);
      return true;
    });
    const deps = await t.client.exports.dependencies(exportId);
    assert.deepStrictEqual(
      deps.flows?.map((d) => d.name),
      ['NetSuite Fulfillments to Shopify'],
    );
  });

  it('clones an export, a flow (with its connection map) and an integration', async () => {
    const { client } = t;
    const source = (await client.flows.listAll()).find((f) => f.name === 'NetSuite Fulfillments to Shopify')!;
    const exp = await client.exports.get(source.pageGenerators![0]!._exportId);
    const expClone = await client.exports.clone(exp._id, { name: 'Cloned export' });
    assert.strictEqual(expClone.name, 'Cloned export');
    assert.notStrictEqual(expClone._id, exp._id);

    await assert.rejects(
      client.flows.clone(source._id, { _integrationId: source._integrationId! }),
      (err: IntegratorApiError) => err.code === 'invalid_connectionMap',
    );
    const stepConnections = await Promise.all([
      client.exports.get(source.pageGenerators![0]!._exportId),
      client.imports.get(source.pageProcessors![0]!._importId!),
    ]);
    const connectionMap = Object.fromEntries(stepConnections.map((s) => [s._connectionId!, s._connectionId!]));
    const flowClone = await client.flows.clone(source._id, { _integrationId: source._integrationId!, connectionMap });
    assert.strictEqual(flowClone.disabled, true, 'clones start disabled');
    assert.notStrictEqual(flowClone.pageGenerators![0]!._exportId, source.pageGenerators![0]!._exportId, 'steps are copied, not shared');

    const integration = (await client.integrations.listAll()).find((i) => i.name === 'Salesforce - Snowflake Analytics')!;
    const integrationClone = await client.integrations.clone(integration._id, { name: 'Analytics (copy)' });
    const clonedFlows = (await pagesOf(client.integrationChildren(integrationClone._id, 'flows'))).flat();
    const originalFlows = (await pagesOf(client.integrationChildren(integration._id, 'flows'))).flat();
    assert.strictEqual(clonedFlows.length, originalFlows.length);
  });

  it('records an audit entry with field changes for each write', async () => {
    const { client } = t;
    const exp = (await client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!;
    const full = await client.exports.get(exp._id);
    await client.exports.update(exp._id, { ...full, pageSize: 50 });
    const [latest] = (await pagesOf(client.exports.audit(exp._id))).flat();
    assert.ok(latest);
    assert.strictEqual(latest.event, 'update');
    assert.strictEqual(latest.source, 'api');
    assert.strictEqual(latest.resourceType, 'export');
    assert.deepStrictEqual(latest.fieldChanges, [{ fieldPath: 'pageSize', oldValue: 20, newValue: 50 }]);
    const accountWide = await client.auditAll({ resourceType: 'export', _resourceId: exp._id });
    assert.strictEqual(accountWide[0]?._id, latest._id);
    assert.ok(
      accountWide.some((e) => e.event === 'create'),
      'seeded history includes the create',
    );
  });

  it('masks secrets inside audit values', async () => {
    const { client } = t;
    const slack = (await client.connections.listAll()).find((c) => c.name === 'Slack API')!;
    const full = await client.connections.get(slack._id);
    const rest = { ...(full.rest as object), bearerToken: 'xoxb-new-secret-value' };
    await client.connections.update(slack._id, { ...full, rest });
    const [entry] = (await pagesOf(client.connections.audit(slack._id))).flat();
    assert.ok(entry);
    assert.ok(!JSON.stringify(entry).includes('xoxb-new-secret-value'));
  });

  it('patches a whitelisted field and refuses others', async () => {
    const { client } = t;
    const connection = (await client.connections.listAll())[0]!;
    const until = new Date(Date.now() + 3600_000).toISOString();
    await client.connections.patch(connection._id, [{ op: 'replace', path: '/debugDate', value: until }]);
    assert.strictEqual((await client.connections.get(connection._id)).debugDate, until);
    await assert.rejects(
      client.connections.patch(connection._id, [{ op: 'replace', path: '/name', value: 'x' }]),
      (err: IntegratorApiError) => err.code === 'invalid_patch',
    );
  });

  it('tells who the token belongs to', async () => {
    const info = await t.client.tokenInfo();
    assert.match(info._userId, /^[0-9a-f]{24}$/);
    assert.strictEqual(info.scope, '*');
  });

  it('reads and writes the real-time configuration of an export', async () => {
    const exp = (await t.client.exports.listAll()).find((e) => e.adaptorType === 'NetSuiteExport')!;
    const written = await t.client.putDistributed(exp._id, { disabled: false, executionContext: ['userinterface'] });
    assert.deepStrictEqual(written, { disabled: false, executionContext: ['userinterface'] });
    assert.deepStrictEqual(await t.client.getDistributed(exp._id), written);
  });

  it("lists a flow's descendants", async () => {
    const flow = (await t.client.flows.listAll()).find((f) => f.name === 'Salesforce Opportunities to Snowflake')!;
    const { exports = [], imports = [] } = await t.client.flowDescendants(flow._id);
    assert.strictEqual(exports.length, 3);
    assert.strictEqual(imports.length, 3);
  });
});
