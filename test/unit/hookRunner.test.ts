/**
 * The hook runner: every hook type with a script that fits its contract and one that breaks it,
 * errors at the script's own line, a runaway loop stopped at the time limit without stalling
 * the caller, the runtime's modules (and no others), and a real-style script whose synchronous
 * `integrator-api` call is answered by a sandbox over HTTP.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { IntegratorClient } from '../../src/api';
import { apiCalls } from '../../src/hooks/apiCalls';
import { HOOK_TYPES, HookType } from '../../src/hooks/contracts';
import { findHookUsages, firstSourceOf, hookUsagesIn } from '../../src/hooks/hookUsage';
import { sampleOptions } from '../../src/hooks/samples';
import { hookStub } from '../../src/hooks/stubs';
import { pairRecords } from '../../src/hooks/pairs';
import { startApiBridge } from '../../src/hooks/apiBridge';
import { HookResult, runHook } from '../../src/hooks/runner';
import { keepWorkerWarm, warmWorkerReady } from '../../src/hooks/warmWorker';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const run = (type: HookType, source: string, input: unknown, functionName = 'hook') =>
  runHook({ source, filename: 'hook.js', functionName, type, input, timeoutMs: 10_000 });

const execFileAsync = promisify(execFile);

const three = [{ id: 1 }, { id: 2 }, { id: 3 }];

/** Per hook type: its input, a script that fits, one that breaks, and the problem it must name. */
const CASES: { type: HookType; input: unknown; fits: string; breaks: string; problem: RegExp }[] = [
  {
    type: 'preSavePage',
    input: { data: three },
    fits: 'function hook(o) { return { data: o.data.filter((r) => r.id !== 2), errors: o.errors }; }',
    breaks: 'function hook(o) { return o.data; }',
    problem: /preSavePage must return \{ data, errors \}, but returned an array of 3/,
  },
  {
    type: 'preMap',
    input: { data: three },
    fits: 'function hook(o) { return o.data.map((d) => (d.id === 3 ? {} : { data: d })); }',
    breaks: 'function hook(o) { return o.data.slice(1).map((d) => ({ data: d })); }',
    problem: /preMap must return an array of the same length as `options.data` \(3\), but returned 2/,
  },
  {
    type: 'postMap',
    input: { preMapData: three, postMapData: three },
    fits: 'function hook(o) { return o.postMapData.map((d) => ({ data: { ...d, mapped: true } })); }',
    breaks: 'function hook(o) { return o.postMapData.map((d) => d); }',
    problem: /element 0 has `id`: only `data` and `errors` are read/,
  },
  {
    type: 'postSubmit',
    input: { responseData: [{ statusCode: 200 }, { statusCode: 422, errors: [{ code: 'x', message: 'bad' }] }] },
    fits: 'function hook(o) { return o.responseData.map((r) => r.statusCode === 422 ? { ...r, errors: [{ code: "x", message: "clearer" }] } : r); }',
    breaks: 'function hook(o) { o.responseData.forEach(() => {}); }',
    problem: /postSubmit returned no `responseData` \(an array of 2\), but nothing/,
  },
  {
    type: 'postAggregate',
    input: { postAggregateData: { success: true } },
    fits: 'function hook(o) { console.log("done", o.postAggregateData.success); }',
    breaks: 'function hook(o) { return o.postAggregateData; }',
    problem: /postAggregate's return value is not read/,
  },
  {
    type: 'postResponseMap',
    input: { postResponseMapData: three, responseData: three },
    fits: 'function hook(o) { return o.postResponseMapData; }',
    breaks: 'function hook(o) { return o.postResponseMapData.slice(0, 1); }',
    problem: /postResponseMap must return `postResponseMapData` of the same length \(3\)/,
  },
  {
    type: 'filter',
    input: { record: { total: 12 } },
    fits: 'function hook(o) { return o.record.total > 10; }',
    breaks: 'function hook(o) { return o.record.total > 10 ? "yes" : ""; }',
    problem: /a filter must return true \(keep the record\) or false \(drop it\), but returned string/,
  },
  {
    type: 'transform',
    input: { record: { first: 'Ada', last: 'Lovelace' } },
    fits: 'function hook(o) { return { name: o.record.first + " " + o.record.last }; }',
    breaks: 'function hook(o) { return o.record.first + " " + o.record.last; }',
    problem: /a transform must return the transformed record \(an object\), but returned string/,
  },
  {
    type: 'router',
    input: { record: { priority: 'urgent' } },
    fits: 'function hook(o) { return o.record.priority === "urgent" ? [0] : [1]; }',
    breaks: 'function hook(o) { return 0; }',
    problem: /a router script must return the branches to take/,
  },
  {
    type: 'handleRequest',
    input: { method: 'POST', body: { a: 1 } },
    fits: 'function hook(o) { return { statusCode: 200, body: { echoed: o.body } }; }',
    breaks: 'function hook(o) { return { body: "ok" }; }',
    problem: /handleRequest returned no numeric `statusCode`/,
  },
];

describe('hook runner', function () {
  this.timeout(30_000);

  for (const c of CASES) {
    it(`${c.type}: a result that fits passes; one that breaks names the problem`, async () => {
      const good = await run(c.type, c.fits, c.input);
      assert.ok(good.returned, good.error);
      assert.deepStrictEqual(good.contract.problems, []);
      const bad = await run(c.type, c.breaks, c.input);
      assert.ok(bad.returned, bad.error);
      assert.strictEqual(bad.contract.ok, false);
      assert.match(bad.contract.problems.join('\n'), c.problem);
    });
  }

  it('says which options it filled, with empty values of the right type', async () => {
    const seen = await run(
      'preSavePage',
      'function hook(o) { return { data: o.data, errors: [typeof o.settings, Array.isArray(o.files)] }; }',
      { data: [] },
    );
    assert.deepStrictEqual(seen.filled.sort(), [
      'configuration',
      'errors',
      'files',
      'job',
      'pageIndex',
      'retryData',
      'settings',
      'testMode',
    ]);
    assert.deepStrictEqual((seen.result as { errors: unknown[] }).errors, ['object', true]);
  });

  it('reports a throw at the script line, counting lines after a multi-line import', async () => {
    const source = [
      'import {',
      '  exports',
      "} from 'integrator-api';",
      '',
      'function hook(options) {',
      '  const n = options.data.length;',
      "  throw new Error('no records: ' + n);",
      '}',
    ].join('\n');
    const thrown = await run('preMap', source, { data: [] });
    assert.strictEqual(thrown.returned, false);
    assert.strictEqual(thrown.line, 7);
    assert.match(thrown.error!, /Error: no records: 0 \(hook\.js:7:\d+\)/);
  });

  it('stops a runaway loop at the time limit, and the caller stays responsive meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const result = await runHook({
      source: 'function hook() { for (;;) {} }',
      filename: 'loop.js',
      functionName: 'hook',
      type: 'filter',
      input: {},
      timeoutMs: 600,
    });
    clearInterval(ticker);
    assert.strictEqual(result.timedOut, true);
    assert.match(result.error!, /did not return within 0\.6 s/);
    assert.ok(Date.now() - started < 5_000, 'stopped at the limit');
    assert.ok(ticks >= 10, `the caller's event loop kept running (${ticks} ticks)`);
  });

  it('with a worker kept warm, each run still starts from a fresh runtime', async () => {
    keepWorkerWarm(true);
    try {
      const taint = "import dayjs from 'dayjs';\nfunction hook(o) { dayjs.prototype.leaked = 'from run 1'; return true; }";
      assert.strictEqual((await run('filter', taint, {})).result, true);
      assert.ok(warmWorkerReady(), 'the next run finds a worker started');
      const look = "import dayjs from 'dayjs';\nfunction hook(o) { return { ...o.record, leaked: dayjs.prototype.leaked ?? 'nothing' }; }";
      assert.deepStrictEqual((await run('transform', look, { record: {} })).result, { leaked: 'nothing' });
      const runaway = await runHook({
        source: 'function hook() { for (;;) {} }',
        filename: 'l.js',
        functionName: 'hook',
        type: 'filter',
        input: {},
        timeoutMs: 300,
      });
      assert.strictEqual(runaway.timedOut, true);
      assert.strictEqual((await run('filter', 'function hook() { return false; }', {})).result, false, 'a run after a runaway one');
    } finally {
      keepWorkerWarm(false);
    }
    assert.strictEqual(warmWorkerReady(), false);
  });

  it('offers dayjs and sjcl, and refuses other modules the way the server does', async () => {
    const source = [
      "import dayjs from 'dayjs';",
      "import * as sjcl from 'sjcl';",
      'function hook(o) {',
      "  const hash = sjcl.codec.hex.fromBits(sjcl.hash.sha256.hash('abc'));",
      "  return { ...o.record, day: dayjs('2026-12-04T10:00:00Z').format('YYYY-MM-DD'), hash: hash.slice(0, 8) };",
      '}',
    ].join('\n');
    const ok = await run('transform', source, { record: {} });
    assert.deepStrictEqual(ok.result, { day: '2026-12-04', hash: 'ba7816bf' });
    const refused = await run('transform', "import _ from 'lodash';\nfunction hook(o) { return o.record; }", { record: {} });
    assert.match(refused.error!, /Cannot find module 'lodash': integrator\.io scripts can import only integrator-api, dayjs, sjcl/);
  });

  it('keeps console output in order, with its level', async () => {
    const logged = await run('filter', 'function hook(o) { console.log("a", { n: 1 }); console.warn("b"); return true; }', {});
    assert.deepStrictEqual(
      logged.logs.map((l) => `${l.level}:${l.text}`),
      ['log:a {"n":1}', 'warn:b'],
    );
  });

  describe('against a sandbox', () => {
    let sandbox: TestSandbox;
    let client: IntegratorClient;
    before(async () => {
      sandbox = await startTestSandbox();
      client = sandbox.client;
    });
    after(() => sandbox.close());

    it("makes a preMap sample from the records of the export that feeds the import's flow, found with the uses", async () => {
      const script = (await client.scripts.listAll()).find((s) => s.name === 'NetSuite - Build Sales Order Lines')!;
      const [usage] = await findHookUsages(client, script._id);
      const flow = (await client.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!;
      assert.strictEqual(usage?.type, 'preMap');
      assert.strictEqual(usage.feedingExportId, flow.pageGenerators?.[0]?._exportId, "the flow's first source");
      await sandbox.clearRequests();
      const sample = await sampleOptions(client, 'preMap', usage);
      const asked = (await sandbox.requests()).map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{24}/g, ':id')}`);
      assert.ok(Array.isArray(sample.data) && sample.data.length > 0, 'records from the export');
      assert.deepStrictEqual(asked, ['GET /exports/:id', 'POST /connections/:id/export'], 'the export and its page, no flow lookup');
    });

    it('runs a real-style script whose integrator-api call has no await, and records the call', async () => {
      const exp = (await client.exports.listAll()).find((e) => e.name === 'Salesforce - Accounts')!;
      const full = await client.exports.get(exp._id);
      const source = [
        "import { exports } from 'integrator-api';",
        '',
        'function preSavePage(options) {',
        '  let response = exports.runVirtual({ export: options.lookup });',
        '  console.log("looked up", response.data.length);',
        '  return { data: options.data.map((r) => ({ ...r, accounts: response.data.length })), errors: options.errors };',
        '}',
      ].join('\n');
      const result = await runHook({
        source,
        filename: 'preSavePage.js',
        functionName: 'preSavePage',
        type: 'preSavePage',
        input: { data: [{ id: 1 }], lookup: full },
        api: apiCalls(client),
      });
      assert.ok(result.returned, result.error);
      const answered = (await client.connectionActions.exportVirtual(full._connectionId!, full)).data.length;
      assert.ok(answered > 0);
      assert.deepStrictEqual(result.result, { data: [{ id: 1, accounts: answered }], errors: [] });
      assert.deepStrictEqual(
        result.calls.map((c) => c.path),
        ['exports.runVirtual'],
      );
      assert.match(result.logs[0]!.text, new RegExp(`looked up ${answered}`));
    });

    it("answers a debugged script's synchronous call through the extension's loopback bridge", async function () {
      // dist/hookDebug.js as Debug Hook… starts it (without the debugger), in its own process.
      this.timeout(30_000);
      const exp = (await client.exports.listAll()).find((e) => e.name === 'Salesforce - Accounts')!;
      const full = await client.exports.get(exp._id);
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-debug-'));
      const file = (name: string) => path.join(dir, name);
      await fs.writeFile(
        file('script.js'),
        "import { exports } from 'integrator-api';\nfunction preSavePage(o) {\n  const r = exports.runVirtual({ export: o.lookup });\n  return { data: [{ accounts: r.data.length }], errors: [] };\n}\n",
      );
      await fs.writeFile(file('input.json'), JSON.stringify({ data: [], lookup: full }));
      const asked: string[] = [];
      const bridge = await startApiBridge((callPath, args) => {
        asked.push(callPath);
        return apiCalls(client)(callPath, args);
      });
      try {
        const request = {
          scriptFile: file('script.js'),
          functionName: 'preSavePage',
          type: 'preSavePage',
          inputFile: file('input.json'),
          resultFile: file('result.json'),
        };
        await fs.writeFile(file('request.json'), JSON.stringify({ ...request, bridge: { url: bridge.url, secret: bridge.secret } }));
        await execFileAsync(process.execPath, [path.join(__dirname, '../../../dist/hookDebug.js'), file('request.json')]);
        const result = JSON.parse(await fs.readFile(file('result.json'), 'utf8')) as HookResult;
        const answered = (await client.connectionActions.exportVirtual(full._connectionId!, full)).data.length;
        assert.ok(result.returned, result.error);
        assert.deepStrictEqual(result.result, { data: [{ accounts: answered }], errors: [] });
        assert.deepStrictEqual(asked, ['exports.runVirtual'], 'the extension performed the call');
        assert.deepStrictEqual(
          result.calls.map((c) => c.path),
          ['exports.runVirtual'],
        );
        // Another process without the secret is refused.
        const refused = await fetch(bridge.url, { method: 'POST', body: JSON.stringify({ path: 'flows.run', args: [] }) });
        assert.strictEqual(refused.status, 403);
        assert.deepStrictEqual(asked, ['exports.runVirtual']);
      } finally {
        await bridge.close();
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('new script stubs', function () {
  this.timeout(30_000);
  // A fresh stub is a starting point that already fits its hook's contract.
  for (const type of HOOK_TYPES) {
    it(`${type}: the stub runs and fits its contract`, async () => {
      const source = hookStub(type, 'My script');
      assert.match(source, new RegExp(`function ${type}\\(options\\)`));
      const result = await runHook({ source, filename: 'stub.js', functionName: type, type, input: {}, timeoutMs: 10_000 });
      assert.ok(result.returned, result.error);
      assert.deepStrictEqual(result.contract.problems, []);
    });
  }
});

describe('records before and after, paired', () => {
  it('pairs preMap records by position, naming the changed fields, and tells ignored and failed ones apart', () => {
    const pairs = pairRecords('preMap', { data: [{ id: 1, a: 1 }, { id: 2 }, { id: 3 }] }, [
      { data: { id: 1, a: 2, b: true } },
      {},
      { errors: [{ code: 'x', message: 'no' }] },
    ])!;
    assert.deepStrictEqual(
      pairs.map((p) => [p.index, p.status, p.changed]),
      [
        [0, 'changed', ['a', 'b']],
        [1, 'ignored', []],
        [2, 'error', []],
      ],
    );
  });

  it("pairs postSubmit responses, a transform's record, and not preSavePage pages", () => {
    const responses = [{ statusCode: 200 }, { statusCode: 422, errors: [{ message: 'bad' }] }];
    const improved = [responses[0], { statusCode: 422, errors: [{ message: 'clearer' }] }];
    assert.deepStrictEqual(
      pairRecords('postSubmit', { responseData: responses }, improved)!.map((p) => p.changed),
      [[], ['errors']],
    );
    assert.deepStrictEqual(pairRecords('transform', { record: { a: 1 } }, { a: 1, b: 2 })![0]!.changed, ['b']);
    assert.strictEqual(pairRecords('preSavePage', { data: [{}] }, { data: [] }), undefined);
  });
});

describe('where a script is used', () => {
  it("takes a preMap sample's records from an enabled flow that runs the import before a disabled one listed first", () => {
    const usage = {
      type: 'preMap' as const,
      kind: 'imports' as const,
      resourceId: 'imp',
      resourceName: 'Put Orders',
      functionName: 'preMap',
    };
    const flow = (id: string, source: string, disabled: boolean) => ({
      _id: id,
      disabled,
      pageGenerators: [{ _exportId: source }],
      routers: [{ branches: [{ pageProcessors: [{ type: 'import', _importId: 'imp' }] }] }],
    });
    assert.strictEqual(firstSourceOf([flow('old', 'other-export', true), flow('live', 'orders-export', false)], usage), 'orders-export');
    assert.strictEqual(firstSourceOf([flow('old', 'other-export', true)], usage), 'other-export', 'a disabled one when no other runs it');
    assert.strictEqual(firstSourceOf([{ _id: 'x', pageProcessors: 'not a list' }], usage), undefined);
  });

  it("reads a pulled folder's documents, whose references are logical keys", () => {
    const usages = hookUsagesIn(
      [
        {
          kind: 'exports',
          id: 'exports/get-orders',
          doc: { name: 'Get Orders', hooks: { preSavePage: { _scriptId: 'scripts/orders', function: 'preSavePage' } } },
        },
        {
          kind: 'imports',
          id: 'imports/put-orders',
          doc: { name: 'Put Orders', filter: { script: { _scriptId: 'scripts/orders', function: 'keep' } } },
        },
        { kind: 'imports', id: 'imports/other', doc: { hooks: { preMap: { _scriptId: 'scripts/other', function: 'preMap' } } } },
        {
          kind: 'flows',
          id: 'flows/sync',
          doc: { name: 'Sync', routers: [{ script: { _scriptId: 'scripts/orders', function: 'route' }, branches: [] }] },
        },
      ],
      'scripts/orders',
    );
    assert.deepStrictEqual(
      usages.map((u) => `${u.type} ${u.functionName} of ${u.resourceId} (${u.resourceName})`),
      [
        'preSavePage preSavePage of exports/get-orders (Get Orders)',
        'filter keep of imports/put-orders (Put Orders)',
        'router route of flows/sync (Sync)',
      ],
    );
  });
});
