/**
 * Faults during work, in the real VS Code: 429 storms during a tree load and a save (everything
 * completes, and no retry comes before its Retry-After), and 503s, dropped connections and a
 * 10-second stall during list, open, run and mapping preview (a clear error, no spinner left,
 * nothing half-written on the server). Saves under the same faults are in documents.test.ts.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as vscode from 'vscode';
import { JsonObject } from '../../../src/api/types';
import { ExplorerNode } from '../../../src/explorer/explorerNode';
import type { ResourceNode } from '../../../src/explorer/nodes/resourceNodes';
import { FaultRule, FaultSettings } from '../../../src/sandbox/faults';
import { RequestLogEntry } from '../../../src/sandbox/services';
import type { MappingResult as MappingState } from '../../../src/webviews/mappingPanel';
import type { IntegratorIoApi } from '../../../src/extension';
import { CannedServer, cannedResponse, startCannedServer } from '../../support/cannedServer';
import { waitFor } from '../../support/waitFor';
import {
  childrenOf,
  closeAllEditors,
  extensionApi,
  labelOf,
  nodeAt,
  removeAllEnvironments,
  replaceDocumentText,
  secret,
  useDemoEnvironment,
  openResourceDocument,
  chosen,
} from './support';

const ENVIRONMENT = 'Faults';

describe('faults during work', () => {
  const demo = useDemoEnvironment(ENVIRONMENT);
  const setFaults = (faults: Partial<FaultSettings> = {}) => demo.sandbox.setFaults(faults);
  const setRequestTimeout = (seconds: number | undefined) =>
    vscode.workspace.getConfiguration('integratorIo').update('requestTimeoutSeconds', seconds, vscode.ConfigurationTarget.Global);
  const lastError = () => demo.api.notify.recent.filter((n) => n.severity === 'error').at(-1)?.message ?? '';
  const writes = () => demo.sandbox.requests().filter((r) => r.method !== 'GET' && !r.fault);

  afterEach(async () => {
    setFaults({});
    await setRequestTimeout(undefined);
    await closeAllEditors();
  });

  /** Reloads a node and everything below it, as "Refresh" on it does. */
  const refreshed = async (...labels: string[]): Promise<ExplorerNode> => {
    const node = await nodeAt(demo.api, ENVIRONMENT, ...labels);
    await vscode.commands.executeCommand('integratorIo.refresh', node);
    return node;
  };

  describe('429 storms with Retry-After', () => {
    it('during a tree load: every list arrives, and no retry comes before its Retry-After', async function () {
      this.timeout(60_000);
      const categories = ['Integrations', 'Connections', 'Exports', 'Imports'];
      const expected = await Promise.all(
        [demo.client.integrations, demo.client.connections, demo.client.exports, demo.client.imports].map(
          async (api) => (await api.listAll()).length,
        ),
      );
      const nodes = await Promise.all(categories.map((label) => refreshed(label)));
      demo.sandbox.clearRequests();
      setFaults({ rules: [{ kind: 'rate_limit', method: 'GET', retryAfter: 1, times: 6 }] });
      const lists = await Promise.all(nodes.map((node) => childrenOf(demo.api, node)));
      assert.deepStrictEqual(
        lists.map((children) => children.length),
        expected,
        `every category shows all its resources: ${lists.map((c) => c.map(labelOf).slice(0, 2).join(', ')).join(' | ')}`,
      );
      const log = demo.sandbox.requests();
      assert.strictEqual(log.filter((r) => r.status === 429).length, 6, 'the storm happened');
      assertRetriesWaited(log);
    });

    it('during a save: the save completes once, after waiting as asked', async function () {
      this.timeout(60_000);
      const exp = (await demo.client.exports.listAll()).find((e) => e.name === 'NetSuite - Inventory Levels')!;
      const document = await openDocument('exports', exp._id, exp.name);
      const json = JSON.parse(document.getText()) as JsonObject;
      json.pageSize = 123;
      await replaceDocumentText(document, `${JSON.stringify(json, null, 2)}\n`);
      demo.sandbox.clearRequests();
      setFaults({
        rules: [
          { kind: 'rate_limit', method: 'GET', path: '^/exports/', retryAfter: 1, times: 2 },
          { kind: 'rate_limit', method: 'PUT', retryAfter: 2, times: 1 },
        ],
      });
      assert.strictEqual(await document.save(), true, 'the save went through');
      assert.ok(!document.isDirty);
      const log = demo.sandbox.requests();
      assert.strictEqual((await demo.client.exports.get(exp._id)).pageSize, 123);
      assert.deepStrictEqual(
        log.map((r) => `${r.method} ${r.status}`),
        ['GET 429', 'GET 429', 'GET 200', 'PUT 429', 'PUT 200'],
        'one conflict check and one write got through, each after its waits',
      );
      assertRetriesWaited(log);
    });
  });

  const FAULTS: { name: string; rule: Omit<FaultRule, 'method' | 'path'>; timeoutSeconds?: number; says: RegExp }[] = [
    { name: '503 answers', rule: { kind: 'status', status: 503 }, says: /server failed \(503\)/ },
    { name: 'dropped connections', rule: { kind: 'drop' }, says: /could not be reached|connection/i },
    { name: 'a 10-second stall', rule: { kind: 'stall', stallMs: 10_000 }, timeoutSeconds: 1, says: /did not answer in time/ },
  ];

  for (const fault of FAULTS) {
    describe(`${fault.name}`, () => {
      beforeEach(async () => {
        if (fault.timeoutSeconds) await setRequestTimeout(fault.timeoutSeconds);
        demo.sandbox.clearRequests();
      });

      it('during a list: an error row with a retry, then the list after Retry', async function () {
        this.timeout(30_000);
        const exports = await refreshed('Exports');
        setFaults({ rules: [{ ...fault.rule, method: 'GET', path: '^/exports$' }] });
        const [row, ...rest] = await childrenOf(demo.api, exports);
        assert.strictEqual(rest.length, 0);
        assert.match(labelOf(row!), fault.says);
        assert.strictEqual(row!.treeItem().command?.command, 'integratorIo.refresh', 'the row retries when clicked');
        setFaults({});
        await vscode.commands.executeCommand('integratorIo.refresh', exports);
        assert.ok((await childrenOf(demo.api, exports)).length > 5, 'the list loads on retry');
        assert.deepStrictEqual(writes(), []);
      });

      it('during open: a clear error and no editor', async function () {
        this.timeout(30_000);
        const exp = (await demo.client.exports.listAll())[0]!;
        setFaults({ rules: [{ ...fault.rule, method: 'GET', path: `^/exports/${exp._id}$` }] });
        const uri = await vscode.commands.executeCommand<string | undefined>(
          'integratorIo.openResource',
          chosen({
            envId: demo.envId,
            kind: 'exports',
            id: exp._id,
            name: exp.name,
          }),
        );
        assert.strictEqual(uri, undefined);
        assert.match(lastError(), fault.says);
        const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
        assert.ok(!tabs.some((label) => label.includes(exp._id) || label.startsWith(exp.name!)), tabs.join(', '));
      });

      it('during a run: a clear error, no spinner left on the flow, and no job started', async function () {
        this.timeout(30_000);
        const flow = await nodeAt(
          demo.api,
          ENVIRONMENT,
          'Integrations',
          'Salesforce - Snowflake Analytics',
          'Salesforce Opportunities to Snowflake',
        );
        const flowId = (flow as ResourceNode).resource._id;
        const jobsBefore = (await demo.client.jobs.listAll({ _flowId: flowId })).length;
        setFaults({ rules: [{ ...fault.rule, method: 'POST', path: '/run$' }] });
        const job = await vscode.commands.executeCommand('integratorIo.runFlow', flow);
        assert.strictEqual(job, undefined);
        assert.match(lastError(), fault.says);
        const icon = flow.treeItem().iconPath;
        assert.ok(!(icon instanceof vscode.ThemeIcon && icon.id.startsWith('loading')), 'the spinner ended');
        setFaults({});
        assert.strictEqual((await demo.client.jobs.listAll({ _flowId: flowId })).length, jobsBefore, 'no run reached the server');
      });

      it('during a mapping preview: the error in the preview, and evaluation ends', async function () {
        this.timeout(30_000);
        const imp = (await demo.client.imports.listAll()).find((i) => i.name === 'Slack - Post GitHub Event')!;
        setFaults({ rules: [{ ...fault.rule, method: 'POST', path: '/import/map$' }] });
        const state = await vscode.commands.executeCommand<MappingState>(
          'integratorIo.previewMapping',
          chosen({ envId: demo.envId, kind: 'imports', id: imp._id, name: imp.name }),
          { records: '[{"timestamp": 1}]' },
        );
        assert.strictEqual(state.evaluating, false);
        assert.strictEqual(state.output, undefined);
        assert.match(state.errors.map((e) => e.message).join('\n'), fault.says);
      });
    });
  }

  describe('a stalled answer: the row says what it waits on, with a spinner, until the answer comes', () => {
    const ACTIONS: { doing: string; command: string; row: string[]; rule: Pick<FaultRule, 'method' | 'path'>; answer?: string }[] = [
      {
        doing: 'pinging…',
        command: 'integratorIo.pingConnection',
        row: ['Connections', 'Snowflake Analytics'],
        rule: { method: 'POST', path: '/ping$' },
      },
      {
        doing: 'disabling…',
        command: 'integratorIo.disableFlow',
        row: ['Integrations', 'Salesforce - Snowflake Analytics', 'Salesforce Opportunities to Snowflake'],
        rule: { method: 'PATCH', path: '^/flows/' },
      },
      {
        doing: 'starting…',
        command: 'integratorIo.runFlow',
        row: ['Integrations', 'Shopify - NetSuite Order Sync', 'Shopify Orders to NetSuite Sales Orders'],
        rule: { method: 'POST', path: '/run$' },
      },
      {
        doing: 'cloning…',
        command: 'integratorIo.cloneResource',
        row: ['Exports', 'Shopify - Get Orders'],
        rule: { method: 'POST', path: '/clone$' },
      },
      {
        doing: 'deleting…',
        command: 'integratorIo.deleteResource',
        // Used by nothing, so it may be deleted (the stall keeps it).
        row: ['Imports', 'Upload File to FTP Site'],
        rule: { method: 'DELETE', path: '^/imports/' },
        answer: 'Delete',
      },
    ];
    for (const action of ACTIONS) {
      it(`${action.doing.replace('…', '')}: "${action.doing}" and a spinner on the row while the server is silent, neither after`, async function () {
        this.timeout(30_000);
        await setRequestTimeout(2);
        const row = await nodeAt(demo.api, ENVIRONMENT, ...action.row);
        const busy = () => {
          const item = row.treeItem();
          const spinning = item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id === 'loading~spin';
          return spinning && String(item.description ?? '').startsWith(action.doing);
        };
        setFaults({ rules: [{ kind: 'stall', stallMs: 10_000, ...action.rule }] });
        if (action.answer) demo.api.answerNextDialog(action.answer);
        const done = vscode.commands.executeCommand(action.command, row);
        await waitFor(busy, `the row to say "${action.doing}" with a spinner`);
        await done;
        setFaults({});
        assert.match(lastError(), /did not answer in time/);
        assert.ok(!busy(), 'the mark ended with the answer');
        const icon = row.treeItem().iconPath;
        assert.ok(!(icon instanceof vscode.ThemeIcon && icon.id.startsWith('loading')), 'no spinner left');
        assert.deepStrictEqual(writes(), [], 'nothing written');
      });
    }
  });

  const openDocument = (kind: string, id: string, name?: string) => openResourceDocument(demo.envId, kind, id, name);
});

describe('malformed answers fed to the tree (property-based)', () => {
  const token = secret(`canned-token-${Date.now().toString(36)}-5d2e`);
  let server: CannedServer;
  let api: IntegratorIoApi;
  let envId: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    api = await extensionApi();
    await removeAllEnvironments(api);
    server = await startCannedServer({ '/tokenInfo': { _userId: 'canned-user', scope: '*' } });
    const env = await api.addEnvironment({ name: 'Canned', baseUrl: server.baseUrl, token });
    envId = env!.id;
    process.on('unhandledRejection', onUnhandled);
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await removeAllEnvironments(api);
    await server.close();
  });

  it('shows rows or an error row for any answer: no rejection, no crash, no token', async function () {
    this.timeout(240_000);
    let rowsSeen = 0;
    await fc.assert(
      fc.asyncProperty(cannedResponse(token), async (response) => {
        server.answer(response);
        const root = (await childrenOf(api)).find((node) => node.id === envId)!;
        await vscode.commands.executeCommand('integratorIo.refresh', root);
        const categories = await childrenOf(api, root);
        await Promise.all(
          categories.map(async (category) => {
            const rows = await childrenOf(api, category);
            rows.forEach((row) => assertShowable(row, token));
            rowsSeen += rows.length;
            // One level further down (an integration's flows, a flow's steps) for the first row that has one.
            const expandable = rows.find((row) => row.treeItem().collapsibleState !== vscode.TreeItemCollapsibleState.None);
            if (expandable) for (const below of await childrenOf(api, expandable)) assertShowable(below, token);
          }),
        );
      }),
      { numRuns: 30, includeErrorInReport: true },
    );
    assert.ok(rowsSeen >= 30, 'the tree showed something for each answer');
    assert.deepStrictEqual(unhandled, []);
  });
});

/** A row VS Code can draw: a label, and the token nowhere in what it shows. */
function assertShowable(node: ExplorerNode, token: string): void {
  const item = node.treeItem();
  const label = labelOf(node);
  assert.strictEqual(typeof label, 'string');
  assert.ok(label.length > 0, 'every row has a label');
  const shown = [label, item.description, typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value].join(' ');
  assert.ok(!shown.includes(token), `the token shows in a row: ${shown.slice(0, 200)}`);
}

/** Every request answered 429 is asked again no sooner than its Retry-After (from arrival to arrival). */
function assertRetriesWaited(log: RequestLogEntry[]): void {
  const key = (r: RequestLogEntry) => `${r.method} ${r.path}${r.query}`;
  log.forEach((entry, i) => {
    if (entry.status !== 429) return;
    const next = log.slice(i + 1).find((r) => key(r) === key(entry));
    assert.ok(next, `${key(entry)} was tried again after its 429`);
    const waitedMs = Date.parse(next.time) - Date.parse(entry.time);
    const askedMs = (entry.retryAfter ?? 1) * 1000;
    assert.ok(waitedMs >= askedMs, `${key(entry)} came back after ${waitedMs} ms; Retry-After asked for ${askedMs} ms`);
  });
}
