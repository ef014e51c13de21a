/**
 * Enable Flow and Disable Flow: one JSON Patch of `/disabled` and nothing else, the row follows at
 * once, a flow already in that state is left alone, and production asks with a default that writes nothing.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addEnvironment, chosen, nodeAt, useDemoEnvironment } from './support';

describe('enable and disable a flow', () => {
  const demo = useDemoEnvironment('Switches');
  const flowName = 'Shopify Orders to NetSuite Sales Orders';
  const flowId = async () => (await demo.client.flows.listAll()).find((f) => f.name === flowName)!._id;
  const target = async (envId = demo.envId) => chosen({ envId, kind: 'flows', id: await flowId(), name: flowName });
  const writes = () => demo.sandbox.requests().filter((r) => r.method !== 'GET');
  const rowContext = async () => {
    const row = await nodeAt(demo.api, 'Switches', 'Integrations', 'Shopify - NetSuite Order Sync', flowName);
    return String(row.treeItem().contextValue);
  };

  it('disables with one patch of /disabled, marks the row, and enables again', async () => {
    assert.doesNotMatch(await rowContext(), /;disabled/);
    demo.sandbox.clearRequests();
    await vscode.commands.executeCommand('integratorIo.disableFlow', await target());
    assert.deepStrictEqual(
      writes().map((r) => [r.method, r.path, r.body]),
      [['PATCH', `/flows/${await flowId()}`, [{ op: 'replace', path: '/disabled', value: true }]]],
    );
    assert.strictEqual((await demo.client.flows.get(await flowId())).disabled, true);
    assert.match(await rowContext(), /;disabled/);
    assert.strictEqual(demo.api.notify.recent.at(-1)?.message, `Disabled the flow "${flowName}" in "Switches".`);

    demo.sandbox.clearRequests();
    await vscode.commands.executeCommand('integratorIo.disableFlow', await target());
    assert.deepStrictEqual(writes(), [], 'already disabled: nothing sent');
    assert.strictEqual(demo.api.notify.recent.at(-1)?.message, `The flow "${flowName}" is already disabled.`);

    await vscode.commands.executeCommand('integratorIo.enableFlow', await target());
    assert.strictEqual((await demo.client.flows.get(await flowId())).disabled, false);
    assert.doesNotMatch(await rowContext(), /;disabled/);
  });

  it('asks in production, and its default answer writes nothing', async () => {
    const production = await addEnvironment('Switches Production', demo.sandbox, { production: true });
    try {
      demo.sandbox.clearRequests();
      demo.api.answerNextDialog("Don't disable");
      await vscode.commands.executeCommand('integratorIo.disableFlow', await target(production.id));
      assert.deepStrictEqual(writes(), []);
      demo.api.answerNextDialog('Disable in Production');
      await vscode.commands.executeCommand('integratorIo.disableFlow', await target(production.id));
      assert.strictEqual((await demo.client.flows.get(await flowId())).disabled, true);
      assert.deepStrictEqual(demo.api.takeUnusedAnswers(), []);
    } finally {
      await demo.api.environments.remove(production.id);
    }
  });
});
