/**
 * Integration as code in the extension host: a pulled folder in the Source Control view follows
 * the account (remote changes appear, and Pull Remote Changes brings them in), a conflict is
 * refused by Apply with nothing written, and pulling again over unapplied edits asks first.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { jsonFileOf } from '../../../src/iac/layout';
import { waitFor } from '../../support/waitFor';
import { chosen, useDemoEnvironment } from './support';

describe('pulled folders', () => {
  const demo = useDemoEnvironment('Acme Dev');
  let folder: string;
  const control = () => demo.api.sourceControls.list().find((c) => c.folder.fsPath === folder)!;
  const groupKeys = (id: string) =>
    (control().lastPlan?.items ?? [])
      .filter((i) =>
        id === 'remote' ? i.action === 'remote-change' : id === 'conflicts' ? i.action === 'conflict' : i.action === 'update',
      )
      .map((i) => i.key);
  const readFile = async (key: string) =>
    JSON.parse(await fs.readFile(path.join(folder, jsonFileOf(key)), 'utf8')) as Record<string, unknown>;
  const writeFile = (key: string, doc: Record<string, unknown>) =>
    fs.writeFile(path.join(folder, jsonFileOf(key)), JSON.stringify(doc, null, 2));
  const bindingOf = async (key: string) =>
    (
      JSON.parse(await fs.readFile(path.join(folder, '.integrator-io/acme-dev.json'), 'utf8')) as {
        resources: Record<string, { id: string }>;
      }
    ).resources[key]!.id;

  after(() => fs.rm(folder, { recursive: true, force: true }));

  before(async () => {
    // Inside the workspace, where a pull leaves it open (a folder outside is offered, not added).
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'folders-')));
    folder = path.join(root, `commerce-${Date.now().toString(36)}`);
    const [integration] = (await demo.client.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync');
    const target = chosen({ envId: demo.envId, kind: 'integrations', id: integration!._id, name: integration!.name });
    await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
    await waitFor(() => control()?.lastPlan !== undefined, 'the Source Control view to compare the folder');
  });

  it('names the environment in the view, and finds nothing to do right after the pull', () => {
    assert.strictEqual(control().sourceControl.label, `${path.basename(folder)} ↔ Acme Dev`);
    assert.strictEqual(control().sourceControl.count, 0);
    assert.ok(control().lastPlan!.items.every((i) => i.action === 'unchanged'));
    assert.ok(
      demo.api.notify.recent.some(
        (n) => n.message === `Pulled "Shopify - NetSuite Order Sync" (16 resources) into ${path.basename(folder)}.`,
      ),
    );
  });

  it('a pulled file in front names the environment the folder is compared with, in the status bar', async () => {
    const file = path.join(folder, jsonFileOf('exports/netsuite-customer-lookup'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await waitFor(() => demo.api.statusBar.shown?.text.includes('Acme Dev'), 'the status bar to name the folder’s environment');
    assert.match(demo.api.statusBar.shown!.tooltip, /belongs to "Acme Dev"/);
  });

  it('draws a pulled flow file with its steps named through the folder, and marks the step an edit changed', async () => {
    const exportKey = 'exports/netsuite-customer-lookup';
    const original = await readFile(exportKey);
    await writeFile(exportKey, { ...original, description: 'Changed for the diagram' });
    await vscode.commands.executeCommand('integratorIo.refreshFolder', control().sourceControl);
    const flowFile = path.join(folder, 'flows', 'shopify-orders-to-netsuite-sales-orders.flow.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(flowFile));
    await vscode.commands.executeCommand('integratorIo.showFlowDiagram');
    const chart = (await vscode.commands.executeCommand<string>('integratorIo.copyFlowDiagramMermaid')) ?? '';
    for (const name of [
      'Shopify - Get Orders',
      'NetSuite - Customer Lookup',
      'NetSuite - Create Sales Orders',
      'Shopify - Tag Order as Synced',
    ])
      assert.ok(chart.includes(`"${name}<br/>`), `${name} in:\n${chart}`);
    assert.match(chart, /"NetSuite - Customer Lookup<br\/>[^"]*<br\/>changed in the folder/);
    assert.doesNotMatch(chart, /"Shopify - Get Orders<br\/>[^"]*changed in the folder/);
    await writeFile(exportKey, original);
    await vscode.commands.executeCommand('integratorIo.refreshFolder', control().sourceControl);
  });

  it('shows an edit made in the account as a remote change, and Pull Remote Changes brings it in', async () => {
    const key = 'imports/shopify-tag-order-as-synced';
    const id = await bindingOf(key);
    const remote = await demo.client.imports.get(id);
    await demo.client.imports.update(id, { ...remote, description: 'Edited in the web UI' });
    await vscode.commands.executeCommand('integratorIo.refreshFolder', control().sourceControl);
    assert.deepStrictEqual(groupKeys('remote'), [key]);
    await vscode.commands.executeCommand('integratorIo.pullRemoteChanges', control().sourceControl);
    assert.strictEqual((await readFile(key)).description, 'Edited in the web UI');
    await waitFor(() => groupKeys('remote').length === 0, 'the remote change to leave the view');
  });

  it('refuses to apply a conflict, says so, and writes nothing', async () => {
    const key = 'exports/netsuite-customer-lookup';
    const id = await bindingOf(key);
    const remote = await demo.client.exports.get(id);
    await demo.client.exports.update(id, { ...remote, name: 'Renamed in the account' });
    await writeFile(key, { ...(await readFile(key)), name: 'Renamed in the folder' });
    demo.sandbox.clearRequests();
    await vscode.commands.executeCommand('integratorIo.applyFolder', control().sourceControl);
    assert.deepStrictEqual(groupKeys('conflicts'), [key]);
    assert.deepStrictEqual(
      demo.sandbox.requests().filter((r) => r.method !== 'GET'),
      [],
    );
    const said = demo.api.notify.recent.at(-1);
    assert.strictEqual(said?.severity, 'error');
    assert.match(
      said?.message ?? '',
      /Not applied to "Acme Dev": exports\/netsuite-customer-lookup changed both in the folder and in the account/,
    );
    assert.strictEqual((await demo.client.exports.get(id)).name, 'Renamed in the account');
  });

  it('asks before a new pull overwrites edits not yet applied, and keeps them by default', async () => {
    const [integration] = (await demo.client.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync');
    const target = chosen({ envId: demo.envId, kind: 'integrations', id: integration!._id, name: integration!.name });
    demo.api.answerNextDialog('Keep My Changes');
    await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
    assert.strictEqual((await readFile('exports/netsuite-customer-lookup')).name, 'Renamed in the folder');
    demo.api.answerNextDialog('Overwrite Them');
    await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
    assert.strictEqual((await readFile('exports/netsuite-customer-lookup')).name, 'Renamed in the account');
  });
  it('asks before an apply changes a connection’s settings, and writes nothing by default', async () => {
    const key = 'connections/shopify-store';
    const id = await bindingOf(key);
    const before = await demo.client.connections.get(id);
    const pulled = await readFile(key);
    const http = pulled.http as Record<string, unknown>;
    await writeFile(key, { ...pulled, http: { ...http, baseURI: 'https://collector.example.net/steal' } });
    try {
      demo.sandbox.clearRequests();
      demo.api.answerNextDialog('Cancel');
      await vscode.commands.executeCommand('integratorIo.applyFolder', control().sourceControl);
      const asked = demo.api.lastDialog()!;
      assert.strictEqual(asked.message, 'This apply changes the settings of a connection of "Acme Dev". Apply?');
      assert.strictEqual(
        asked.detail,
        `${key}: http.baseURI changes from ${JSON.stringify(http.baseURI)} to "https://collector.example.net/steal"\n` +
          "A connection's settings decide where its credentials go: check that these changes are meant.",
      );
      assert.deepStrictEqual(asked.buttons, ['Cancel', 'Apply the Connection Changes']);
      assert.deepStrictEqual(
        demo.sandbox.requests().filter((r) => r.method !== 'GET'),
        [],
        'nothing written to the account',
      );
      assert.deepStrictEqual(await demo.client.connections.get(id), before);
    } finally {
      await writeFile(key, pulled);
    }
  });

  it('applies the plan it showed: an edit of the folder reaches the account, and the view has nothing left to apply', async () => {
    const key = 'imports/shopify-tag-order-as-synced';
    const id = await bindingOf(key);
    await writeFile(key, { ...(await readFile(key)), description: 'Applied from the folder' });
    demo.sandbox.clearRequests();
    await vscode.commands.executeCommand('integratorIo.applyFolder', control().sourceControl);
    const said = demo.api.notify.recent.at(-1);
    assert.strictEqual(said?.message, 'Applied to "Acme Dev": 1 change.');
    assert.deepStrictEqual(
      demo.sandbox
        .requests()
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`),
      [`PUT /imports/${id}`],
    );
    assert.strictEqual((await demo.client.imports.get(id)).description, 'Applied from the folder');
    await waitFor(() => control().sourceControl.count === 0, 'the view to have nothing left to apply');
  });

  it('refuses to apply through a binding file that a pull request pointed at another integration', async () => {
    const others = (await demo.client.integrations.listAll()).filter((i) => i.name !== 'Shopify - NetSuite Order Sync');
    const flows = await demo.client.flows.listAll();
    const other = others.find((i) => flows.some((f) => f._integrationId === i._id));
    assert.ok(other, 'the demo account has another integration with flows');
    const otherFlow = flows.find((f) => f._integrationId === other._id)!;
    const otherExportId = (otherFlow.pageGenerators as { _exportId?: string }[] | undefined)?.find((g) => g._exportId)?._exportId;
    assert.ok(otherExportId, 'its flow has an export');
    const otherExportBefore = await demo.client.exports.get(otherExportId);
    const bindingFile = path.join(folder, '.integrator-io/acme-dev.json');
    const bindings = JSON.parse(await fs.readFile(bindingFile, 'utf8')) as { resources: Record<string, { id: string; hash: string }> };
    const integrationKey = Object.keys(bindings.resources).find((k) => k.startsWith('integrations/'))!;
    const exportKey = 'exports/netsuite-customer-lookup';
    bindings.resources[integrationKey] = { ...bindings.resources[integrationKey]!, id: other._id, hash: 'x' };
    bindings.resources[exportKey] = { ...bindings.resources[exportKey]!, id: otherExportId, hash: 'x' };
    await fs.writeFile(bindingFile, JSON.stringify(bindings, null, 2));
    await writeFile(exportKey, { ...(await readFile(exportKey)), description: 'overwritten through a rebound integration' });
    demo.sandbox.clearRequests();
    await vscode.commands.executeCommand('integratorIo.applyFolder', control().sourceControl);
    assert.deepStrictEqual(
      demo.sandbox.requests().filter((r) => r.method !== 'GET'),
      [],
      'nothing written to the account',
    );
    const said = demo.api.notify.recent.at(-1);
    assert.strictEqual(said?.severity, 'error');
    assert.match(said?.message ?? '', /Not applied to "Acme Dev": .*binds this folder to the integration/);
    assert.deepStrictEqual(await demo.client.exports.get(otherExportId), otherExportBefore, 'the other integration’s export is unchanged');
  });
});
