/** Connection actions: pings, virtual export pages, virtual import, mapping evaluation, debug log. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { IntegratorApiError, PagedExportState } from '../../src/api';
import { Connection, JsonObject } from '../../src/api/types';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

/** The request/response samples of the API guide this project started from. */
const SAMPLES = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/seed-samples.json'), 'utf8')) as Record<
  string,
  { request: { body: JsonObject }; response: unknown }
>;

describe('connections', () => {
  let t: TestSandbox;
  let connections: Connection[];
  before(async () => {
    t = await startTestSandbox();
    connections = await t.client.connections.listAll();
  });
  after(() => t.close());
  const named = (name: string) => connections.find((c) => c.name === name)!;

  it('pings a healthy connection with GET and with POST', async () => {
    const shopify = named('Shopify Store');
    assert.deepStrictEqual(await t.client.connectionActions.ping(shopify._id, { method: 'GET' }), { ok: true });
    assert.deepStrictEqual(await t.client.connectionActions.ping(shopify._id), { ok: true });
  });

  it('treats a failure inside a 200 body as a failed ping, and marks the connection offline', async () => {
    const sftp = named('Bank SFTP');
    const result = await t.client.connectionActions.ping(sftp._id);
    assert.strictEqual(result.ok, false);
    if (!result.ok) {
      assert.strictEqual(result.code, '401');
      assert.match(result.message, /Authentication failed/);
    }
    assert.strictEqual((await t.client.connections.get(sftp._id)).offline, true);
  });

  it('pings an unsaved connection document', async () => {
    const good = await t.client.connectionActions.pingVirtual({
      type: 'http',
      name: 'Draft',
      http: { baseURI: 'https://api.example.com', auth: { type: 'token', token: { token: 'abc' } } },
    });
    assert.deepStrictEqual(good, { ok: true });
    const unknownHost = await t.client.connectionActions.pingVirtual({
      type: 'http',
      name: 'Draft',
      http: { baseURI: 'https://nowhere.invalid' },
    });
    assert.strictEqual(unknownHost.ok, false);
    const badToken = await t.client.connectionActions.pingVirtual({
      type: 'http',
      name: 'Draft',
      http: { baseURI: 'https://api.example.com', auth: { type: 'token', token: { token: 'expired-abc' } } },
    });
    assert.ok(!badToken.ok && badToken.code === '401');
  });

  it('pages a virtual export to the end, sending pagedExportState back', async () => {
    const netsuite = named('NetSuite Production');
    const exportDoc = SAMPLES['connection.export.pages.first']!.request.body.export as JsonObject;
    const seen: unknown[] = [];
    let state: PagedExportState | undefined;
    let pages = 0;
    do {
      const page = await t.client.connectionActions.exportPage(netsuite._id, exportDoc, state);
      pages++;
      seen.push(...page.data);
      state = page.pagedExportState;
      assert.ok(state && typeof state.totalRecords === 'number');
      assert.ok(page.data.length <= 5);
    } while (!state.done && pages < 100);
    assert.strictEqual(seen.length, state.totalRecords);
    assert.strictEqual(pages, state.totalPages);
    await assert.rejects(
      t.client.connectionActions.exportPage(netsuite._id, exportDoc, { ...state, done: false, pageIndex: 0 }),
      (err: IntegratorApiError) => err.code === 'invalid_paged_export_state',
    );
  });

  it('runs a one-page virtual export', async () => {
    const page = await t.client.connectionActions.exportVirtual(named('Shopify Store')._id, {
      http: { relativeURI: '/orders.json' },
      pageSize: 3,
    });
    assert.ok(page.data.length > 0);
    assert.ok((page.data[0] as JsonObject).line_items, 'an orders endpoint yields orders');
  });

  it('evaluates the seed sample import mapping: a hard-coded key plus the extracted timestamp', async () => {
    const sample = SAMPLES['connection.import']!.request.body;
    const mapped = await t.client.connectionActions.importMap(
      named('Slack API')._id,
      sample.import as JsonObject,
      sample.data as unknown[],
    );
    assert.deepStrictEqual(
      mapped,
      [1, 2, 3, 4].map(() => ({ timestamp: 1512012818751, key: 'sqs_flow' })),
    );
  });

  it('sends records through a virtual import', async () => {
    const sample = SAMPLES['connection.import']!.request.body;
    const results = await t.client.connectionActions.importVirtual(
      named('Slack API')._id,
      sample.import as JsonObject,
      sample.data as unknown[],
    );
    assert.strictEqual(results.length, 4);
    for (const result of results) {
      assert.strictEqual(result.statusCode, 200);
      assert.match(String(result.id), /^[0-9a-f]{24}$/);
      assert.strictEqual((result._json as JsonObject).key, 'sqs_flow');
    }
  });

  it('evaluates Mapper 2.0 mappings and reports a missing status with its field', async () => {
    const slack = named('Slack API')._id;
    const mappings = [
      { generate: 'id', dataType: 'string', extract: '$.Id', status: 'Active' },
      { generate: 'amount', dataType: 'number', extract: '$.Amount', default: '0', status: 'Active' },
      {
        generate: 'account',
        dataType: 'object',
        status: 'Active',
        mappings: [{ generate: 'key', dataType: 'number', extract: '$.accountKey', status: 'Active' }],
      },
    ];
    const mapped = await t.client.connectionActions.importMap(slack, { mappings }, [
      { Id: 7, Amount: '12.5', accountKey: '40' },
      { Id: 8 },
    ]);
    assert.deepStrictEqual(mapped, [
      { id: '7', amount: 12.5, account: { key: 40 } },
      { id: '8', amount: 0, account: {} }, // no value and no default: the field is left out
    ]);
    await assert.rejects(
      t.client.connectionActions.importMap(slack, { mappings: [{ generate: 'x', extract: '$.y' }] }, [{}]),
      (err: IntegratorApiError) => {
        assert.strictEqual(err.field, 'mappings[0].status');
        assert.match(err.message, /Mapping object must have status field present/);
        return true;
      },
    );
  });

  it('keeps a debug log only while debugging is on', async () => {
    const shopify = named('Shopify Store');
    assert.strictEqual(await t.client.connectionActions.debugLog(shopify._id), '');
    await t.client.connections.patch(shopify._id, [
      { op: 'replace', path: '/debugDate', value: new Date(Date.now() + 600_000).toISOString() },
    ]);
    await t.client.connectionActions.ping(shopify._id);
    const log = await t.client.connectionActions.debugLog(shopify._id);
    const lines = log.trim().split('\n');
    assert.strictEqual(lines.length, 1);
    assert.match(lines[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z PING succeeded$/);
  });
});
