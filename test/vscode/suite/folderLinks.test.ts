/**
 * Go to Definition in a pulled folder opens the file a key names only when it is a regular file
 * of the folder: a pull request that replaces it with a link to a file elsewhere (a canary here)
 * gets no definition, so the editor never shows that file as if it were the resource.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { jsonFileOf } from '../../../src/iac/layout';
import { waitFor } from '../../support/waitFor';
import { chosen, closeAllEditors, useDemoEnvironment } from './support';

describe('keys in a pulled folder', () => {
  const demo = useDemoEnvironment('Acme Links');
  let folder: string;
  let outside: string;

  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('opens the file a key names, and nothing when a pull request made that file a link', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'links-')));
    folder = path.join(root, `links-${Date.now().toString(36)}`);
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'links-outside-'));
    const [integration] = (await demo.client.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync');
    const target = chosen({ envId: demo.envId, kind: 'integrations', id: integration!._id, name: integration!.name });
    await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
    await waitFor(() => demo.api.sourceControls.list().some((c) => c.folder.fsPath === folder), 'the folder in Source Control');

    const exportFile = path.join(folder, jsonFileOf('exports/shopify-get-orders'));
    const document = await vscode.workspace.openTextDocument(exportFile);
    const at = document.getText().indexOf('connections/shopify-store');
    assert.ok(at > 0, 'the export names its connection by key');
    const definitions = () =>
      vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, document.positionAt(at + 3));
    const named = path.join(folder, jsonFileOf('connections/shopify-store'));
    assert.deepStrictEqual(
      (await definitions()).map((l) => l.uri.fsPath),
      [named],
    );

    const canary = path.join(outside, 'canary.json');
    await fs.writeFile(canary, '{ "canary": true }\n');
    await fs.rm(named);
    await fs.symlink(canary, named);
    assert.ok((await fs.lstat(named)).isSymbolicLink(), 'the attack is in place');
    assert.deepStrictEqual(await definitions(), [], 'no definition through the link');
    await closeAllEditors();
  });
});
