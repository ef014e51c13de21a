/** Error management from the tree and the errors view: counts, resolve, retry data, retry followed to the end. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { IntegratorClient } from '../../../src/api';
import { JsonObject } from '../../../src/api/types';
import type { IntegratorIoApi } from '../../../src/extension';
import type { ErrorsState } from '../../../src/webviews/protocol/errors';
import type { ChosenStep } from '../../../src/commands/errorCommands';
import { retryDataUriParts } from '../../../src/identity/retryDataUris';
import {
  addEnvironment,
  childrenOf,
  closeAllEditors,
  descriptionOf,
  extensionApi,
  labelOf,
  nodeAt,
  removeAllEnvironments,
  startTestSandbox,
  TestSandbox,
} from './support';

describe('errors', () => {
  let api: IntegratorIoApi;
  let sandbox: TestSandbox;
  let client: IntegratorClient;
  let envId: string;
  let ref: ChosenStep;
  let refFlowId: string;
  let refStepId: string;
  before(async () => {
    api = await extensionApi();
    await removeAllEnvironments(api);
    sandbox = await startTestSandbox();
    client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: sandbox.token });
    envId = (await addEnvironment('Errors', sandbox)).id;
    const flow = (await client.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!;
    const step = (await client.imports.listAll()).find((i) => i.name === 'NetSuite - Create Sales Orders')!;
    ref = api.step(envId, flow._id, step._id, step.name);
    refFlowId = flow._id;
    refStepId = step._id;
  });
  after(async () => {
    await closeAllEditors();
    client.dispose();
    await removeAllEnvironments(api);
    await sandbox.close();
  });

  it("shows open error counts on the flow's steps", async () => {
    const flow = await nodeAt(api, 'Errors', 'Integrations', 'Shopify - NetSuite Order Sync', 'Shopify Orders to NetSuite Sales Orders');
    const step = (await childrenOf(api, flow)).find((s) => labelOf(s) === 'NetSuite - Create Sales Orders')!;
    assert.strictEqual(descriptionOf(step), 'import · NetSuite · 3 open errors');
    assert.match(String(step.treeItem().contextValue), /;errors/);
  });

  // Resolve, Retry and Load more are clicked in the views by the UI tests (viewButtons, pagingAndCancel, production).
  it('lists the errors of a step', async () => {
    const state = await vscode.commands.executeCommand<ErrorsState>('integratorIo.showErrors', ref);
    assert.strictEqual(state.errors.length, 3);
    assert.strictEqual(state.hasMore, false, 'all three fit one page: no "Load more"');
    assert.ok(state.errors.every((e) => e.code === 'INVALID_KEY_OR_REF' && e.classification === 'missing'));
  });

  it('shows the first page of a long error list, with more to load', async () => {
    const paged = await startTestSandbox({ settings: { errorPageSize: 2 } });
    try {
      const pagedEnv = (await addEnvironment('Paged errors', paged)).id;
      const c = new IntegratorClient({ baseUrl: paged.baseUrl, token: paged.token });
      const flow = (await c.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!;
      const step = (await c.imports.listAll()).find((i) => i.name === 'NetSuite - Create Sales Orders')!;
      c.dispose();
      const pagedRef = api.step(pagedEnv, flow._id, step._id, step.name);
      const first = await vscode.commands.executeCommand<ErrorsState>('integratorIo.showErrors', pagedRef);
      assert.strictEqual(first.errors.length, 2);
      assert.strictEqual(first.hasMore, true);
    } finally {
      await paged.close();
    }
  });

  it('opens retry data as a document whose save writes it back', async () => {
    const [error] = await client.errors.listAll(refFlowId, refStepId);
    const uri = vscode.Uri.from({
      scheme: 'integrator-io-retry',
      authority: envId,
      path: `/${refFlowId}/${refStepId}/${error!.retryDataKey!}.retrydata.json`,
    });
    const document = await vscode.workspace.openTextDocument(uri);
    const retryData = JSON.parse(document.getText()) as { data: JsonObject };
    assert.ok(retryData.data.email, 'the failed order');
    retryData.data.email = 'known.customer@example.com';
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
      JSON.stringify(retryData, null, 2),
    );
    await vscode.workspace.applyEdit(edit);
    sandbox.clearRequests();
    assert.strictEqual(await document.save(), true);
    assert.deepStrictEqual(
      sandbox.requests().map((r) => r.method),
      ['PUT'],
    );
    assert.strictEqual(
      ((await client.errors.getRetryData(refFlowId, refStepId, error!.retryDataKey!)).data as JsonObject).email,
      'known.customer@example.com',
    );
  });

  it('opens the retry data of the error the view names, with no label too, whatever its key holds', async () => {
    const [error] = await client.errors.listAll(refFlowId, refStepId);
    const key = error!.retryDataKey!;
    const uriOf = (retryDataKey: string) =>
      vscode.Uri.from(retryDataUriParts({ envId, flowId: refFlowId, stepId: refStepId, retryDataKey, label: '' }));
    const document = await vscode.workspace.openTextDocument(uriOf(key));
    assert.strictEqual(document.uri.path.split('/').pop(), `${key}.retrydata.json`, 'no step name or code: the tab shows the key');
    assert.ok((JSON.parse(document.getText()) as { data: JsonObject }).data.email);
    // A key holding "/" is asked for as it is (one path segment), never as the key before it.
    sandbox.clearRequests();
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uriOf(`${key}/x`))));
    const asked = sandbox.requests().map((r) => r.path);
    assert.ok(asked.length > 0 && asked.every((path) => path.endsWith(`/${key}%2Fx/data`)), asked.join(', '));
  });
});
