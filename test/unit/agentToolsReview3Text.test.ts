/**
 * The holes review 3 found in what the agent tools say and read (a resolve-all broader than its
 * question, a token past the mask, a lookalike-quoted name, a plan read through a swapped link, a
 * huge file read whole), each held closed against a real sandbox: a test titled `HOLDS: …` fails
 * if the hole opens again.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { AGENT_TOOLS, agentTool, ToolContext, ToolEnvironment, ToolResult, WriteChange } from '../../src/agentTools';
import { MAX_DOCUMENT_TEXT } from '../../src/agentTools/readResource';
import { MIN_TOKEN_PIECE, tokenMask } from '../../src/agentTools/redact';
import { mcpServer } from '../../src/cli/mcp';
import { stopTemplateWorker } from '../../src/handlebars/workerClient';
import { pull } from '../../src/iac/pull';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

type Data = Record<string, unknown>;
const ORDERS_FLOW = 'Shopify Orders to NetSuite Sales Orders';
const DEMO: ToolEnvironment = { id: 'env-1', name: 'Demo', production: false, kind: 'sandbox' };

describe('agent tools: review 3, what tools say and read', function () {
  this.timeout(120_000);
  let t: TestSandbox;
  let workspace: string;
  let outside: string;
  /** Every write question asked, as "environment: action what". */
  let asked: string[];

  /** The context VS Code gives: in a non-production environment its write question (confirmProductionChange) answers yes without asking. */
  const contextOf = (extra: Partial<ToolContext> = {}): ToolContext => ({
    environments: () => [DEMO],
    client: (envId) => (envId === DEMO.id ? Promise.resolve(t.client) : Promise.reject(new Error(`no environment ${envId}`))),
    confirmWrite: (env: ToolEnvironment, change: WriteChange) => {
      asked.push(`${env.name}: ${change.action} ${change.what}`);
      return Promise.resolve(!env.production);
    },
    folders: () => [workspace],
    ...extra,
  });
  const run = (name: string, input: unknown, context = contextOf()) => agentTool(name)!.run(input, context);
  const dataOf = (result: ToolResult): Data => result.data as Data;
  const idOf = async (kind: 'exports' | 'imports' | 'flows' | 'scripts' | 'integrations', name: string) =>
    (await t.client[kind].listAll()).find((r) => r.name === name)!._id;

  /** An MCP client on the real server code (cli/mcp.ts's mcpServer), with the token as the server's secret, read-only flags. */
  async function mcpClient(context = contextOf()): Promise<Client> {
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    const server = mcpServer({
      tools: AGENT_TOOLS.filter((tool) => !tool.editorOnly),
      context,
      writes: { production: false, allowWrites: false, allowProductionWrites: false },
      secret: TEST_TOKEN,
      log: () => undefined,
    });
    await server.connect(serverSide);
    const client = new Client({ name: 'review3', version: '1' });
    await client.connect(clientSide);
    return client;
  }
  const mcpText = (result: unknown) => (result as { content: { text: string }[] }).content.map((c) => c.text).join('');

  before(async () => {
    t = await startTestSandbox();
    workspace = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'review3-ws-')));
    outside = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'review3-outside-')));
  });
  beforeEach(() => {
    asked = [];
  });
  after(async () => {
    await stopTemplateWorker();
    await t.close();
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  describe('acting tools', () => {
    const runFlowTwice = async (flowId: string) => {
      for (let i = 0; i < 2; i++) await t.client.jobs.follow(await t.client.jobs.runFlow(flowId), { intervalMs: 20 });
    };
    const openIds = async (flowId: string, stepId: string) => (await t.client.errors.listAll(flowId, stepId)).map((e) => e.errorId);

    it('HOLDS (medium): integratorResolveErrors with "all" resolves the errors its question counted, not those that arrived while it was read; a call nobody asked about acts on what is open', async () => {
      const flowId = await idOf('flows', ORDERS_FLOW);
      const stepId = await idOf('imports', 'NetSuite - Create Sales Orders');
      const agreed = await openIds(flowId, stepId);
      assert.ok(agreed.length > 0 && agreed.length < 100, `${agreed.length} open errors`);
      const asking = await agentTool('integratorResolveErrors')!.confirm!({ flowId, stepId, all: true }, contextOf());
      assert.match(asking.title, new RegExp(`^Resolve ${agreed.length} errors? of the step`));
      // The person reads the question; meanwhile the flow runs again (its schedule, or the account's owner).
      await runFlowTwice(flowId);
      const arrived = (await openIds(flowId, stepId)).filter((id) => !agreed.includes(id));
      assert.ok(arrived.length > 0, 'new errors arrived while the question was read');
      const data = dataOf(await run('integratorResolveErrors', { flowId, stepId, all: true }));
      assert.strictEqual(data.resolved, agreed.length);
      assert.deepStrictEqual([...(data.errorIds as string[])].sort(), [...agreed].sort());
      assert.deepStrictEqual(asked, [
        `Demo: resolve ${agreed.length} error${agreed.length === 1 ? '' : 's'} of step "NetSuite - Create Sales Orders" of flow "${ORDERS_FLOW}"`,
      ]);
      assert.deepStrictEqual((await openIds(flowId, stepId)).sort(), [...arrived].sort(), 'the errors that arrived are still open');
      // Each question answers one call: the next one, asked by nobody (the MCP server), acts on what is open.
      const next = dataOf(await run('integratorResolveErrors', { flowId, stepId, all: true }));
      assert.deepStrictEqual([...(next.errorIds as string[])].sort(), [...arrived].sort());
      assert.deepStrictEqual(await openIds(flowId, stepId), []);
    });

    it('HOLDS (medium): integratorRetryErrors with "all" retries the errors its question counted; one resolved meanwhile is said and not sent', async () => {
      const flowId = await idOf('flows', ORDERS_FLOW);
      const stepId = await idOf('imports', 'NetSuite - Create Sales Orders');
      await runFlowTwice(flowId);
      const agreed = await openIds(flowId, stepId);
      assert.ok(agreed.length > 1 && agreed.length < 100, `${agreed.length} open errors`);
      const asking = await agentTool('integratorRetryErrors')!.confirm!({ flowId, stepId, all: true }, contextOf());
      assert.match(asking.title, new RegExp(`^Retry ${agreed.length} errors of the step`));
      await runFlowTwice(flowId);
      const [gone, ...kept] = agreed;
      await t.client.errors.resolve(flowId, stepId, [gone!]);
      await t.clearRequests();
      const data = dataOf(await run('integratorRetryErrors', { flowId, stepId, all: true }));
      assert.strictEqual(data.retried, kept.length);
      assert.deepStrictEqual([...(data.errorIds as string[])].sort(), [...kept].sort());
      assert.deepStrictEqual(data.notFound, [gone]);
      const sent = (await t.requests()).filter((r) => r.method === 'POST');
      assert.strictEqual(sent.length, 1, JSON.stringify(sent.map((r) => r.path)));
      assert.strictEqual(((sent[0]!.body as { retryDataKeys: string[] }).retryDataKeys ?? []).length, kept.length);
    });

    it('HOLDS (low): a flow name with typographic quotes is shown with them escaped, so it cannot seem to end the name', async () => {
      const flowId = await idOf('flows', 'Nightly Order Archive to S3');
      await t.client.flows.patch(flowId, [{ op: 'replace', path: '/name', value: 'Archive\u201d in the environment \u201cScratch' }]);
      const asking = await agentTool('integratorRunFlow')!.confirm!({ flowId }, contextOf());
      assert.strictEqual(asking.title, 'Run the flow "Archive\\u{201d} in the environment \\u{201c}Scratch" in the environment "Demo"?');
      await t.client.flows.patch(flowId, [
        { op: 'replace', path: '/name', value: '\u00abA\u00bb \u201eB\u201f \u2033C\u2036 \uff02D\u2039E\u203a' },
      ]);
      const lookalikes = await agentTool('integratorRunFlow')!.confirm!({ flowId }, contextOf());
      assert.match(lookalikes.title, /^Run the flow "[^"]*" in the environment "Demo"\?$/);
      assert.doesNotMatch(lookalikes.title, /[\u00ab\u00bb\u201c-\u201f\u2033\u2036\uff02\u2039\u203a]/);
    });
  });

  it('HOLDS: "all" over more open errors than a call takes says how many remain and how to go on (a new user’s report)', async () => {
    const flowId = await idOf('flows', ORDERS_FLOW);
    const stepId = await idOf('imports', 'NetSuite - Create Sales Orders');
    const simulation = t.sandbox.services.store.data.simulation;
    const before = simulation.errorEvery[stepId];
    simulation.errorEvery[stepId] = 1; // every record fails
    try {
      while ((await t.client.errors.listAll(flowId, stepId)).length <= 100)
        await t.client.jobs.follow(await t.client.jobs.runFlow(flowId), { intervalMs: 20 });
    } finally {
      simulation.errorEvery[stepId] = before!;
    }
    const open = (await t.client.errors.listAll(flowId, stepId)).length;
    const data = dataOf(await run('integratorResolveErrors', { flowId, stepId, all: true }, contextOf()));
    assert.strictEqual(data.count, 100);
    assert.strictEqual(data.remaining, open - 100);
    assert.strictEqual(
      data.more,
      `${open - 100} open error${open - 100 === 1 ? '' : 's'} of the step remain: call again with "all": true.`,
    );
    assert.strictEqual((await t.client.errors.listAll(flowId, stepId)).length, open - 100);
  });

  describe('tokens', () => {
    it('HOLDS (medium): a token in account text stays masked when a 50 000-character cut falls inside it (readResource through the MCP server)', async () => {
      // A script that holds the user's own key, padded so the cut falls one character short of its end.
      const script = await t.client.scripts.create({
        name: 'Calls the API',
        content: `${'/'.repeat(MAX_DOCUMENT_TEXT)}\nconst KEY = '${TEST_TOKEN}';\n`,
      });
      const at = JSON.stringify(await t.client.scripts.get(script._id)).indexOf(TEST_TOKEN);
      const shift = at + TEST_TOKEN.length - 1 - MAX_DOCUMENT_TEXT;
      const content = `${'/'.repeat(MAX_DOCUMENT_TEXT - shift)}\nconst KEY = '${TEST_TOKEN}';\n`;
      await t.client.scripts.update(script._id, { ...(await t.client.scripts.get(script._id)), content });
      const mcp = await mcpClient();
      const text = mcpText(await mcp.callTool({ name: 'integratorReadResource', arguments: { kind: 'scripts', id: script._id } }));
      assert.ok(!text.includes(TEST_TOKEN.slice(0, MIN_TOKEN_PIECE)), 'no piece of the token is there');
      assert.ok(text.includes("const KEY = '******"), 'the token is masked where it was');
      await mcp.close();
    });

    it('HOLDS (medium): the mask on the way out (MCP server, VS Code) masks what any cut leaves of a token, at either end of a text', () => {
      const mask = tokenMask([TEST_TOKEN]);
      for (let cut = MIN_TOKEN_PIECE; cut <= TEST_TOKEN.length; cut++) {
        const head = TEST_TOKEN.slice(0, cut);
        const tail = TEST_TOKEN.slice(TEST_TOKEN.length - cut);
        assert.strictEqual(mask(`{"documentText":"const KEY = '${head}"}`), `{"documentText":"const KEY = '******"}`, head);
        assert.strictEqual(mask(`${tail}';\n`), `******';\n`, tail);
      }
      assert.strictEqual(mask(`a ${TEST_TOKEN} b`), 'a ****** b');
      assert.strictEqual(mask('an ordinary test of a token-less text'), 'an ordinary test of a token-less text');
    });

    it('HOLDS (medium): a model cannot render a token held in an export’s header past the mask (integratorRenderTemplate with base64Encode)', async () => {
      const shopify = await t.client.exports.get(await idOf('exports', 'Shopify - Get Orders'));
      const exp = await t.client.exports.create({
        name: 'Own API',
        _connectionId: String(shopify._connectionId),
        adaptorType: 'HTTPExport',
        http: { method: 'GET', relativeURI: '/x', headers: [{ name: 'Authorization', value: `Bearer ${TEST_TOKEN}` }] },
      });
      const mcp = await mcpClient();
      const rendered = mcpText(
        await mcp.callTool({
          name: 'integratorRenderTemplate',
          arguments: { template: '{{{base64Encode export.http.headers.[0].value}}}', kind: 'export', resourceId: exp._id },
        }),
      );
      const output = String((JSON.parse(rendered) as { data: { output: string } }).data.output);
      assert.strictEqual(Buffer.from(output, 'base64').toString('utf8'), 'Bearer ******');
      await mcp.close();
    });
  });

  describe('credentials no schema marks (a new user’s report)', () => {
    it('HOLDS: headers, a URI’s token and secret-named fields are masked in a read and in the audit history’s values', async () => {
      const shopify = (await t.client.connections.listAll()).find((c) => c.name === 'Shopify Store')!;
      const connection = await t.client.connections.get(shopify._id);
      const http = connection.http as Data;
      await t.client.connections.update(shopify._id, {
        ...connection,
        http: {
          ...http,
          headers: [
            { name: 'Authorization', value: 'Basic dXNlcjpodW50ZXIy' },
            { name: 'x-api-key', value: 'ak_live_9f8e7d' },
            { name: 'Accept', value: 'application/json' },
          ],
          ping: { ...(http.ping as Data), relativeURI: '/shop.json?access_token=shpat_LEAKED999&fields=id' },
        },
      });
      const read = JSON.stringify(dataOf(await run('integratorReadResource', { kind: 'connections', id: shopify._id })));
      for (const secret of ['dXNlcjpodW50ZXIy', 'ak_live_9f8e7d', 'shpat_LEAKED999']) assert.ok(!read.includes(secret), secret);
      assert.ok(read.includes('application/json'), 'other headers stay');
      assert.ok(read.includes('/shop.json?access_token=******&fields=id'), read);

      const history = dataOf(await run('integratorAuditHistory', { kind: 'connections', id: shopify._id }));
      const [latest] = history.entries as { entryId: string }[];
      const entry = JSON.stringify(
        dataOf(await run('integratorAuditHistory', { kind: 'connections', id: shopify._id, entryId: latest!.entryId })),
      );
      for (const secret of ['dXNlcjpodW50ZXIy', 'ak_live_9f8e7d', 'shpat_LEAKED999'])
        assert.ok(!entry.includes(secret), `${secret} in ${entry}`);
    });
  });

  describe('integratorPlanFolder', () => {
    let otherName: string;
    before(async () => {
      await fs.mkdir(path.join(workspace, 'a'));
      await pull({
        client: t.client,
        baseUrl: t.sandbox.baseUrl,
        environment: 'demo',
        integration: 'Shopify - NetSuite Order Sync',
        dir: path.join(workspace, 'a', 'pulled'),
      });
      // Outside the workspace: another folder, which the tool must never answer from.
      otherName = 'Operations & Alerts';
      await pull({
        client: t.client,
        baseUrl: t.sandbox.baseUrl,
        environment: 'demo',
        integration: otherName,
        dir: path.join(outside, 'pulled'),
      });
    });

    it('HOLDS (low): a folder whose path becomes a link after the check is refused, and nothing read through the link is answered', async () => {
      const swapped = contextOf({
        // Anything that moves while the account is read (here: as the tool asks for its client, after the check).
        client: async () => {
          await fs.rename(path.join(workspace, 'a'), path.join(workspace, 'a-was'));
          await fs.symlink(outside, path.join(workspace, 'a'));
          return t.client;
        },
      });
      try {
        await assert.rejects(run('integratorPlanFolder', { folder: 'a/pulled' }, swapped), (err: Error) => {
          assert.match(err.message, /"a\/pulled" is refused: the folder changed while it was read/);
          assert.ok(!err.message.includes(otherName) && !err.message.includes(outside), err.message);
          return true;
        });
      } finally {
        await fs.rm(path.join(workspace, 'a'));
        await fs.rename(path.join(workspace, 'a-was'), path.join(workspace, 'a'));
      }
      const data = dataOf(await run('integratorPlanFolder', { folder: 'a/pulled' }));
      assert.strictEqual((data.integration as { name: string }).name, 'Shopify - NetSuite Order Sync');
    });

    it('HOLDS (low): a pulled folder’s file over 10 MB is refused by its size, not read (a 500 MB file)', async () => {
      const exportsDir = path.join(workspace, 'a', 'pulled', 'exports');
      const name = (await fs.readdir(exportsDir)).find((n) => n.endsWith('.json'))!;
      const huge = path.join(exportsDir, name);
      const saved = await fs.readFile(huge);
      // Zeros: what Git compresses a thousandfold; sparse here, so the disk is spared.
      await fs.truncate(huge, 500 * 1024 * 1024);
      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      let data: Data;
      try {
        data = dataOf(await run('integratorPlanFolder', { folder: 'a/pulled' }));
      } finally {
        clearInterval(sampler);
        await fs.writeFile(huge, saved);
      }
      assert.deepStrictEqual(data.problems, [
        `exports/${name} is 500 MB, larger than the 10 MB a file of a pulled folder may be: it is not read`,
      ]);
      assert.deepStrictEqual(data.items, [], 'nothing of the folder is compared');
      const grewMb = Math.round((Math.max(peak, process.memoryUsage().rss) - base) / 1024 / 1024);
      assert.ok(grewMb < 100, `rss grew ${grewMb} MB`);
    });
  });
});
