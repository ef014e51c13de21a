/**
 * The agent tools that try, in VS Code, invoked as a chat invokes them (`vscode.lm.invokeTool`)
 * on the demo environment: an export's first page, a hook of the account run in the hook sandbox,
 * and the plan of a folder pulled into the test's workspace; a folder outside the workspace or
 * reached through a link is refused before anything is read, and nothing reaches the account but reads.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DATA_NOTE } from '../../../src/agentTools/types';
import { jsonFileOf } from '../../../src/iac/layout';
import { waitFor } from '../../support/waitFor';
import { chosen, useDemoEnvironment } from './support';

type Data = Record<string, unknown>;

/** Requests that change nothing: reads, and the API's previews (virtual exports, mapping evaluation). */
const READS = [/^GET /, /^POST \/connections\/[0-9a-f]{24}\/export(\/pages)?$/, /^POST \/connections\/[0-9a-f]{24}\/import\/map$/];

describe('agent tools that try, in VS Code', () => {
  const demo = useDemoEnvironment('Agent Try');
  const writes = () =>
    demo.sandbox
      .requests()
      .map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`)
      .filter((line) => !READS.some((read) => read.test(line)));

  async function invoke(name: string, input: object): Promise<Data> {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    const texts = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : `not text: ${typeof part}`));
    assert.strictEqual(texts.length, 1);
    assert.ok(!texts[0]!.includes(demo.sandbox.token), 'no token in an answer');
    const answer = JSON.parse(texts[0]!) as { note: string; data: Data };
    assert.strictEqual(answer.note, DATA_NOTE);
    return answer.data;
  }
  const idOf = async (kind: 'exports' | 'scripts', name: string) => (await demo.client[kind].listAll()).find((r) => r.name === name)!._id;

  it('previews an export’s first page, a slice at a time, by a virtual export', async () => {
    const exportId = await idOf('exports', 'Shopify - Get Orders');
    demo.sandbox.clearRequests();
    const data = await invoke('integratorPreviewExport', { exportId, limit: 2 });
    assert.deepStrictEqual(data.environment, { id: demo.envId, name: 'Agent Try', production: false });
    assert.strictEqual((data.records as unknown[]).length, 2);
    assert.strictEqual(data.recordsOnFirstPage, 20);
    assert.match(String(data.more), /offset 2/);
    assert.deepStrictEqual(writes(), []);
  });

  it('runs an account’s hook in the hook sandbox on the sample Run Hook… makes; a script reaching for the host gets an error', async () => {
    const scriptId = await idOf('scripts', 'Shopify - Skip Test Orders');
    const hostile = await demo.client.scripts.create({
      name: 'Reads the host',
      content: "function preMap(options) {\n  return [{ data: require('fs').readFileSync('/etc/passwd', 'utf8') }];\n}\n",
    });
    demo.sandbox.clearRequests();
    const data = await invoke('integratorRunHook', { scriptId, functionName: 'preSavePage', type: 'preSavePage' });
    assert.strictEqual(data.returned, true, String(data.error));
    assert.deepStrictEqual(data.contract, { ok: true, problems: [], notes: [] });
    assert.match(String((data.sample as Data).from), /export "Shopify - Get Orders"/);
    const refused = await invoke('integratorRunHook', {
      scriptId: hostile._id,
      functionName: 'preMap',
      type: 'preMap',
      options: { data: [{}] },
    });
    assert.strictEqual(refused.returned, false);
    assert.ok(!JSON.stringify(refused).includes('root:x:0:0'), '/etc/passwd is not read');
    assert.match(String(refused.error), /require|fs/);
    assert.deepStrictEqual(writes(), []);
  });

  describe('integratorPlanFolder', () => {
    let root: string;
    let folder: string;
    let outside: string;
    before(async function () {
      const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      // The tool reads only a trusted workspace's folders: without one there is nothing to plan here.
      if (!workspaceFolder || !vscode.workspace.isTrusted) return this.skip();
      root = workspaceFolder;
      folder = path.join(root, `agent-plan-${Date.now().toString(36)}`);
      outside = await fs.mkdtemp(path.join(os.tmpdir(), 'agent-plan-outside-'));
      const [integration] = (await demo.client.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync');
      const target = chosen({ envId: demo.envId, kind: 'integrations', id: integration!._id, name: integration!.name });
      await vscode.commands.executeCommand('integratorIo.pullIntegration', target, { folder });
      const control = () => demo.api.sourceControls.list().find((c) => c.folder.fsPath === folder);
      await waitFor(() => control()?.lastPlan !== undefined, 'the Source Control view to compare the folder');
    });
    after(async () => {
      if (folder) await fs.rm(folder, { recursive: true, force: true });
      if (outside) await fs.rm(outside, { recursive: true, force: true });
      if (root) await fs.rm(path.join(root, 'agent-plan-link'), { force: true });
    });

    it('plans the pulled folder as the Source Control view does, an edit and a connection’s new address called out, never applied', async () => {
      const file = path.join(folder, jsonFileOf('connections/shopify-store'));
      const connection = JSON.parse(await fs.readFile(file, 'utf8')) as { http: Data };
      await fs.writeFile(
        file,
        JSON.stringify({ ...connection, http: { ...connection.http, baseURI: 'https://elsewhere.example.com' } }, null, 2),
      );
      demo.sandbox.clearRequests();
      const data = await invoke('integratorPlanFolder', { folder: path.basename(folder) });
      assert.strictEqual(data.bindingFile, '.integrator-io/agent-try.json');
      assert.deepStrictEqual(
        (data.items as { action: string; key: string }[]).map((i) => `${i.action} ${i.key}`),
        ['update connections/shopify-store'],
      );
      assert.deepStrictEqual(
        (data.connectionChanges as { path: string; to: string }[]).map((c) => `${c.path} → ${c.to}`),
        ['http.baseURI → "https://elsewhere.example.com"'],
      );
      assert.deepStrictEqual(writes(), []);
    });

    it('refuses a folder outside the workspace, `..` and a link', async () => {
      await fs.symlink(folder, path.join(root, 'agent-plan-link'));
      demo.sandbox.clearRequests();
      for (const [given, message] of [
        [outside, /not a folder inside/],
        [`../${path.basename(folder)}`, /"\.\."/],
        ['agent-plan-link', /symbolic link/],
      ] as const) {
        await assert.rejects(
          Promise.resolve(vscode.lm.invokeTool('integratorPlanFolder', { input: { folder: given }, toolInvocationToken: undefined })),
          message,
        );
      }
      // The Source Control view may still be comparing the folder after the last edit: reads only, in any case.
      assert.deepStrictEqual(writes(), []);
    });
  });
});
