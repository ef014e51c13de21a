/** The extension activates in a real VS Code and contributes what its manifest says. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './support';

describe('activation', () => {
  it('activates and registers every contributed command', async () => {
    const api = await extensionApi();
    assert.ok(api.explorer, 'activate() returns the services');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, []);
  });
});
