/**
 * The agent tools that try things without writing to the account, against a real sandbox: an
 * export's first page, a hook run here in the hook sandbox, a pulled folder's plan. Each answer
 * is what a model reads; hostile input (ids, a script from the account, a folder path) is refused
 * or contained, and the sandbox's request log shows that nothing was written.
 */
import * as assert from 'assert';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { agentTool, DATA_NOTE, ToolContext, ToolInputError, ToolResult } from '../../src/agentTools';
import { MAX_TRY_CALLS } from '../../src/agentTools/hookTryApi';
import { jsonFileOf } from '../../src/iac/layout';
import { pull } from '../../src/iac/pull';
import type { HookResult } from '../../src/hooks/runner';
import { EscapeWorld, hookEscapeCases, openEscapeWorld, TOKEN_CANARY } from '../support/hookEscapeCases';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

type Data = Record<string, unknown>;

/** Requests that change nothing: reads, and the API's previews (virtual exports, mapping evaluation). */
const READS = [/^GET /, /^POST \/connections\/[0-9a-f]{24}\/export(\/pages)?$/, /^POST \/connections\/[0-9a-f]{24}\/import\/map$/];

describe('agent tools that try (engine)', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  let workspace: string;
  let outside: string;
  let context: ToolContext;
  const run = (name: string, input: unknown) => agentTool(name)!.run(input, context);
  const dataOf = (result: ToolResult): Data => {
    const text = JSON.stringify(result);
    assert.ok(!text.includes(TEST_TOKEN), 'no token in a result');
    assert.strictEqual(result.note, DATA_NOTE);
    return result.data as Data;
  };
  const idOf = async (kind: 'exports' | 'scripts' | 'flows', name: string) =>
    (await t.client[kind].listAll()).find((r) => r.name === name)!._id;
  const requestLines = async () => (await t.requests()).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
  /** Nothing but reads since the log was cleared. */
  const assertNothingWritten = async () => {
    const writes = (await requestLines()).filter((line) => !READS.some((read) => read.test(line)));
    assert.deepStrictEqual(writes, [], 'no request changed the account');
  };
  /** Refused as input (ToolInputError, with `message` matched), with no request sent. */
  const assertRefused = async (name: string, input: unknown, message: RegExp) => {
    await t.clearRequests();
    await assert.rejects(run(name, input), (err: Error) => err instanceof ToolInputError && message.test(err.message));
    assert.deepStrictEqual(await requestLines(), [], 'no request before the refusal');
  };

  before(async () => {
    t = await startTestSandbox();
    workspace = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'agent-try-ws-')));
    outside = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'agent-try-outside-')));
    context = {
      environments: () => [{ id: 'env-1', name: 'Demo', production: false, kind: 'sandbox' }],
      client: (envId) => (envId === 'env-1' ? Promise.resolve(t.client) : Promise.reject(new Error(`no environment ${envId}`))),
      folders: () => [workspace],
    };
  });
  after(async () => {
    await t.close();
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  describe('integratorPreviewExport', () => {
    it('gives the first page’s records a slice at a time, with the page’s count and the total, by a virtual export', async () => {
      const exportId = await idOf('exports', 'Shopify - Get Orders');
      const doc = await t.client.exports.get(exportId);
      await t.clearRequests();
      const first = dataOf(await run('integratorPreviewExport', { exportId, limit: 3 }));
      assert.deepStrictEqual(first.export, { id: exportId, name: 'Shopify - Get Orders' });
      assert.deepStrictEqual(first.environment, { id: 'env-1', name: 'Demo', production: false });
      assert.strictEqual((first.records as unknown[]).length, 3);
      assert.strictEqual(first.recordsOnFirstPage, 20);
      assert.ok((first.totalRecords as number) > 20, JSON.stringify(first.totalRecords));
      assert.match(String(first.morePages), /first one/);
      assert.match(String(first.more), /offset 3/);
      assert.deepStrictEqual(await requestLines(), [
        `GET /exports/${exportId}`,
        `POST /connections/${String(doc._connectionId)}/export/pages`,
      ]);
      const last = dataOf(await run('integratorPreviewExport', { exportId, offset: 18, limit: 5 }));
      assert.strictEqual((last.records as unknown[]).length, 2);
      assert.strictEqual(last.more, undefined);
      await assertNothingWritten();
    });

    it('refuses hostile ids and unknown fields before any request, and says a webhook export has nothing to preview', async () => {
      await assertRefused('integratorPreviewExport', { exportId: '..' }, /not an integrator.io id/);
      await assertRefused('integratorPreviewExport', { exportId: 'abc', method: 'DELETE' }, /Unknown input field/);
      await assertRefused('integratorPreviewExport', { exportId: 'abc', limit: 5000 }, /"limit" must be a whole number from 1 to 50/);
      const webhook = await idOf('exports', 'Zendesk - Ticket Webhook');
      await assert.rejects(run('integratorPreviewExport', { exportId: webhook }), /no connection to run through/);
    });
  });

  describe('integratorRunHook', () => {
    let world: EscapeWorld;
    let savedToken: string | undefined;
    before(async () => {
      world = await openEscapeWorld();
      // The hook worker sees this process's environment: the canary is what a script would steal.
      savedToken = process.env.INTEGRATOR_IO_TOKEN;
      process.env.INTEGRATOR_IO_TOKEN = TOKEN_CANARY;
    });
    after(async () => {
      if (savedToken === undefined) delete process.env.INTEGRATOR_IO_TOKEN;
      else process.env.INTEGRATOR_IO_TOKEN = savedToken;
      await fs.rm(world.markerFile, { force: true });
      await world.close();
    });
    const scriptOf = async (content: string) => (await t.client.scripts.create({ name: 'Agent try', content }))._id;
    /** The run's answer, checked to hold nothing of the host. */
    const runData = async (input: object): Promise<Data> => {
      const data = dataOf(await run('integratorRunHook', input));
      const text = JSON.stringify(data);
      assert.ok(!text.includes(TOKEN_CANARY), 'the token of the process never comes out');
      assert.ok(!text.includes('root:x:0:0'), '/etc/passwd is never read');
      return data;
    };

    it('runs the account’s preSavePage on the sample Run Hook… makes, from its export’s records, and checks the contract', async () => {
      const scriptId = await idOf('scripts', 'Shopify - Skip Test Orders');
      await t.clearRequests();
      const data = await runData({ scriptId, functionName: 'preSavePage', type: 'preSavePage' });
      assert.strictEqual(data.returned, true, String(data.error));
      assert.deepStrictEqual(data.contract, { ok: true, problems: [], notes: [] });
      assert.match(String((data.sample as Data).from), /preSavePage hook of export "Shopify - Get Orders"/);
      const sampled = ((data.sample as Data).options as { data: unknown[] }).data;
      assert.strictEqual(sampled.length, 10);
      assert.ok(Array.isArray((data.result as { data: unknown[] }).data));
      assert.match(String(data.ran), /not on integrator.io/);
      await assertNothingWritten();
    });

    it('runs on the options given, with its console and the error at the script’s line', async () => {
      const scriptId = await idOf('scripts', 'Shopify - Skip Test Orders');
      const given = await runData({
        scriptId,
        functionName: 'preSavePage',
        type: 'preSavePage',
        options: { data: [{ name: '#1', email: 'a@example.com' }, { name: '#2', test: true }, { name: '#3' }] },
      });
      assert.deepStrictEqual((given.result as { data: unknown[] }).data, [{ name: '#1', email: 'a@example.com' }]);
      assert.strictEqual(given.sample, undefined);
      const broken = await scriptOf(
        'function preMap(options) {\n  console.log("seen", options.data.length);\n  return options.data.map((r) => r.x.y);\n}\n',
      );
      const failed = await runData({ scriptId: broken, functionName: 'preMap', type: 'preMap', options: { data: [{ id: 1 }] } });
      assert.strictEqual(failed.returned, false);
      assert.match(String(failed.error), /undefined/);
      assert.strictEqual(failed.line, 3);
      assert.deepStrictEqual(failed.logs, [{ level: 'log', text: 'seen 1' }]);
      assert.strictEqual((failed.contract as { ok: boolean }).ok, false);
    });

    it('a function name the script lacks comes back with the names it declares, so a model can correct it', async () => {
      const scriptId = await scriptOf(
        'function preSavePage(options) { return { data: options.data }; }\nfunction helper(x) { return x; }\n',
      );
      const missed = await runData({ scriptId, functionName: 'preSavePag', type: 'preSavePage', options: { data: [] } });
      assert.strictEqual(missed.returned, false);
      assert.strictEqual(missed.error, 'The script has no function preSavePag.');
      assert.deepStrictEqual(missed.functionsDeclared, ['preSavePage', 'helper']);
    });

    it('a script that reaches for the host, or loops, comes back as an error result and nothing escapes', async () => {
      const attempts: [string, RegExp][] = [
        ['return { data: [process.env.INTEGRATOR_IO_TOKEN] };', /process/],
        ["return { data: [require('fs').readFileSync('/etc/passwd', 'utf8')] };", /require|fs/],
        ["return { data: [globalThis.constructor.constructor('return process')().env] };", /process/],
        [
          "return { data: [(0, eval)('process').mainModule.require('child_process').execSync('touch " + world.markerFile + "')] };",
          /process/,
        ],
        ["return { data: [Function('return this')().process.env] };", /undefined|process/],
      ];
      for (const [body, message] of attempts) {
        const scriptId = await scriptOf(`function preSavePage(options) {\n  ${body}\n}\n`);
        const data = await runData({ scriptId, functionName: 'preSavePage', type: 'preSavePage', options: { data: [] } });
        assert.strictEqual(data.returned, false, `${body} → ${JSON.stringify(data.result)}`);
        assert.match(String(data.error), message, body);
      }
      const looping = await scriptOf('function preSavePage(options) {\n  while (true) {}\n}\n');
      const stopped = await runData({ scriptId: looping, functionName: 'preSavePage', type: 'preSavePage', timeoutSeconds: 1 });
      assert.strictEqual(stopped.returned, false);
      assert.strictEqual(stopped.timedOut, true);
      assert.match(String(stopped.error), /did not return within 1 s/);
      assert.ok(!existsSync(world.markerFile), 'no process was started');
    });

    it('passes the hook escape suite, each case a script of the account run through the tool', async () => {
      let probed = 0;
      for (const c of hookEscapeCases(world)) {
        const scriptId = await scriptOf(c.source);
        const data = await runData({ scriptId, functionName: c.functionName, type: c.type, options: c.input });
        if (data.resultText !== undefined) {
          // A probe record past the tool's size (a walk of globalThis) is cut: its JSON holds nothing of the host (runData).
          assert.strictEqual(data.returned, true);
          assert.match(String(data.resultCut), /^cut at 50000 of \d+ characters/);
          continue;
        }
        probed++;
        const result: HookResult = {
          returned: data.returned === true,
          result: data.result,
          logs: [],
          calls: [],
          contract: { ok: true, problems: [], notes: [] },
          filled: [],
          ms: 0,
          ...(typeof data.error === 'string' ? { error: data.error } : {}),
        };
        c.check(result, world);
      }
      assert.ok(probed >= hookEscapeCases(world).length - 1, `${probed} probe records checked in full`);
    });

    it('lets the script read (exports.run) and refuses inside it every integrator-api call that would write', async () => {
      const exportId = await idOf('exports', 'Shopify - Get Orders');
      const flowId = await idOf('flows', 'Shopify Orders to NetSuite Sales Orders');
      const doc = await t.client.exports.get(exportId);
      const scriptId = await scriptOf(`import { exports, imports, flows } from 'integrator-api';
function preSavePage(options) {
  const tried = [];
  const attempt = (name, call) => { try { call(); tried.push(name + ': made'); } catch (e) { tried.push(name + ': ' + e.message); } };
  attempt('exports.run', () => exports.run({ _id: '${exportId}' }));
  attempt('exports.runVirtual', () => exports.runVirtual({ export: ${JSON.stringify(doc)} }));
  attempt('imports.runVirtual', () => imports.runVirtual({ import: { _connectionId: '${String(doc._connectionId)}' }, data: [{ id: 1 }] }));
  attempt('imports.run', () => imports.run({ _id: '${exportId}', data: [{ id: 1 }] }));
  attempt('flows.run', () => flows.run({ _id: '${flowId}' }));
  return { data: tried };
}
`);
      await t.clearRequests();
      const data = await runData({ scriptId, functionName: 'preSavePage', type: 'preSavePage', options: { data: [] } });
      const tried = (data.result as { data: string[] }).data;
      assert.strictEqual(tried[0], 'exports.run: made');
      for (const line of tried.slice(1)) assert.match(line, /was not made: an agent's run of a hook only reads \(exports\.run\)/, line);
      assert.deepStrictEqual(
        (data.integratorApiCalls as { path: string; error?: string }[]).map((c) => `${c.path}${c.error ? ' refused' : ''}`),
        ['exports.run', 'exports.runVirtual refused', 'imports.runVirtual refused', 'imports.run refused', 'flows.run refused'],
      );
      assert.deepStrictEqual(await requestLines(), [
        `GET /scripts/${scriptId}`,
        `GET /exports/${exportId}`,
        `POST /connections/${String(doc._connectionId)}/export`,
      ]);
    });

    it(`makes at most ${MAX_TRY_CALLS} reads for a script`, async () => {
      const exportId = await idOf('exports', 'Shopify - Get Orders');
      const scriptId = await scriptOf(`import { exports } from 'integrator-api';
function preSavePage(options) {
  let made = 0, refused = 0;
  for (let i = 0; i < ${MAX_TRY_CALLS + 5}; i++) { try { exports.run({ _id: '${exportId}' }); made++; } catch (e) { refused++; } }
  return { data: [made, refused] };
}
`);
      const data = await runData({ scriptId, functionName: 'preSavePage', type: 'preSavePage', options: { data: [] } });
      assert.deepStrictEqual((data.result as { data: number[] }).data, [MAX_TRY_CALLS, 5]);
    });

    it('refuses hostile input before any request', async () => {
      await assertRefused('integratorRunHook', { scriptId: '../x', functionName: 'f', type: 'preMap' }, /not an integrator.io id/);
      await assertRefused('integratorRunHook', { scriptId: 'abc', functionName: 'f(); process', type: 'preMap' }, /function name/);
      await assertRefused('integratorRunHook', { scriptId: 'abc', functionName: 'f', type: 'preDelete' }, /"type" must be one of/);
      await assertRefused('integratorRunHook', { scriptId: 'abc', functionName: 'f', type: 'preMap', options: [1] }, /JSON object/);
      await assertRefused('integratorRunHook', { scriptId: 'abc', functionName: 'f', type: 'preMap', timeoutSeconds: 600 }, /from 1 to 30/);
      await assertRefused(
        'integratorRunHook',
        { scriptId: 'abc', functionName: 'f', type: 'preMap', memoryLimitMb: 4000 },
        /Unknown input/,
      );
    });
  });

  describe('integratorPlanFolder', () => {
    let folder: string;
    before(async () => {
      folder = path.join(workspace, 'commerce');
      await pull({
        client: t.client,
        baseUrl: t.sandbox.baseUrl,
        environment: 'demo',
        integration: 'Shopify - NetSuite Order Sync',
        dir: folder,
      });
    });

    it('plans a pulled folder: nothing to do after the pull, then an edit’s fields and a connection’s new address', async () => {
      await t.clearRequests();
      const same = dataOf(await run('integratorPlanFolder', { folder: 'commerce' }));
      assert.strictEqual(same.bindingFile, '.integrator-io/demo.json');
      assert.deepStrictEqual((same.integration as { name: string }).name, 'Shopify - NetSuite Order Sync');
      assert.deepStrictEqual(same.items, []);
      assert.ok(((same.counts as Data).unchanged as number) >= 10, JSON.stringify(same.counts));
      assert.match(String(same.applied), /^nothing/);

      const exportFile = path.join(folder, jsonFileOf('exports/shopify-get-orders'));
      const exp = JSON.parse(await fs.readFile(exportFile, 'utf8')) as Data;
      await fs.writeFile(exportFile, JSON.stringify({ ...exp, pageSize: 7 }, null, 2));
      const connectionFile = path.join(folder, jsonFileOf('connections/shopify-store'));
      const connection = JSON.parse(await fs.readFile(connectionFile, 'utf8')) as { http: Data };
      const http = { ...connection.http, baseURI: 'https://attacker.example.com/admin' };
      await fs.writeFile(connectionFile, JSON.stringify({ ...connection, http }, null, 2));

      const changed = dataOf(await run('integratorPlanFolder', { folder: path.join(workspace, 'commerce') }));
      const items = changed.items as { key: string; action: string; applyWould?: string; changes?: { path: string; to?: string }[] }[];
      assert.deepStrictEqual(
        items.map((i) => `${i.action} ${i.key}`),
        ['update connections/shopify-store', 'update exports/shopify-get-orders'],
      );
      assert.deepStrictEqual(items[1]!.changes, [{ path: 'pageSize', from: JSON.stringify(exp.pageSize), to: '7' }]);
      assert.deepStrictEqual(
        items.map((i) => i.applyWould),
        ['update', 'update'],
      );
      assert.deepStrictEqual(changed.connectionChanges, [
        {
          key: 'connections/shopify-store',
          path: 'http.baseURI',
          from: '"https://demo-store.myshopify.com/admin/api/2024-01"',
          to: '"https://attacker.example.com/admin"',
        },
      ]);
      assert.match(String(changed.connectionChangesNote), /where its credentials go/);
      await assertNothingWritten();
    });

    it('refuses a folder outside the workspace, `..`, a link and no workspace at all, before anything is read', async () => {
      await fs.mkdir(path.join(outside, 'pulled'), { recursive: true });
      await fs.cp(folder, path.join(outside, 'pulled'), { recursive: true });
      await fs.symlink(path.join(outside, 'pulled'), path.join(workspace, 'linked'));
      await fs.mkdir(path.join(workspace, 'real'));
      await fs.symlink(folder, path.join(workspace, 'real', 'inner'));
      const refusals: [unknown, RegExp][] = [
        ['../' + path.basename(outside) + '/pulled', /may not step out of a folder with "\.\."/],
        ['commerce/../../x', /"\.\."/],
        [path.join(outside, 'pulled'), /not a folder inside the folder this tool may read/],
        ['/etc', /not a folder inside/],
        ['linked', /linked is a symbolic link/],
        [path.join(workspace, 'linked'), /symbolic link/],
        ['real/inner', /real\/inner is a symbolic link/],
        ['nowhere', /not a folder inside/],
        [path.join(folder, 'integrations', 'shopify-netsuite-order-sync.json'), /not a folder inside/],
        ['', /"folder" is required/],
        [42, /"folder" is required/],
      ];
      for (const [given, message] of refusals) await assertRefused('integratorPlanFolder', { folder: given }, message);
      const none = context;
      context = { ...none, folders: () => [] };
      try {
        await assertRefused('integratorPlanFolder', { folder: 'commerce' }, /No folder may be read here/);
      } finally {
        context = none;
      }
    });
  });
});
