/** Adding, refusing, signing out of and removing environments, through the real commands. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IntegratorIoApi } from '../../../src/extension';
import { addEnvironment, childrenOf, extensionApi, labelOf, removeAllEnvironments, secret, startTestSandbox, TestSandbox } from './support';

describe('environments', () => {
  let api: IntegratorIoApi;
  let sandbox: TestSandbox;
  before(async () => {
    api = await extensionApi();
    await removeAllEnvironments(api);
    sandbox = await startTestSandbox();
  });
  after(async () => {
    await removeAllEnvironments(api);
    await sandbox.close();
  });

  it('starts with no environment, so the welcome view shows', async () => {
    assert.deepStrictEqual(api.environments.list(), []);
    assert.deepStrictEqual(await childrenOf(api), []);
  });

  it('adds an environment after checking its token with /tokenInfo', async () => {
    sandbox.clearRequests();
    const env = await addEnvironment('Dev account', sandbox);
    assert.deepStrictEqual(
      sandbox.requests().map((r) => `${r.method} ${r.path} ${r.status}`),
      ['GET /tokenInfo 200'],
      'only the token check, nothing else at add time',
    );
    const saved = api.environments.get(env.id);
    assert.strictEqual(saved?.name, 'Dev account');
    assert.strictEqual(saved?.baseUrl, sandbox.baseUrl);
    assert.strictEqual(api.environments.active?.id, env.id, 'a new environment becomes the active one');
    assert.strictEqual(await api.context.secrets.get(`integratorIo.token.${env.id}`), sandbox.token, 'the token is in secret storage');
    const roots = await childrenOf(api);
    assert.deepStrictEqual(roots.map(labelOf), ['Dev account']);
  });

  it('refuses a wrong token with a clear error and saves nothing', async () => {
    const wrong = secret('wrong-token-for-the-sandbox-77c1');
    const before = api.environments.list().length;
    await assert.rejects(Promise.resolve(api.addEnvironment({ name: 'Wrong', baseUrl: sandbox.baseUrl, token: wrong })), (err: Error) => {
      assert.match(err.message, /token was refused .*\(401\)/);
      // A custom server's tokens are its own: the North America / EU hint is for the regional APIs only.
      assert.match(err.message, /\(401\)\. Check the token\.$/);
      assert.doesNotMatch(err.message, /region/);
      assert.ok(!err.message.includes(wrong), 'the token is not in the message');
      return true;
    });
    assert.strictEqual(api.environments.list().length, before);
  });

  it('refuses a base URL with credentials, or plain http to a remote host', async () => {
    for (const baseUrl of ['https://user:pass@api.example.com/v1', 'http://api.example.com/v1']) {
      await assert.rejects(
        Promise.resolve(api.addEnvironment({ name: 'Bad URL', baseUrl, token: secret('tok-abcdef-123456') })),
        /user name or password|Plain http/,
      );
    }
  });

  it('keeps tokens out of global state and settings', () => {
    const env = api.environments.list()[0]!;
    const state = JSON.stringify(api.context.globalState.keys().map((k) => api.context.globalState.get(k)));
    assert.ok(!state.includes(sandbox.token), 'token found in global state');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('integratorIo'));
    assert.ok(!settings.includes(sandbox.token), 'token found in settings');
    assert.ok(state.includes(env.id));
  });

  it('signs out (the tree asks to sign in), then signs in again', async () => {
    const env = api.environments.list()[0]!;
    await vscode.commands.executeCommand(
      'integratorIo.signOut',
      (await childrenOf(api)).find((n) => n.id === env.id),
    );
    assert.strictEqual(await api.context.secrets.get(`integratorIo.token.${env.id}`), undefined);
    const [root] = await childrenOf(api);
    const [message] = await childrenOf(api, root);
    assert.strictEqual(labelOf(message!), 'Signed out: sign in…');
    assert.strictEqual(message!.treeItem().command?.command, 'integratorIo.signIn');
    const ok = await api.signIn(env.id, sandbox.token);
    assert.strictEqual(ok, true);
    const [rootAgain] = await childrenOf(api);
    assert.deepStrictEqual((await childrenOf(api, rootAgain)).map(labelOf), [
      'Integrations',
      'Connections',
      'Exports',
      'Imports',
      'Scripts',
      'File Definitions',
    ]);
  });

  it('marks a production environment in the tree and the status bar data', async () => {
    const env = await addEnvironment('Production', sandbox, { production: true });
    const root = (await childrenOf(api)).find((n) => n.id === env.id)!;
    const item = root.treeItem();
    assert.match(String(item.description), /^PRODUCTION · /);
    assert.match(String(item.contextValue), /production/);
    // The mark that survives a narrow side bar: a decoration read from the row's URI.
    assert.strictEqual(item.resourceUri?.query, 'production=environment');
    await vscode.commands.executeCommand('integratorIo.selectEnvironment', root);
    assert.strictEqual(api.environments.active?.id, env.id);
  });

  it('keeps the environments in their order when one is saved again (as the local sandbox is on each start)', async () => {
    const before = api.environments.list().map((e) => e.name);
    assert.ok(before.length >= 2, before.join(', '));
    const first = api.environments.list()[0]!;
    await api.environments.save({ ...first, baseUrl: first.baseUrl });
    assert.deepStrictEqual(
      api.environments.list().map((e) => e.name),
      before,
    );
    assert.deepStrictEqual((await childrenOf(api)).map(labelOf), before);
  });

  it('removes an environment and its token', async () => {
    const env = api.environments.list().find((e) => e.name === 'Production')!;
    api.answerNextDialog('Remove');
    await vscode.commands.executeCommand(
      'integratorIo.removeEnvironment',
      (await childrenOf(api)).find((n) => n.id === env.id),
    );
    assert.ok(!api.environments.get(env.id));
    assert.strictEqual(await api.context.secrets.get(`integratorIo.token.${env.id}`), undefined);
  });

  it('starts the local sandbox from a command and adds it as an environment', async () => {
    const baseUrl = await vscode.commands.executeCommand<string>('integratorIo.startLocalSandbox');
    assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const root = (await childrenOf(api)).find((n) => n.id === 'local-sandbox');
    assert.ok(root, 'the sandbox environment is in the tree');
    const integrations = (await childrenOf(api, root)).find((n) => labelOf(n) === 'Integrations')!;
    const names = (await childrenOf(api, integrations)).map(labelOf);
    assert.ok(names.includes('Shopify - NetSuite Order Sync'), names.join(', '));
    await vscode.commands.executeCommand('integratorIo.stopLocalSandbox');
    await api.environments.remove('local-sandbox');
  });

  it('says the sandbox stopped, and a later expand offers to start it again instead of starting it', async () => {
    await vscode.commands.executeCommand<string>('integratorIo.startLocalSandbox');
    await vscode.commands.executeCommand('integratorIo.stopLocalSandbox');
    assert.strictEqual(
      api.notify.recent.at(-1)?.message,
      'The local sandbox stopped. Its data is kept; Start Local Sandbox runs it again.',
    );
    const root = (await childrenOf(api)).find((n) => n.id === 'local-sandbox')!;
    const integrations = (await childrenOf(api, root)).find((n) => labelOf(n) === 'Integrations')!;
    const rows = await childrenOf(api, integrations);
    assert.deepStrictEqual(rows.map(labelOf), ['Stopped: start the local sandbox…']);
    assert.strictEqual(rows[0]!.treeItem().command?.command, 'integratorIo.startLocalSandbox');
    assert.strictEqual(api.sandbox.isRunning, false, 'not started behind the user’s back');
    await vscode.commands.executeCommand(rows[0]!.treeItem().command!.command);
    assert.strictEqual(api.sandbox.isRunning, true);
    const again = (await childrenOf(api)).find((n) => n.id === 'local-sandbox')!;
    const names = (
      await childrenOf(
        api,
        (await childrenOf(api, again)).find((n) => labelOf(n) === 'Integrations'),
      )
    ).map(labelOf);
    assert.ok(names.includes('Shopify - NetSuite Order Sync'), names.join(', '));
    await vscode.commands.executeCommand('integratorIo.stopLocalSandbox');
    await api.environments.remove('local-sandbox');
  });
});
