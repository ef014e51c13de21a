/** The explorer tree against a sandbox: levels, step names, paging, refresh, find, errors. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { IntegratorClient } from '../../../src/api';
import type { IntegratorIoApi } from '../../../src/extension';
import {
  addEnvironment,
  childrenOf,
  descriptionOf,
  extensionApi,
  labelOf,
  nodeAt,
  removeAllEnvironments,
  secret,
  startTestSandbox,
  TestSandbox,
} from './support';

describe('explorer', () => {
  let api: IntegratorIoApi;
  let sandbox: TestSandbox;
  let client: IntegratorClient;
  before(async () => {
    api = await extensionApi();
    await removeAllEnvironments(api);
    sandbox = await startTestSandbox();
    client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: sandbox.token });
    await addEnvironment('Demo', sandbox);
  });
  after(async () => {
    client.dispose();
    await removeAllEnvironments(api);
    await sandbox.close();
  });

  it('shows the categories, integrations, flows and their steps in order', async () => {
    const integrations = await nodeAt(api, 'Demo', 'Integrations');
    const names = (await childrenOf(api, integrations)).map(labelOf);
    assert.deepStrictEqual(names, [
      'Shopify - NetSuite Order Sync',
      'Salesforce - Snowflake Analytics',
      'Operations & Alerts',
      'Legacy ERP Connector',
    ]);

    const flow = await nodeAt(api, 'Demo', 'Integrations', 'Salesforce - Snowflake Analytics', 'Salesforce Opportunities to Snowflake');
    // Its open errors come from one error summary of the integration, read with its flows.
    assert.strictEqual(descriptionOf(flow), 'daily at 03:00 · 2 open errors');
    assert.strictEqual(flow.treeItem().resourceUri?.query, 'errors=2', 'the count is also a badge that survives any width');
    const steps = await childrenOf(api, flow);
    assert.deepStrictEqual(steps.map(labelOf), [
      'Salesforce - Opportunities',
      'Salesforce - Opportunity Line Items',
      'Snowflake - Account Dimension Lookup',
      'Snowflake - Merge Opportunities',
      'Snowflake - Merge Opportunity Lines',
      'Slack - Post Load Summary',
    ]);
    assert.deepStrictEqual(steps.map(descriptionOf), [
      'source · Salesforce',
      'source · Salesforce',
      'lookup · RDBMS',
      'import · RDBMS · 2 open errors',
      'import · RDBMS',
      'import · REST',
    ]);
  });

  it('shows routers and their branches', async () => {
    const flow = await nodeAt(api, 'Demo', 'Integrations', 'Operations & Alerts', 'Zendesk Tickets Router');
    const [source, router] = await childrenOf(api, flow);
    assert.strictEqual(labelOf(source!), 'Zendesk - Ticket Webhook');
    assert.strictEqual(labelOf(router!), 'By priority');
    const branches = await childrenOf(api, router);
    assert.deepStrictEqual(branches.map(labelOf), ['Urgent', 'Everything else']);
    assert.deepStrictEqual((await childrenOf(api, branches[0])).map(labelOf), ['Slack - Urgent Ticket Alert']);
  });

  it('describes resources: adaptor types, lookups, offline connections, disabled flows', async () => {
    const connections = await childrenOf(api, await nodeAt(api, 'Demo', 'Connections'));
    const sftp = connections.find((c) => labelOf(c) === 'Bank SFTP')!;
    assert.strictEqual(descriptionOf(sftp), 'ftp · offline');
    assert.match(String(sftp.treeItem().contextValue), /resource:connection;offline/);
    const exports = await childrenOf(api, await nodeAt(api, 'Demo', 'Exports'));
    assert.strictEqual(descriptionOf(exports.find((e) => labelOf(e) === 'NetSuite - Customer Lookup')!), 'NetSuite · lookup');
    assert.strictEqual(descriptionOf(exports.find((e) => labelOf(e) === 'Shopify - Get Orders')!), 'HTTP · delta');
    const inventory = await nodeAt(api, 'Demo', 'Integrations', 'Shopify - NetSuite Order Sync', 'NetSuite Inventory to Shopify');
    assert.strictEqual(descriptionOf(inventory), 'disabled');
    const tooltip = inventory.treeItem().tooltip as vscode.MarkdownString;
    assert.match(tooltip.value.replace(/&nbsp;/g, ' '), /flow in Demo · disabled/);
  });

  it('labels steps from lists, never with one request per step', async () => {
    api.explorer.refresh();
    sandbox.clearRequests();
    const integration = await nodeAt(api, 'Demo', 'Integrations', 'Shopify - NetSuite Order Sync');
    const flows = await childrenOf(api, integration);
    for (const flow of flows) await childrenOf(api, flow);
    const requests = sandbox.requests().map((r) => `${r.method} ${r.path}`);
    const expected = [
      'GET /exports',
      'GET /imports',
      'GET /integrations',
      `GET /integrations/${integration.id.split('/').pop()!}/flows`,
      // One open-error summary for the integration's flows, and one per flow for its steps: never per step.
      `GET /integrations/${integration.id.split('/').pop()!}/errors`,
      ...flows.map((f) => `GET /flows/${f.id.split('/').pop()!}/errors`),
    ];
    assert.deepStrictEqual(requests.sort(), expected.sort());
  });

  it('refreshes only the node it is asked to', async () => {
    const category = await nodeAt(api, 'Demo', 'Integrations');
    const integration = (await childrenOf(api, category))[0]!;
    const full = await client.integrations.get(integration.id.split('/').pop()!);
    await client.integrations.update(full._id, { ...full, name: 'Shopify - NetSuite Order Sync (renamed)' });
    assert.strictEqual(labelOf((await childrenOf(api, category))[0]!), 'Shopify - NetSuite Order Sync', 'cached until refreshed');
    await childrenOf(api, await nodeAt(api, 'Demo', 'Connections'));
    sandbox.clearRequests();
    await vscode.commands.executeCommand('integratorIo.refresh', category);
    const names = (await childrenOf(api, category)).map(labelOf);
    assert.strictEqual(names[0], 'Shopify - NetSuite Order Sync (renamed)');
    await childrenOf(api, await nodeAt(api, 'Demo', 'Connections'));
    assert.deepStrictEqual(
      sandbox.requests().map((r) => `${r.method} ${r.path}`),
      ['GET /integrations'],
      'the connections list stayed cached',
    );
    await client.integrations.update(full._id, full);
    await vscode.commands.executeCommand('integratorIo.refresh', category);
  });

  it('finds a resource in the account, loaded in the tree or not, opens it and reveals it', async () => {
    await vscode.commands.executeCommand('integratorIo.refresh');
    const exports = await client.exports.listAll();
    const target = exports.find((e) => e.name === 'Shopify - Get Orders')!;
    const byName = await vscode.commands.executeCommand<string>('integratorIo.findResource', api.search('get orders'));
    assert.strictEqual(byName.split('/').pop(), target._id);
    assert.strictEqual(api.treeView.selection[0]?.id, byName, 'the node is selected in the tree');
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.includes(target._id), 'the export is open in the editor');
    const byId = await vscode.commands.executeCommand<string>('integratorIo.findResource', api.search(target._id));
    assert.strictEqual(byId, byName);
    // A flow lives under its integration: the search loads that integration's flows to reveal it.
    await vscode.commands.executeCommand('integratorIo.refresh');
    const flow = (await client.flows.listAll()).find((f) => f.name === 'SFTP Bank Statements to NetSuite')!;
    const flowRow = await vscode.commands.executeCommand<string>('integratorIo.findResource', api.search('bank statements to'));
    assert.strictEqual(flowRow, `${api.environments.list()[0]!.id}/integrations/${flow._integrationId}/${flow._id}`);
    assert.strictEqual(api.treeView.selection[0]?.id, flowRow);
    const notes = api.notify.recent.length;
    assert.strictEqual(await vscode.commands.executeCommand('integratorIo.findResource', api.search('no such thing anywhere')), undefined);
    assert.match(
      api.notify.recent
        .slice(notes)
        .map((n) => n.message)
        .join('\n'),
      /Nothing matches "no such thing anywhere"\. Searched \d+ resources \(every kind\) in Demo/,
    );
  });

  it('shows a 401 on the node with a way to sign in again, then recovers', async () => {
    const port = Number(new URL(sandbox.baseUrl).port);
    const env = api.environments.list()[0]!;
    await sandbox.close();
    const rotated = await startTestSandbox({ port, token: secret(`rotated-token-${Date.now()}-x9`) });
    try {
      const category = await nodeAt(api, 'Demo', 'Scripts');
      await vscode.commands.executeCommand('integratorIo.refresh', category);
      const [error] = await childrenOf(api, category);
      assert.strictEqual(labelOf(error!), 'Token refused (401): sign in again…');
      assert.strictEqual(error!.treeItem().command?.command, 'integratorIo.signIn');
      assert.strictEqual((error!.treeItem().command?.arguments?.[0] as { env: { id: string } }).env.id, env.id);
      assert.ok(await api.signIn(env.id, rotated.token));
      const scripts = await childrenOf(api, await nodeAt(api, 'Demo', 'Scripts'));
      assert.ok(scripts.length >= 3, 'the tree loads again after signing in');
    } finally {
      await rotated.close();
      sandbox = await startTestSandbox({ port, token: rotated.token });
    }
  });

  it('says when the server cannot be reached, with a retry, and no endless spinner', async () => {
    const gone = await startTestSandbox({ seed: 'empty' });
    const env = await addEnvironment('Gone', gone);
    await gone.close();
    const root = (await childrenOf(api)).find((n) => n.id === env.id)!;
    const category = (await childrenOf(api, root))[0]!;
    const [error] = await childrenOf(api, category);
    assert.match(labelOf(error!), /could not be reached/);
    assert.strictEqual(error!.treeItem().command?.command, 'integratorIo.refresh');
    await api.environments.remove(env.id);
  });
});

describe('explorer on a large account', () => {
  let api: IntegratorIoApi;
  let large: TestSandbox;
  before(async () => {
    api = await extensionApi();
    await removeAllEnvironments(api);
    large = await startTestSandbox({ seed: 'large:250' });
    await addEnvironment('Large', large);
  });
  after(async () => {
    await removeAllEnvironments(api);
    await large.close();
  });

  it('shows the first page with "Load more…", and loads the rest a page at a time', async () => {
    large.clearRequests();
    const exports = await nodeAt(api, 'Large', 'Exports');
    let children = await childrenOf(api, exports);
    assert.strictEqual(children.length, 101, '100 exports and "Load more…"');
    const loadMore = children[100]!;
    assert.strictEqual(labelOf(loadMore), 'Load more…');
    assert.strictEqual(loadMore.treeItem().command?.command, 'integratorIo.loadMore');
    await vscode.commands.executeCommand('integratorIo.loadMore', ...((loadMore.treeItem().command?.arguments ?? []) as unknown[]));
    children = await childrenOf(api, exports);
    assert.strictEqual(children.length, 201);
    await vscode.commands.executeCommand('integratorIo.loadMore', ...((children[200]!.treeItem().command?.arguments ?? []) as unknown[]));
    children = await childrenOf(api, exports);
    assert.strictEqual(children.length, 250, 'all loaded, no "Load more…" left');
    assert.strictEqual(labelOf(children[249]!), 'Export 00250');
    const requests = large.requests().map((r) => `${r.method} ${r.path}?${r.query}`);
    assert.strictEqual(requests.length, 3, `one request per page: ${requests.join(' | ')}`);
  });
});
