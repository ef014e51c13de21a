/**
 * One rule for binding file names, in the real extension host and `node dist/cli.js`: a folder
 * pulled by the CLI (its binding file named after the URL) is compared by the Source Control view
 * with nothing to do, and a folder pulled by the extension (named after the environment) is
 * planned by the CLI, as the README's CI workflow runs it, with nothing to do.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { chosen, useDemoEnvironment } from './support';

const CLI_JS = path.join(__dirname, '../../../../dist/cli.js');

function cli(args: string[], token: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_JS, ...args],
      { env: { PATH: process.env.PATH ?? '', INTEGRATOR_IO_TOKEN: token } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('binding file names in VS Code and the CLI', () => {
  const demo = useDemoEnvironment('Acme Staging');
  const folders: string[] = [];
  const root = async () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'bindings-')));
  const controlOf = (folder: string) => demo.api.sourceControls.list().find((c) => c.folder.fsPath === folder);

  after(() => Promise.all(folders.map((f) => fs.rm(f, { recursive: true, force: true }))));

  it('compares a folder pulled by the CLI with nothing to do', async () => {
    const folder = path.join(await root(), `cli-pulled-${Date.now().toString(36)}`);
    folders.push(folder);
    const pulled = await cli(
      ['pull', '--url', demo.sandbox.baseUrl, '--integration', 'Shopify - NetSuite Order Sync', '--dir', folder],
      demo.sandbox.token,
    );
    assert.strictEqual(pulled.code, 0, pulled.stdout + pulled.stderr);
    const [file] = await fs.readdir(path.join(folder, '.integrator-io'));
    assert.notStrictEqual(file, 'acme-staging.json', 'the CLI named the file after the URL, not the environment');

    await demo.api.sourceControls.discover();
    const control = await waitFor(() => controlOf(folder)?.lastPlan && controlOf(folder), 'the Source Control view to compare the folder');
    assert.strictEqual(control.env.id, demo.envId);
    assert.strictEqual(control.sourceControl.count, 0, JSON.stringify(control.lastPlan!.items.filter((i) => i.action !== 'unchanged')));
    assert.ok(control.lastPlan!.items.length > 10 && control.lastPlan!.items.every((i) => i.action === 'unchanged'));
    assert.strictEqual(`${control.lastPlan!.environment}.json`, file);
  });

  it('a folder pulled by the extension plans with nothing to do in the CLI', async () => {
    const folder = path.join(await root(), `vscode-pulled-${Date.now().toString(36)}`);
    folders.push(folder);
    const [integration] = (await demo.client.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync');
    const target = chosen({ envId: demo.envId, kind: 'integrations', id: integration!._id, name: integration!.name });
    await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
    assert.deepStrictEqual(await fs.readdir(path.join(folder, '.integrator-io')), ['acme-staging.json']);

    const plan = await cli(['plan', '--url', demo.sandbox.baseUrl, '--dir', folder], demo.sandbox.token);
    assert.strictEqual(plan.code, 0, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /^Plan for acme-staging .*\n {2}nothing to do/);
  });
});
