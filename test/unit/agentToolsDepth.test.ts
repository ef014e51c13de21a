/**
 * The agent tools read in depth, as an agent answering "why did the Shopify orders flow fail last
 * night?" reads them, against a real sandbox: one error with its failing record and HTTP exchange
 * (credentials masked, bodies cut), errors and runs in a time window, errors grouped by code and
 * message, retry jobs among the runs, real totals past the end, a search that fails when no
 * environment answers, listing without a query, and a legacy Integration App flow's real paths.
 */
import * as assert from 'assert';
import { agentTool, DATA_NOTE, ToolContext, ToolInputError, ToolResult } from '../../src/agentTools';
import { IntegratorClient } from '../../src/api';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

const ORDERS_FLOW = 'Shopify Orders to NetSuite Sales Orders';
const SALES_ORDERS = 'NetSuite - Create Sales Orders';

type Data = Record<string, unknown>;

describe('agent tools in depth (engine)', () => {
  let t: TestSandbox;
  let context: ToolContext;
  const run = async (name: string, input: unknown, ctx = context): Promise<{ data: Data; requests: string[] }> => {
    await t.clearRequests();
    const result: ToolResult = await agentTool(name)!.run(input, ctx);
    const text = JSON.stringify(result);
    assert.ok(!text.includes(TEST_TOKEN), 'no token in a result');
    assert.strictEqual(result.note, DATA_NOTE);
    return {
      data: result.data as Data,
      requests: (await t.requests()).map((r) => `${r.method} ${r.path}${r.query ? `?${r.query.replace(/^\?/, '')}` : ''}`),
    };
  };
  const idOf = async (kind: 'flows' | 'exports' | 'imports' | 'connections', name: string) =>
    (await t.client[kind].listAll()).find((r) => r.name === name)!._id;

  before(async () => {
    t = await startTestSandbox();
    context = {
      environments: () => [{ id: 'env-1', name: 'Demo', production: false, kind: 'sandbox' }],
      client: (envId) => (envId === 'env-1' ? Promise.resolve(t.client) : Promise.reject(new Error(`no environment ${envId}`))),
    };
  });
  after(() => t.close());

  it('integratorStepErrors with errorId: the error, its failing record and its HTTP exchange, credentials masked and bodies cut', async () => {
    const flowId = await idOf('flows', ORDERS_FLOW);
    const stepId = await idOf('imports', SALES_ORDERS);
    const [first] = (await run('integratorStepErrors', { flowId, stepId, limit: 1 })).data.errors as Data[];
    assert.strictEqual(first!.hasHttp, true);
    // What the account holds behind it: a header with an API key, a cookie, a key in the URL and a huge body, as a careless server might send them.
    const stored = (await t.client.errors.listAll(flowId, stepId)).find((e) => e.errorId === first!.errorId)!;
    const exchange = t.sandbox.services.store.data.requests[stored.reqAndResKey!]!;
    Object.assign(exchange.request, {
      url: 'https://acct.example.com/orders?api_key=live-key-123&page=2',
      headers: { ...exchange.request.headers, 'X-Api-Key': 'live-key-123', Cookie: 'sid=live-session', 'X-Trace': 'abc' },
      body: 'x'.repeat(50_000),
    });
    Object.assign(exchange.response, { headers: { 'set-cookie': 'sid=live-session' } });

    const { data, requests } = await run('integratorStepErrors', { flowId, stepId, errorId: first!.errorId });
    const error = data.error as Data;
    assert.strictEqual(error.errorId, first!.errorId);
    assert.strictEqual(error.message, first!.message);
    const retryData = error.retryData as Data;
    assert.strictEqual(retryData.stage, 'page_processor_import');
    assert.ok(JSON.stringify(retryData.record).length > 10, 'the failing record');
    const http = error.http as { request: Data; response: Data };
    assert.deepStrictEqual(http.request.headers, {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: '******',
      'X-Api-Key': '******',
      Cookie: '******',
      'X-Trace': 'abc',
    });
    assert.strictEqual(http.request.url, 'https://acct.example.com/orders?api_key=******&page=2');
    assert.match(String(http.request.body), /^x{6000}… \(cut: 50000 characters\)$/);
    assert.deepStrictEqual(http.response.headers, { 'set-cookie': '******' });
    assert.strictEqual(http.response.statusCode, 422);
    assert.ok(!JSON.stringify(data).includes('live-'), 'no credential in the answer');
    assert.deepStrictEqual(
      requests.map((r) =>
        r
          .replace(/\?.*$/, '')
          .replace(/[0-9a-f]{24}/g, ':id')
          .replace(/\/[^/]+\/data$/, '/:key/data')
          .replace(/requests\/.+$/, 'requests/:key'),
      ),
      ['GET /flows/:id/:id/errors', 'GET /flows/:id/:id/:key/data', 'GET /flows/:id/:id/requests/:key'],
    );

    const missing = (await run('integratorStepErrors', { flowId, stepId, errorId: '999999' })).data;
    assert.match(String(missing.notFound), /No open error of this step has this errorId/);
  });

  it('since/until: errors and runs of a window in one call each, sent as the API’s own filters; a bad time is refused before any request', async () => {
    const flowId = await idOf('flows', ORDERS_FLOW);
    const stepId = await idOf('imports', SALES_ORDERS);
    const before = (await t.client.errors.listAll(flowId, stepId)).length;
    // Every second record fails, so the run surely leaves errors (the demo fails one in nine).
    t.sandbox.services.store.data.simulation.errorEvery[stepId] = 2;
    const since = new Date().toISOString();
    await t.client.jobs.follow(await t.client.jobs.runFlow(flowId), { intervalMs: 20 });
    const fresh = (await t.client.errors.listAll(flowId, stepId)).length - before;
    assert.ok(fresh > 0, 'the run left new errors');

    const errors = await run('integratorStepErrors', { flowId, stepId, since, limit: 50 });
    assert.strictEqual((errors.data.errors as Data[]).length, fresh);
    assert.ok((errors.data.errors as Data[]).every((e) => String(e.occurredAt) >= since));
    assert.deepStrictEqual([errors.data.totalInWindow, errors.data.totalOpenInStep], [fresh, before + fresh]);
    assert.ok(
      errors.requests.some((r) => r.includes(`occurredAt_gte=${encodeURIComponent(since)}`)),
      errors.requests.join('\n'),
    );
    const old = (await run('integratorStepErrors', { flowId, stepId, until: since, limit: 50 })).data;
    assert.strictEqual((old.errors as Data[]).length, before);

    const runs = await run('integratorJobHistory', { flowId, since });
    assert.deepStrictEqual(
      (runs.data.runs as Data[]).map((r) => [r.type, r.status]),
      [['flow', 'completed']],
    );
    assert.strictEqual(runs.data.total, 1);
    assert.ok(runs.requests.every((r) => r.includes(`createdAt_gte=${encodeURIComponent(since)}`)));
    const none = (await run('integratorJobHistory', { flowId, since: '2001-01-01', until: '2001-01-02T00:00:00+01:00' })).data;
    assert.deepStrictEqual([none.runs, none.total, none.none], [[], 0, 'No runs in this time window.']);

    await t.clearRequests();
    for (const [input, message] of [
      [{ flowId, stepId, since: 'last night' }, /"since" must be an ISO 8601 date/],
      [{ flowId, stepId, since: '2024-02-30' }, /"since" must be an ISO 8601 date/],
      [{ flowId, stepId, until: '2024-05-01T22:00:00' }, /"until" must be an ISO 8601 date/],
      [{ flowId, stepId, since: '2024-05-02', until: '2024-05-01' }, /"since" is after "until"/],
      [{ flowId, stepId, errorId: '1', summary: true }, /"errorId" or "summary", not both/],
    ] as const) {
      await assert.rejects(
        agentTool('integratorStepErrors')!.run(input, context),
        (e: Error) => e instanceof ToolInputError && message.test(e.message),
      );
    }
    await assert.rejects(agentTool('integratorJobHistory')!.run({ jobId: 'j1', since }, context), /give them with flowId or integrationId/);
    assert.deepStrictEqual(await t.requests(), []);
  });

  it('summary: true groups a step’s errors by code and message, with counts and first and last times', async () => {
    const flowId = await idOf('flows', ORDERS_FLOW);
    const stepId = await idOf('imports', SALES_ORDERS);
    const all = await t.client.errors.listAll(flowId, stepId);
    const { data } = await run('integratorStepErrors', { flowId, stepId, summary: true });
    const groups = data.groups as { code: string; message: string; count: number; firstAt: string; lastAt: string }[];
    assert.strictEqual(data.read, all.length);
    assert.strictEqual(
      groups.reduce((n, g) => n + g.count, 0),
      all.length,
    );
    const expected = new Set(all.map((e) => `${e.code}\n${e.message}`));
    assert.strictEqual(groups.length, expected.size);
    for (const g of groups) {
      const members = all.filter((e) => e.code === g.code && e.message === g.message);
      assert.strictEqual(g.count, members.length);
      assert.strictEqual(g.firstAt, members.map((e) => e.occurredAt).sort()[0]);
      assert.strictEqual(
        g.lastAt,
        members
          .map((e) => e.occurredAt)
          .sort()
          .at(-1),
      );
    }
    assert.ok(
      groups.every((g, i) => i === 0 || groups[i - 1]!.count >= g.count),
      'most frequent first',
    );
    assert.strictEqual(data.partial, undefined);
  });

  it('integratorJobHistory lists retry jobs, marked, with the step they retried', async () => {
    const flowId = await idOf('flows', ORDERS_FLOW);
    const stepId = await idOf('imports', SALES_ORDERS);
    const [error] = await t.client.errors.listAll(flowId, stepId);
    const retry = await t.client.errors.retry(flowId, stepId, [error!.retryDataKey!]);
    await t.client.jobs.follow(retry!._jobId!, { intervalMs: 20 });
    const runs = (await run('integratorJobHistory', { flowId, limit: 1 })).data.runs as Data[];
    assert.deepStrictEqual([runs[0]!.jobId, runs[0]!.type, runs[0]!.retried], [retry!._jobId, 'retry', { importId: stepId }]);
  });

  it('past the end, job and audit history give the real total and say the offset is past the end', async () => {
    const flowId = await idOf('flows', 'NetSuite Fulfillments to Shopify');
    const jobs = await t.client.jobs.listAll({ _flowId: flowId, type: 'flow' });
    const past = (await run('integratorJobHistory', { flowId, offset: 40 })).data;
    assert.deepStrictEqual(
      [past.runs, past.total, past.none],
      [[], jobs.length, `Offset 40 is past the end: there are ${jobs.length} runs.`],
    );
    const exportId = await idOf('exports', 'Shopify - Get Orders');
    const entries = (await t.client.exports.audit(exportId).next()).value as unknown[];
    const audit = (await run('integratorAuditHistory', { kind: 'exports', id: exportId, offset: 40 })).data;
    assert.deepStrictEqual(
      [audit.entries, audit.total, audit.none],
      [[], entries.length, `Offset 40 is past the end: there are ${entries.length} entries.`],
    );
  });

  it('integratorFindResources fails, naming the token, when no environment can be read; it lists a kind or an integration without a query', async () => {
    const wrong = new IntegratorClient({ baseUrl: t.sandbox.baseUrl, token: 'wrong-token', maxRetries: 0 });
    const both: ToolContext = {
      environments: () => [
        { id: 'a', name: 'Demo', production: false, kind: 'sandbox' },
        { id: 'b', name: 'Other', production: true, kind: 'account' },
      ],
      client: () => Promise.resolve(wrong),
    };
    try {
      await assert.rejects(agentTool('integratorFindResources')!.run({ query: 'shopify' }, both), (err: Error) => {
        assert.match(err.message, /^No environment could be read, so nothing was searched\. "Demo": .*401.*; "Other": .*401/);
        assert.match(err.message, /INTEGRATOR_IO_TOKEN/);
        assert.ok(!err.message.includes('wrong-token'));
        return true;
      });
    } finally {
      wrong.dispose();
    }

    const connections = await t.client.connections.listAll();
    const listed = (await run('integratorFindResources', { kind: 'connections', limit: 100 })).data;
    assert.deepStrictEqual((listed.matches as Data[]).map((m) => m.id).sort(), connections.map((c) => c._id).sort());
    assert.deepStrictEqual([listed.total, listed.listing], [connections.length, 'connections']);

    const flowId = await idOf('flows', ORDERS_FLOW);
    const integrationId = String((await t.client.flows.get(flowId))._integrationId);
    const flows = (await t.client.flows.listAll()).filter((f) => f._integrationId === integrationId);
    const ofIntegration = (await run('integratorFindResources', { integrationId, kind: 'flows' })).data;
    assert.deepStrictEqual((ofIntegration.matches as Data[]).map((m) => m.name).sort(), flows.map((f) => f.name).sort());
    await assert.rejects(agentTool('integratorFindResources')!.run({}, context), /Give "query" to search, or "kind"/);
    await assert.rejects(agentTool('integratorFindResources')!.run({ integrationId, kind: 'scripts' }, context), /not scripts/);
  });

  it('integratorFlow on a legacy Integration App flow: legacy and integrationApp said, each step at its real path', async () => {
    const flowId = await idOf('flows', 'Legacy Invoices to ERP');
    const flow = await t.client.flows.get(flowId);
    const { data } = await run('integratorFlow', { id: flowId });
    const overview = data.flow as Data;
    assert.deepStrictEqual([overview.legacy, overview.integrationApp], [true, true]);
    assert.match(String(overview.integrationAppNote), /editing them is restricted/);
    assert.deepStrictEqual(
      (data.steps as Data[]).map((s) => [s.role, s.kind, s.id, s.path]),
      [
        ['source', 'exports', flow._exportId, '_exportId'],
        ['import', 'imports', flow._importId, '_importId'],
      ],
    );
    const modern = (await run('integratorFlow', { id: await idOf('flows', ORDERS_FLOW) })).data;
    assert.deepStrictEqual([(modern.flow as Data).legacy, (modern.flow as Data).integrationApp], [undefined, undefined]);
    assert.strictEqual((modern.steps as Data[])[0]!.path, 'pageGenerators[0]');
  });
});
