/**
 * `integrator-io mcp` driven by the MCP SDK's own client: `node dist/cli.js mcp` over stdio
 * against the demo sandbox, as an agent outside VS Code runs it (list the tools, a read tool, a
 * try tool; the token in no answer, on neither stream), and its write guard on the real acting
 * tools: not listed and refused without --allow-writes, and in production without
 * --allow-production-writes, with nothing reaching the sandbox (its request log); listed and run
 * when the flags allow it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { AGENT_TOOLS, ToolResult } from '../../src/agentTools';
import { runCli } from '../support/cli';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

const CLI_JS = path.join(__dirname, '../../../dist/cli.js');
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

type TextResult = { isError?: boolean; content: { type: string; text: string }[] };
const textOf = (result: unknown) => (result as TextResult).content.map((c) => c.text).join('');
const dataOf = (result: unknown) => (JSON.parse(textOf(result)) as ToolResult).data as Record<string, unknown>;

describe('integrator-io mcp', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  before(async () => {
    assert.ok(fs.existsSync(CLI_JS), 'dist/cli.js is built (npm run build)');
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('serves the engine tools over stdio: lists them, answers a read tool and a try tool, and never shows the token', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI_JS, 'mcp', '--url', t.sandbox.baseUrl, '--name', 'Demo'],
      env: { PATH: process.env.PATH ?? '', INTEGRATOR_IO_TOKEN: TEST_TOKEN },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'mcp-test', version: '1' });
    const errors: Error[] = [];
    client.onerror = (err) => errors.push(err);
    await client.connect(transport);
    // Every message that came on stdout after initialize, as it came.
    const seen: string[] = [];
    const onmessage = transport.onmessage!;
    transport.onmessage = (message) => {
      seen.push(JSON.stringify(message));
      onmessage(message);
    };
    try {
      await t.clearRequests();
      const { tools } = await client.listTools();
      assert.deepStrictEqual(
        tools.map((tool) => tool.name),
        AGENT_TOOLS.filter((tool) => !tool.editorOnly && !tool.acting).map((tool) => tool.name),
      );
      assert.ok(!tools.some((tool) => tool.name === 'integratorProposeEdit'), 'an unsaved edit needs an editor: not offered here');
      const flowTool = tools.find((tool) => tool.name === 'integratorFlow')!;
      assert.deepStrictEqual(flowTool.inputSchema, AGENT_TOOLS.find((tool) => tool.name === 'integratorFlow')!.inputSchema);

      const found = await client.callTool({ name: 'integratorFindResources', arguments: { query: 'shopify orders', kind: 'flows' } });
      assert.ok(!found.isError, textOf(found));
      const matches = dataOf(found).matches as { id: string; name: string; environment: { name: string } }[];
      assert.deepStrictEqual(
        matches.map((m) => [m.name, m.environment.name]),
        [['Shopify Orders to NetSuite Sales Orders', 'Demo']],
      );
      const flow = dataOf(await client.callTool({ name: 'integratorFlow', arguments: { id: matches[0]!.id } }));
      assert.deepStrictEqual(
        (flow.steps as { name: string }[]).map((s) => s.name),
        ['Shopify - Get Orders', 'NetSuite - Customer Lookup', 'NetSuite - Create Sales Orders', 'Shopify - Tag Order as Synced'],
      );

      const rendered = await client.callTool({
        name: 'integratorRenderTemplate',
        arguments: { template: '{{record.name}} x{{record.qty}}', kind: 'import', records: [{ name: 'Widget', qty: 3 }] },
      });
      assert.strictEqual(dataOf(rendered).output, 'Widget x3');

      const refused = await client.callTool({ name: 'integratorFlow', arguments: { id: 'not an id' } });
      assert.strictEqual(refused.isError, true);
      assert.match(textOf(refused), /"id" is not an integrator.io id/);

      const requests = await t.requests();
      assert.ok(requests.length > 0, 'the read tools read the sandbox');
      assert.deepStrictEqual(
        requests.filter((r) => WRITES.includes(r.method)),
        [],
      );
    } finally {
      await client.close();
    }
    assert.deepStrictEqual(errors, [], 'stdout carried only MCP messages');
    assert.ok(seen.length >= 5, `${seen.length} messages`);
    for (const text of [...seen, stderr]) assert.ok(!text.includes(TEST_TOKEN), 'the token is in no message and not on stderr');
    assert.match(stderr, /MCP server on stdio: \d+ tools for "Demo"/);
  });

  it('refuses a --token option, saying to use the variable, and starts no server without INTEGRATOR_IO_TOKEN', async () => {
    const argument = await runCli(['mcp', '--url', t.sandbox.baseUrl, '--token', TEST_TOKEN]);
    assert.strictEqual(argument.code, 1);
    assert.match(argument.stderr, /set INTEGRATOR_IO_TOKEN instead/);
    assert.ok(!argument.stderr.includes(TEST_TOKEN) && !argument.stdout.includes(TEST_TOKEN));
    const none = await runCli(['mcp', '--url', t.sandbox.baseUrl], {});
    assert.strictEqual(none.code, 1);
    assert.match(none.stderr, /INTEGRATOR_IO_TOKEN/);
    const half = await runCli(['mcp', '--allow-production-writes']);
    assert.strictEqual(half.code, 1);
    assert.match(half.stderr, /--allow-production-writes goes with --allow-writes/);
  });

  describe('the write guard, on the real acting tools', () => {
    const ACTING = AGENT_TOOLS.filter((tool) => tool.acting && !tool.editorOnly).map((tool) => tool.name);
    const READING = AGENT_TOOLS.filter((tool) => !tool.acting && !tool.editorOnly).map((tool) => tool.name);

    /** `integrator-io mcp` started with these flags, and an MCP client connected to it over stdio. */
    async function served(flags: string[]) {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [CLI_JS, 'mcp', '--url', t.sandbox.baseUrl, '--name', 'Demo', ...flags],
        env: { PATH: process.env.PATH ?? '', INTEGRATOR_IO_TOKEN: TEST_TOKEN },
        stderr: 'pipe',
      });
      const client = new Client({ name: 'mcp-test', version: '1' });
      await client.connect(transport);
      return client;
    }
    const flowId = async () => (await t.client.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!._id;

    const refusals: [string, string[], RegExp][] = [
      ['without --allow-writes', [], /started without --allow-writes: nothing was sent/],
      [
        'in production with --allow-writes alone',
        ['--production', '--allow-writes'],
        /marked --production: nothing was sent.*--allow-production-writes/,
      ],
      ['in production without either flag', ['--production'], /without --allow-writes/],
    ];
    for (const [when, flags, refusal] of refusals) {
      it(`the acting tools are neither listed nor run ${when}, and nothing reaches the account`, async () => {
        const id = await flowId();
        const client = await served(flags);
        try {
          await t.clearRequests();
          const { tools } = await client.listTools();
          assert.deepStrictEqual(
            tools.map((tool) => tool.name),
            READING,
          );
          const refused = await client.callTool({ name: 'integratorRunFlow', arguments: { flowId: id } });
          assert.strictEqual(refused.isError, true);
          assert.match(textOf(refused), refusal);
          assert.deepStrictEqual(await t.requests(), [], 'not even a read: refused before the tool ran');
        } finally {
          await client.close();
        }
      });
    }

    for (const [when, flags] of [
      ['with --allow-writes', ['--allow-writes']],
      ['in production with both flags', ['--production', '--allow-writes', '--allow-production-writes']],
    ] as [string, string[]][]) {
      it(`the acting tools are listed and integratorRunFlow runs the flow ${when}`, async () => {
        const id = await flowId();
        const client = await served(flags);
        try {
          await t.clearRequests();
          const { tools } = await client.listTools();
          assert.deepStrictEqual(
            tools.map((tool) => tool.name),
            [...READING, ...ACTING],
          );
          assert.deepStrictEqual(ACTING, ['integratorRunFlow', 'integratorResolveErrors', 'integratorRetryErrors']);
          assert.ok(tools.filter((tool) => ACTING.includes(tool.name)).every((tool) => tool.annotations?.readOnlyHint !== true));
          const ran = await client.callTool({ name: 'integratorRunFlow', arguments: { flowId: id } });
          assert.ok(!ran.isError, textOf(ran));
          const data = dataOf(ran);
          assert.strictEqual(data.ran, true);
          assert.deepStrictEqual(
            (await t.requests()).filter((r) => WRITES.includes(r.method)).map((r) => `${r.method} ${r.path}`),
            [`POST /flows/${id}/run`],
          );
          assert.strictEqual((await t.client.jobs.get(String(data.jobId)))._flowId, id);
        } finally {
          await client.close();
        }
      });
    }
  });
});
