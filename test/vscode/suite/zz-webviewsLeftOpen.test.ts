/**
 * Runs last (by its name) and leaves every kind of webview open on a sandbox whose token the
 * harness knows: after the suite, the harness reads the HTML of every frame of the workbench
 * and fails if a token is in any of them.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { IntegratorClient } from '../../../src/api';
import { addEnvironment, extensionApi, removeAllEnvironments, startTestSandbox, chosen } from './support';

describe('webviews left open for the token scan', () => {
  it('opens the job, mapping, export, audit, errors and diagram views, and leaves them open', async function () {
    this.timeout(60_000);
    await removeAllEnvironments(await extensionApi());
    const sandbox = await startTestSandbox(); // left running: the views stay live until the host ends
    const envId = (await addEnvironment('Open Views', sandbox)).id;
    const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: sandbox.token });
    try {
      const named = <T extends { name?: string }>(list: T[], name: string) => list.find((r) => r.name === name)!;
      const flow = named(await client.flows.listAll(), 'Shopify Orders to NetSuite Sales Orders');
      const exp = named(await client.exports.listAll(), 'Shopify - Get Orders');
      const imp = named(await client.imports.listAll(), 'NetSuite - Create Sales Orders');
      const target = (kind: string, r: { _id: string; name?: string }) => chosen({ envId, kind, id: r._id, name: r.name });
      assert.ok(await vscode.commands.executeCommand('integratorIo.runFlow', target('flows', flow)));
      assert.ok(await vscode.commands.executeCommand('integratorIo.previewMapping', target('imports', imp), { records: '[{"id": 1}]' }));
      assert.ok(await vscode.commands.executeCommand('integratorIo.previewExport', target('exports', exp)));
      assert.ok(await vscode.commands.executeCommand('integratorIo.showAuditHistory', target('exports', exp)));
      assert.ok(
        await vscode.commands.executeCommand(
          'integratorIo.showErrors',
          chosen({ envId, flowId: flow._id, stepId: imp._id, name: imp.name }),
        ),
      );
      assert.ok(await vscode.commands.executeCommand('integratorIo.showFlowDiagram', target('flows', flow)));
      // The tab model catches up with new panels a moment later.
      const webviews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
      await waitFor(() => webviews().length >= 6, 'the six views', 10_000);
      assert.strictEqual(
        webviews().length,
        6,
        webviews()
          .map((t) => t.label)
          .join(', '),
      );
    } finally {
      client.dispose();
    }
  });
});
