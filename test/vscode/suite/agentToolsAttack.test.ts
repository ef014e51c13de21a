/**
 * The agent tools in VS Code under attack: an agent's unsaved edit is never saved to the account
 * without a person's yes, a proposed edit is never made without its question, and no tool's
 * answer, error or question holds an environment's token. Each title says what holds.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { closeAllEditors, confirmationText, useDemoEnvironment } from './support';

const DEPLOY_QUESTION = /^Deploy an agent's edit of .+ to the environment "Attack Demo"\?$/;

describe('agent tools in VS Code: attacks', () => {
  const demo = useDemoEnvironment('Attack Demo');
  const none = new vscode.CancellationTokenSource().token;
  const imported = async (name = 'Shopify - Tag Order as Synced') => (await demo.client.imports.listAll()).find((i) => i.name === name)!;
  const textOf = (result: vscode.LanguageModelToolResult | null | undefined) =>
    (result?.content ?? []).map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');

  async function propose(description: string, name?: string): Promise<vscode.TextDocument> {
    const imp = await imported(name);
    const tool = demo.api.languageModelTool('integratorProposeEdit')!;
    const input = { kind: 'imports', id: imp._id, changes: [{ path: '/description', value: description }] };
    const prepared = await tool.prepareInvocation!({ input }, none);
    assert.ok(prepared?.confirmationMessages, 'asked first');
    const result = await tool.invoke({ input, toolInvocationToken: undefined }, none);
    const uri = (JSON.parse(textOf(result)) as { data: { document: string } }).data.document;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)!;
    assert.ok(document.isDirty);
    return document;
  }
  const puts = () => demo.sandbox.requests().filter((r) => r.method === 'PUT' && r.path.startsWith('/imports/'));

  afterEach(async () => {
    assert.deepStrictEqual(demo.api.takeUnusedAnswers(), [], 'every answer queued was asked for');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
    await closeAllEditors();
  });

  it('HOLDS: running a task (task.saveBeforeRun) asks before the agent’s unsaved edit is deployed, and Not Now writes nothing', async () => {
    const document = await propose('Deployed by a task run');
    demo.sandbox.clearRequests();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace has a folder');
    // What an agent's "run task" / "run build" tool does; no one pressed Save.
    demo.api.answerNextDialog('Not Now');
    const task = new vscode.Task({ type: 'shell' }, folder, 'attack-echo', 'attack', new vscode.ShellExecution('echo attack'));
    await vscode.tasks.executeTask(task);
    await waitFor(() => DEPLOY_QUESTION.test(demo.api.lastDialog()?.message ?? ''), 'the question before the deploy');
    assert.ok(document.isDirty, 'the edit stays unsaved');
    assert.strictEqual(puts().length, 0, 'nothing written');
  });

  it('HOLDS: any extension’s workspace.saveAll() asks before the agent’s unsaved edit is deployed, and Not Now writes nothing', async () => {
    const other = 'NetSuite - Create Sales Orders';
    const document = await propose('Deployed by saveAll', other);
    demo.sandbox.clearRequests();
    demo.api.answerNextDialog('Not Now');
    await vscode.workspace.saveAll(false);
    assert.match(demo.api.lastDialog()?.message ?? '', DEPLOY_QUESTION);
    assert.ok(document.isDirty, 'the edit stays unsaved');
    assert.strictEqual(puts().length, 0, 'nothing written');
    assert.notStrictEqual((await imported(other)).description, 'Deployed by saveAll');
  });

  it('HOLDS: when prepareInvocation’s read fails, the invocation fails with the reason: nothing runs unasked', async () => {
    const imp = await imported();
    const tool = demo.api.languageModelTool('integratorProposeEdit')!;
    const input = { kind: 'imports', id: imp._id, changes: [{ path: '/description', value: 'Unconfirmed' }] };
    demo.sandbox.setFaults({ rules: [{ kind: 'status', status: 404, method: 'GET', path: `^/imports/${imp._id}$`, times: 1 }] });
    try {
      await assert.rejects(Promise.resolve(tool.prepareInvocation!({ input }, none)), /404|not found/i);
    } finally {
      demo.sandbox.setFaults({});
    }
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.getText().includes('Unconfirmed')), 'no document was edited');
  });

  it('HOLDS: the environment’s token in account text never reaches a tool’s answer, error or question; its place is masked', async () => {
    const token = demo.sandbox.token;
    // A script that holds its key, named after it: the account's text holds the token.
    const script = await demo.client.scripts.create({ name: `Key ${token}`, content: `const key = '${token}';` });
    const read = textOf(
      await vscode.lm.invokeTool('integratorReadResource', { input: { kind: 'scripts', id: script._id }, toolInvocationToken: undefined }),
    );
    assert.ok(!read.includes(token), read);
    assert.match(read, /const key = '\*\*\*\*\*\*';/);
    const found = textOf(
      await vscode.lm.invokeTool('integratorFindResources', { input: { query: 'Key' }, toolInvocationToken: undefined }),
    );
    assert.ok(!found.includes(token) && found.includes('Key ******'), found);

    // An error that repeats account text (here the input's environment name) is masked as well.
    await assert.rejects(
      Promise.resolve(
        vscode.lm.invokeTool('integratorReadResource', {
          input: { kind: 'scripts', id: 'x', environment: token },
          toolInvocationToken: undefined,
        }),
      ),
      (err: Error) => !err.message.includes(token) && /No environments match "\*\*\*\*\*\*"/.test(err.message),
    );

    // A question naming a resource whose name holds the token, and link syntax that stays text.
    const imp = await demo.client.imports.create({
      name: `${token} [Approve](command:workbench.action.quit)`,
      _connectionId: (await imported())._connectionId!,
    });
    const prepared = await demo.api.languageModelTool('integratorProposeEdit')!.prepareInvocation!(
      { input: { kind: 'imports', id: imp._id, changes: [{ path: '/description', value: 'x' }] } },
      none,
    );
    const title = confirmationText(prepared?.confirmationMessages?.title);
    assert.ok(!title.includes(token) && !title.includes('Approve'), `no account text in the title: ${title}`);
    // The message is Markdown in the chat: the name is escaped text there, read as it was written.
    const message = prepared?.confirmationMessages?.message;
    assert.ok(message instanceof vscode.MarkdownString && message.value.includes('\\[Approve\\]\\(command:'), 'no link syntax left');
    const shown = confirmationText(message);
    assert.ok(!shown.includes(token), shown);
    assert.ok(shown.includes('"****** [Approve](command:workbench.action.quit)"'), shown);
  });
});
