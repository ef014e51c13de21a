/**
 * Production environments: every write asks first (saves, creates, error resolves and retries,
 * retry data), the answer that writes is never the default, a cancelled question writes
 * nothing, a draft's save asks once, a sign-in with another user's token asks, and the status
 * bar shows the environment of what is in front of the user, not a separately chosen one.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { IntegratorClient } from '../../../src/api';
import { JsonObject } from '../../../src/api/types';
import { auditDiffUris } from '../../../src/identity';
import { waitFor } from '../../support/waitFor';
import {
  addEnvironment,
  closeAllEditors,
  openResourceDocument,
  replaceDocumentText,
  startTestSandbox,
  TestSandbox,
  useDemoEnvironment,
} from './support';

describe('production environments', () => {
  const dev = useDemoEnvironment('Dev Sandbox');
  let prodSandbox: TestSandbox;
  let prod: IntegratorClient;
  let prodId: string;
  before(async () => {
    prodSandbox = await startTestSandbox();
    prod = new IntegratorClient({ baseUrl: prodSandbox.baseUrl, token: prodSandbox.token });
    prodId = (await addEnvironment('Acme Production', prodSandbox, { production: true })).id;
  });
  after(async () => {
    await closeAllEditors();
    prod.dispose();
    await dev.api.environments.remove(prodId);
    await prodSandbox.close();
  });
  afterEach(async () => {
    await closeAllEditors();
    assert.deepStrictEqual(dev.api.takeUnusedAnswers(), [], 'every queued answer was asked for');
  });
  /** Ctrl+S on the document, and the save has finished (clean). */
  const saveWithCtrlS = async (document: vscode.TextDocument) => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => !document.isDirty, 'the save to finish');
  };

  const writes = () => prodSandbox.requests().filter((r) => r.method !== 'GET');
  const exportNamed = async (name: string) => (await prod.exports.listAll()).find((e) => e.name === name)!;
  const editDescription = async (document: vscode.TextDocument, description: string) => {
    const json = JSON.parse(document.getText()) as JsonObject;
    json.description = description;
    await replaceDocumentText(document, `${JSON.stringify(json, null, 2)}\n`);
  };

  it('a save asks first; cancelled, nothing is written and the edit stays', async () => {
    const exp = await exportNamed('Shopify - Get Orders');
    const document = await openResourceDocument(prodId, 'exports', exp._id, exp.name);
    await editDescription(document, 'changed in production');
    prodSandbox.clearRequests();
    dev.api.answerNextDialog('Cancel');
    assert.strictEqual(await document.save(), false);
    assert.deepStrictEqual(writes(), []);
    assert.ok(document.isDirty);
    dev.api.answerNextDialog('Show Diff');
    assert.strictEqual(await document.save(), false, 'the default button shows the diff and writes nothing');
    assert.deepStrictEqual(writes(), []);
    await waitFor(
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff,
      'the diff with the server to open',
    );
    dev.api.answerNextDialog('Save in Production');
    await saveWithCtrlS(document);
    assert.deepStrictEqual(
      writes().map((r) => r.method),
      ['PUT'],
    );
  });

  it('a draft asks once when it is created, and once when saved again', async () => {
    const connection = (await prod.connections.listAll()).find((c) => c.name === 'Shopify Store')!;
    const draftUri = await vscode.commands.executeCommand<string>(
      'integratorIo.newResource',
      dev.api.draft({ kind: 'exports', envId: prodId, name: 'Prod Draft', connectionId: connection._id }),
    );
    const draft = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftUri)!;
    const json = JSON.parse(draft.getText()) as JsonObject;
    // The file system's save pipeline itself, as the editor's save calls it.
    const write = (description: string) =>
      dev.api.files.writeFile(vscode.Uri.parse(draftUri), new TextEncoder().encode(JSON.stringify({ ...json, description })));
    // One queued answer per save: a second question would find none and wait for a person.
    dev.api.answerNextDialog('Create in Production');
    await write('first');
    const created = (await prod.exports.listAll()).find((e) => e.name === 'Prod Draft')!;
    // The draft's editor may still be open: saving it again updates what it created, asking once.
    dev.api.answerNextDialog('Save in Production');
    await write('second');
    assert.strictEqual((await prod.exports.get(created._id)).description, 'second');
    assert.strictEqual((await prod.exports.listAll()).filter((e) => e.name === 'Prod Draft').length, 1, 'created once');
  });

  // Resolving and retrying in production ask in the errors view itself: the UI test production.ui clicks them.
  it('saving retry data asks first', async () => {
    const flow = (await prod.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!;
    const step = (await prod.imports.listAll()).find((i) => i.name === 'NetSuite - Create Sales Orders')!;
    const [error] = await prod.errors.listAll(flow._id, step._id);
    const uri = vscode.Uri.from({
      scheme: 'integrator-io-retry',
      authority: prodId,
      path: `/${flow._id}/${step._id}/${error!.retryDataKey!}.retrydata.json`,
    });
    const document = await vscode.workspace.openTextDocument(uri);
    await replaceDocumentText(document, document.getText().replace(/\}\s*$/, ', "note": "fixed"}\n'));
    prodSandbox.clearRequests();
    dev.api.answerNextDialog('Cancel');
    assert.strictEqual(await document.save(), false);
    assert.deepStrictEqual(writes(), []);
    assert.deepStrictEqual(dev.api.takeUnusedAnswers(), [], 'the question was asked');
    assert.ok(document.isDirty, 'the edit stays');
    dev.api.answerNextDialog('Save retry data in Production');
    assert.strictEqual(await document.save(), true);
    assert.deepStrictEqual(
      writes().map((r) => r.method),
      ['PUT'],
    );
  });

  it('the status bar shows the environment of the focused document, and adding an environment does not change it', async () => {
    const devExport = (await dev.client.exports.listAll())[0]!;
    const prodExport = (await prod.exports.listAll())[0]!;
    const prodDocument = await openResourceDocument(prodId, 'exports', prodExport._id, prodExport.name);
    await vscode.window.showTextDocument(prodDocument);
    await waitFor(() => dev.api.statusBar.shown?.text.includes('Acme Production'), 'the status bar to show the production document');
    assert.match(dev.api.statusBar.shown!.text, /PRODUCTION/);
    assert.ok(dev.api.statusBar.shown!.production, 'production stands out');
    const devDocument = await openResourceDocument(dev.envId, 'exports', devExport._id, devExport.name);
    await vscode.window.showTextDocument(devDocument);
    await waitFor(() => dev.api.statusBar.shown?.text.includes('Dev Sandbox'), 'the status bar to follow the focused document');
    assert.ok(!dev.api.statusBar.shown!.production);
    const other = await startTestSandbox({ seed: 'empty' });
    try {
      const added = await addEnvironment('Another Production', other, { production: true });
      assert.match(dev.api.statusBar.shown!.text, /Dev Sandbox/, 'still the focused document’s environment');
      await dev.api.environments.remove(added.id);
    } finally {
      await other.close();
    }
  });

  it('names no environment when nothing of integrator.io is in front, even with production the default', async () => {
    await dev.api.environments.setActive(prodId);
    try {
      // A document of no environment in front (as the settings editor or a README would be).
      const plain = await vscode.workspace.openTextDocument({ content: 'notes', language: 'plaintext' });
      await vscode.window.showTextDocument(plain);
      await waitFor(() => dev.api.statusBar.shown?.text === '$(plug) integrator.io', 'the neutral status bar');
      assert.ok(!dev.api.statusBar.shown!.production, 'no production colour over work of no environment');
      assert.match(dev.api.statusBar.shown!.tooltip, /New resources and commands start in "Acme Production" \(.*production\)/);
      // An audit diff side of the sandbox belongs to the sandbox, whatever the default.
      const devExport = (await dev.client.exports.listAll())[0]!;
      await dev.client.exports.update(devExport._id, { ...devExport, description: 'Changed for the audit log' });
      const [entry] = await dev.client.auditAll({ _resourceId: devExport._id });
      const field = entry!.fieldChanges[0]!.fieldPath;
      const { after } = auditDiffUris({ envId: dev.envId, kind: 'exports', resourceId: devExport._id }, entry!._id, field);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(after));
      await waitFor(() => dev.api.statusBar.shown?.text.includes('Dev Sandbox'), 'the audit side’s environment');
      assert.ok(!dev.api.statusBar.shown!.production);
    } finally {
      await dev.api.environments.setActive(dev.envId);
    }
  });

  it('views of a production environment say so in their title', async () => {
    const exp = await exportNamed('Shopify - Get Orders');
    await vscode.commands.executeCommand('integratorIo.showAuditHistory', dev.api.resource(prodId, 'exports', exp._id, exp.name));
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    const label = await waitFor(() => labels().find((l) => l.includes('Shopify - Get Orders') && l.includes('History')), 'the history tab');
    assert.match(label, /^⚠ PROD · .*\(Acme Production\)$/);
    const devExport = (await dev.client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!;
    await vscode.commands.executeCommand(
      'integratorIo.showAuditHistory',
      dev.api.resource(dev.envId, 'exports', devExport._id, devExport.name),
    );
    await waitFor(() => labels().some((l) => l.includes('History') && !l.includes('PROD')), 'the sandbox history tab');
  });

  it('a sign-in with another user’s token asks, and keeps the old token unless told', async () => {
    const env = dev.api.environments.get(prodId)!;
    await dev.api.environments.save({ ...env, userId: 'someone-else-0000000000000' });
    const before = await dev.api.context.secrets.get(`integratorIo.token.${prodId}`);
    dev.api.answerNextDialog('Keep the Old Token');
    assert.strictEqual(await dev.api.signIn(prodId, prodSandbox.token), false);
    assert.strictEqual(dev.api.environments.get(prodId)!.userId, 'someone-else-0000000000000');
    assert.strictEqual(await dev.api.context.secrets.get(`integratorIo.token.${prodId}`), before);
    dev.api.answerNextDialog('Use This Token');
    assert.strictEqual(await dev.api.signIn(prodId, prodSandbox.token), true);
    assert.notStrictEqual(dev.api.environments.get(prodId)!.userId, 'someone-else-0000000000000');
  });
});
