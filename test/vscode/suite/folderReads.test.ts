/**
 * One read of the account per pull: the pull's own read serves the Source Control view's first
 * plan, the pull command's refresh joins that plan, and the file watcher reporting the files the
 * pull wrote reads nothing more (the folder is as the plan read it). Before, one pull read the
 * integration four times (28 GETs for the demo integration).
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { jsonFileOf } from '../../../src/iac/layout';
import { waitFor } from '../../support/waitFor';
import { chosen, useDemoEnvironment } from './support';

describe('one read per pull', () => {
  const demo = useDemoEnvironment('Acme Dev');
  let folder: string;
  const control = () => demo.api.sourceControls.list().find((c) => c.folder.fsPath === folder);

  after(() => fs.rm(folder, { recursive: true, force: true }));

  it('reads the integration once for a pull, the view’s plan and the watcher’s reports included', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'reads-')));
    folder = path.join(root, `reads-${Date.now().toString(36)}`);
    const [integration] = (await demo.client.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync');
    const target = chosen({ envId: demo.envId, kind: 'integrations', id: integration!._id, name: integration!.name });
    demo.sandbox.clearRequests();
    await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
    assert.ok(
      control()?.lastPlan?.items.every((i) => i.action === 'unchanged'),
      'the view shows the pulled folder, nothing to do',
    );

    // A file written again as it is: once the view has handled this report, it has handled the
    // watcher's reports of the pull's own files, which came before it.
    const file = path.join(folder, jsonFileOf('exports/netsuite-customer-lookup'));
    let handled = false;
    const listener = control()!.onDidRefresh(() => (handled = true));
    try {
      await fs.writeFile(file, await fs.readFile(file, 'utf8'));
      await waitFor(() => handled, 'the view to handle the file written again');
    } finally {
      listener.dispose();
    }

    const gets = demo.sandbox.requests().filter((r) => r.method === 'GET');
    assert.deepStrictEqual(
      gets.filter((r) => r.path === `/integrations/${integration!._id}`).length,
      1,
      `one read of the integration, not:\n${gets.map((r) => r.path).join('\n')}`,
    );
    assert.strictEqual(gets.length, 7, 'the integration, its four lists and its two scripts, once');
  });
});
