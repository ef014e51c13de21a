/**
 * Resources as documents in the real editor, against a sandbox: open, edit and save (a PUT with
 * the edit, an audit entry), conflicts, refusals that send nothing, failures that keep the
 * document dirty, bursts of saves, create, clone, delete, dependencies and scripts.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { JsonObject } from '../../../src/api/types';
import { FaultSettings } from '../../../src/sandbox/faults';
import { closeAllEditors, replaceDocumentText, useDemoEnvironment, openResourceDocument, chosen } from './support';

describe('resource documents', () => {
  const demo = useDemoEnvironment('Docs');
  afterEach(async () => {
    demo.sandbox.setFaults();
    await closeAllEditors();
  });

  const setFaults = (faults: Partial<FaultSettings> = {}) => demo.sandbox.setFaults(faults);
  const exportNamed = async (name: string) => (await demo.client.exports.listAll()).find((e) => e.name === name)!;
  const open = (kind: string, id: string, name?: string) => openResourceDocument(demo.envId, kind, id, name);
  /** Replaces the document's text the way typing would. */
  const edit = async (document: vscode.TextDocument, change: (json: JsonObject) => void) => {
    const json = JSON.parse(document.getText()) as JsonObject;
    change(json);
    await replaceText(document, `${JSON.stringify(json, null, 2)}\n`);
  };
  const replaceText = replaceDocumentText;
  const writes = () => demo.sandbox.requests().filter((r) => r.method !== 'GET');

  it('opens an export as pretty JSON named after it, with the environment in its path', async () => {
    const exp = await exportNamed('Shopify - Get Orders');
    const document = await open('exports', exp._id, exp.name);
    assert.strictEqual(document.languageId, 'json');
    assert.strictEqual(document.uri.path.split('/').pop(), 'Shopify - Get Orders.export.json');
    assert.ok(document.uri.path.startsWith('/Docs/exports/'), document.uri.path);
    assert.deepStrictEqual(JSON.parse(document.getText()), await demo.client.exports.get(exp._id));
    assert.strictEqual(
      document.getText(),
      `${JSON.stringify(await demo.client.exports.get(exp._id), null, 2)}\n`,
      'key order as the API returns it',
    );
  });

  it('saves an edit with one GET and one PUT, and the editor then holds what the server stored', async () => {
    const exp = await exportNamed('Shopify - Get Orders');
    const document = await open('exports', exp._id, exp.name);
    await edit(document, (json) => (json.pageSize = 50));
    demo.sandbox.clearRequests();
    assert.strictEqual(await document.save(), true);
    assert.deepStrictEqual(
      demo.sandbox.requests().map((r) => `${r.method} ${r.path}`),
      [`GET /exports/${exp._id}`, `PUT /exports/${exp._id}`],
    );
    assert.strictEqual((demo.sandbox.requests()[1]!.body as JsonObject).pageSize, 50);
    const stored = await demo.client.exports.get(exp._id);
    demo.sandbox.clearRequests();
    assert.strictEqual(stored.pageSize, 50);
    assert.strictEqual(document.isDirty, false);
    await waitFor(() => document.getText().includes(stored.lastModified!), 'the editor shows the new lastModified');
    assert.deepStrictEqual(demo.sandbox.requests(), [], "the editor's re-read is served from the PUT's answer, not another GET");
    const [audit] = (await demo.client.exports.audit(exp._id).next()).value as { fieldChanges: unknown[] }[];
    assert.deepStrictEqual(audit?.fieldChanges, [{ fieldPath: 'pageSize', oldValue: 20, newValue: 50 }]);
  });

  it('never deploys on auto-save: typing and waiting sends nothing, an explicit save sends one PUT', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const previous = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    await files.update('autoSaveDelay', 100, vscode.ConfigurationTarget.Global);
    try {
      const exp = await exportNamed('Shopify - Get Orders');
      const document = await open('exports', exp._id, exp.name);
      await vscode.window.showTextDocument(document);
      const refusedBefore = demo.api.files.autoSavesRefused;
      demo.sandbox.clearRequests();
      await edit(document, (json) => (json.description = 'half-typed /v2'));
      await waitFor(() => demo.api.files.autoSavesRefused > refusedBefore, 'VS Code to auto-save, and the save to be refused');
      assert.deepStrictEqual(writes(), [], 'nothing reached the server');
      assert.ok(document.isDirty, 'the edit is still unsaved');
      assert.match(document.getText(), /half-typed \/v2/);
      // What Ctrl+S runs, on the editor in front of the user.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(() => !document.isDirty, 'the explicit save to finish');
      assert.deepStrictEqual(
        writes().map((r) => r.method),
        ['PUT'],
      );
      assert.strictEqual((await demo.client.exports.get(exp._id)).description, 'half-typed /v2');
    } finally {
      await files.update('autoSave', previous, vscode.ConfigurationTarget.Global);
      await files.update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('refuses a conflicting save, naming who changed it, and overwrites only when asked', async () => {
    const imp = (await demo.client.imports.listAll()).find((i) => i.name === 'Shopify - Tag Order as Synced')!;
    const document = await open('imports', imp._id, imp.name);
    const theirs = await demo.client.imports.get(imp._id);
    await demo.client.imports.update(imp._id, { ...theirs, name: 'Changed by someone else' });
    await edit(document, (json) => (json.description = 'my edit'));
    demo.sandbox.clearRequests();
    assert.strictEqual(await document.save(), false, 'the save fails');
    assert.ok(document.isDirty, 'the edit stays in the editor');
    assert.ok(!writes().length, 'nothing was written');
    assert.strictEqual((await demo.client.imports.get(imp._id)).name, 'Changed by someone else');
    assert.match(document.getText(), /my edit/);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('integratorIo.overwriteServer', document.uri), true);
    const stored = await demo.client.imports.get(imp._id);
    assert.strictEqual(stored.description, 'my edit');
    assert.strictEqual(stored.name, 'Shopify - Tag Order as Synced', "overwrite stores the editor's version");
  });

  it('refuses invalid JSON without sending anything, keeping the text', async () => {
    const exp = await exportNamed('NetSuite - Item Fulfillments');
    const document = await open('exports', exp._id, exp.name);
    const broken = document.getText().replace('"name":', '"name"');
    await replaceText(document, broken);
    demo.sandbox.clearRequests();
    assert.strictEqual(await document.save(), false);
    assert.deepStrictEqual(demo.sandbox.requests(), [], 'no request at all');
    assert.ok(document.isDirty);
    assert.strictEqual(document.getText(), broken);
  });

  it('saves a connection with its masked OAuth tokens untouched; the secrets survive and the ping behaves as before', async () => {
    const salesforce = (await demo.client.connections.listAll()).find((c) => c.name === 'Salesforce')!;
    const document = await open('connections', salesforce._id, salesforce.name);
    assert.match(document.getText(), /"bearerToken": "\*{6}"/);
    assert.match(document.getText(), /"refreshToken": "\*{6}"/);
    await edit(document, (json) => (json.name = 'Salesforce (edited)'));
    demo.sandbox.clearRequests();
    assert.strictEqual(await document.save(), true, 'untouched masks do not block the save');
    const put = demo.sandbox.requests().find((r) => r.method === 'PUT')!;
    assert.strictEqual(((put.body as JsonObject).salesforce as JsonObject).bearerToken, '******', 'sent back as opened');
    const stored = demo.sandbox.sandbox.services.store.get('connections', salesforce._id)!.salesforce as JsonObject;
    assert.strictEqual(stored.bearerToken, 'sf-access-demo');
    assert.strictEqual(stored.refreshToken, 'sf-refresh-demo');

    // The demo's SFTP connection fails its ping (expired password); renamed, it still does.
    const sftp = (await demo.client.connections.listAll()).find((c) => c.name === 'Bank SFTP')!;
    const pingBefore = await demo.client.connectionActions.ping(sftp._id);
    const sftpDocument = await open('connections', sftp._id, sftp.name);
    await edit(sftpDocument, (json) => (json.name = 'Bank SFTP (renamed)'));
    assert.strictEqual(await sftpDocument.save(), true);
    assert.strictEqual(pingBefore.ok, false);
    assert.deepStrictEqual(await demo.client.connectionActions.ping(sftp._id), pingBefore);
  });

  it('refuses a mask typed where there was no secret, sending nothing, and saves once a real value is typed', async () => {
    const slack = (await demo.client.connections.listAll()).find((c) => c.name === 'Slack API')!;
    const document = await open('connections', slack._id, slack.name);
    await edit(document, (json) => ((json.rest as JsonObject).password = '******'));
    demo.sandbox.clearRequests();
    assert.strictEqual(await document.save(), false);
    assert.deepStrictEqual(demo.sandbox.requests(), []);
    assert.ok(document.isDirty);
    assert.match(document.getText(), /"password": "\*{6}"/, 'the text is kept');
    await edit(document, (json) => ((json.rest as JsonObject).password = 'demo-new-password'));
    assert.strictEqual(await document.save(), true, 'with a real value typed, it saves');
  });

  for (const [what, faults, timeoutSeconds] of [
    ['a 500', { rules: [{ kind: 'status', status: 500, method: 'PUT' }] }, undefined],
    ['a validation error', {}, undefined],
    ['a time-out', { rules: [{ kind: 'stall', method: 'PUT', stallMs: 10_000 }] }, 1],
    ['a dropped connection', { rules: [{ kind: 'drop', method: 'PUT' }] }, undefined],
  ] as [string, Partial<FaultSettings>, number | undefined][]) {
    it(`keeps the document dirty and intact after ${what}`, async () => {
      const exp = await exportNamed('NetSuite - Inventory Levels');
      const before = await demo.client.exports.get(exp._id);
      const document = await open('exports', exp._id, exp.name);
      await edit(document, (json) => (what === 'a validation error' ? (json.adaptorType = 'netsuiteexport') : (json.pageSize = 77)));
      const edited = document.getText();
      if (timeoutSeconds)
        await vscode.workspace
          .getConfiguration('integratorIo')
          .update('requestTimeoutSeconds', timeoutSeconds, vscode.ConfigurationTarget.Global);
      setFaults(faults);
      try {
        assert.strictEqual(await document.save(), false);
      } finally {
        setFaults({});
        if (timeoutSeconds)
          await vscode.workspace
            .getConfiguration('integratorIo')
            .update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      }
      assert.ok(document.isDirty, 'still dirty');
      assert.strictEqual(document.getText(), edited, 'the text is intact');
      assert.deepStrictEqual(await demo.client.exports.get(exp._id), before, 'nothing half-written reached the server');
    });
  }

  it('ends a burst of saves with the last content stored, without a request per keystroke', async () => {
    const exp = await exportNamed('NetSuite - Closed Orders (nightly)');
    const document = await open('exports', exp._id, exp.name);
    setFaults({ latencyMs: 100 });
    demo.sandbox.clearRequests();
    const saves: Thenable<boolean>[] = [];
    for (let i = 1; i <= 6; i++) {
      await edit(document, (json) => (json.description = `burst ${i}`));
      saves.push(document.save());
    }
    await Promise.all(saves);
    setFaults({});
    await waitFor(() => !document.isDirty, 'saved');
    assert.strictEqual((await demo.client.exports.get(exp._id)).description, 'burst 6');
    const puts = demo.sandbox.requests().filter((r) => r.method === 'PUT');
    assert.ok(puts.length < 6, `${puts.length} PUTs for 6 saves`);
  });

  it('creates a resource from a draft on its first save, then shows the saved resource', async () => {
    const connection = (await demo.client.connections.listAll()).find((c) => c.name === 'Shopify Store')!;
    const draftUri = await vscode.commands.executeCommand<string>(
      'integratorIo.newResource',
      demo.api.draft({ kind: 'exports', envId: demo.envId, name: 'Get Customers', connectionId: connection._id }),
    );
    const draft = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftUri)!;
    assert.strictEqual((JSON.parse(draft.getText()) as JsonObject).name, 'Get Customers');
    await edit(draft, (json) => ((json.http as JsonObject).relativeURI = '/customers.json'));
    demo.sandbox.clearRequests();
    assert.strictEqual(await draft.save(), true);
    assert.deepStrictEqual(
      writes().map((r) => `${r.method} ${r.path}`),
      ['POST /exports'],
    );
    const created = await exportNamed('Get Customers');
    assert.strictEqual((created.http as JsonObject).relativeURI, '/customers.json');
    await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.includes(created._id)),
      "the created resource's document replaces the draft",
    );
  });

  it('refuses a created resource whose id starts like a draft’s: the save says so, a second save creates nothing, opening it says why', async () => {
    const connection = (await demo.client.connections.listAll()).find((c) => c.name === 'Shopify Store')!;
    const draftUri = await vscode.commands.executeCommand<string>(
      'integratorIo.newResource',
      demo.api.draft({ kind: 'exports', envId: demo.envId, name: 'Get Refunds', connectionId: connection._id }),
    );
    const draft = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftUri)!;
    await edit(draft, (json) => ((json.http as JsonObject).relativeURI = '/refunds.json'));
    // The account answers the create with an id of the shape the extension gives its drafts.
    const draftLike = 'new-5f0c1a2b3c4d5e6f708192ff';
    const ids = demo.sandbox.sandbox.services.store.ids;
    const next = ids.next.bind(ids);
    ids.next = () => ((ids.next = next), draftLike);
    demo.sandbox.clearRequests();
    try {
      assert.strictEqual(await draft.save(), false, 'the save fails, naming the id');
    } finally {
      ids.next = next;
    }
    assert.strictEqual((await demo.client.exports.get(draftLike)).name, 'Get Refunds', 'the account holds it');
    assert.strictEqual(await draft.save(), false, 'saving the draft again fails too');
    assert.deepStrictEqual(
      writes().map((r) => `${r.method} ${r.path}`),
      ['POST /exports'],
      'created once',
    );
    assert.ok(draft.isDirty, 'the draft keeps its text');
    const uri = vscode.Uri.from({
      scheme: 'integrator-io',
      authority: demo.envId,
      path: `/Docs/exports/${draftLike}/Get Refunds.export.json`,
    });
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), /id starting with "new-" names an unsaved draft/);
  });

  it('clones an export and deletes the copy', async () => {
    const exp = await exportNamed('Shopify - Get Orders');
    const copyId = await vscode.commands.executeCommand<string>(
      'integratorIo.cloneResource',
      chosen({
        envId: demo.envId,
        kind: 'exports',
        id: exp._id,
        name: exp.name,
      }),
    );
    const copy = await demo.client.exports.get(copyId);
    assert.strictEqual(copy.name, 'Shopify - Get Orders (copy)');
    demo.api.answerNextDialog('Delete');
    assert.strictEqual(
      await vscode.commands.executeCommand<boolean>(
        'integratorIo.deleteResource',
        chosen({
          envId: demo.envId,
          kind: 'exports',
          id: copyId,
          name: copy.name,
        }),
      ),
      true,
    );
    await assert.rejects(demo.client.exports.get(copyId), /404/);
  });

  it('says up front that what a flow uses cannot be deleted, names the users, and lists dependencies', async () => {
    const exp = await exportNamed('NetSuite - Item Fulfillments');
    demo.api.answerNextDialog('Cancel');
    assert.strictEqual(
      await vscode.commands.executeCommand(
        'integratorIo.deleteResource',
        chosen({
          envId: demo.envId,
          kind: 'exports',
          id: exp._id,
          name: exp.name,
        }),
      ),
      false,
    );
    const asked = demo.api.lastDialog()!;
    assert.strictEqual(asked.message, 'Export "NetSuite - Item Fulfillments" is in use, so it cannot be deleted.');
    assert.match(asked.detail, /^It is used by flow "NetSuite Fulfillments to Shopify"\. Remove it from that first\.$/);
    assert.deepStrictEqual(asked.buttons, ['Show Dependencies', 'Cancel'], 'no Delete button: the API would refuse');
    await demo.client.exports.get(exp._id); // still there
    const items = await vscode.commands.executeCommand<{ relation: string; kind: string; name: string }[]>(
      'integratorIo.showDependencies',
      chosen({ envId: demo.envId, kind: 'exports', id: exp._id }),
      { quiet: true },
    );
    assert.deepStrictEqual(
      items.filter((i) => i.relation === 'usedBy').map((i) => `${i.kind}:${i.name}`),
      ['flows:NetSuite Fulfillments to Shopify'],
    );
    assert.deepStrictEqual(
      items.filter((i) => i.relation === 'uses').map((i) => `${i.kind}:${i.name}`),
      ['connections:NetSuite Production'],
    );
  });

  it('shows the name and kind of a referenced resource on hover, and opens it with Go to Definition', async () => {
    const exp = await exportNamed('Shopify - Get Orders');
    const document = await open('exports', exp._id, exp.name);
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('"_connectionId"'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf(exp._connectionId!) + 3);
    // Beside the schema's description of the field, the name of what it refers to.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const shown = hovers
      .flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/\\(.)/g, '$1'); // appendText escapes markdown; the user reads it plain
    assert.match(shown, /\*\*Shopify Store\*\*/);
    assert.match(shown, /connection · Ctrl\+click to open/);
    const [target] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, position);
    assert.ok(target!.uri.path.endsWith(`/connections/${exp._connectionId!}/Shopify Store.connection.json`), target!.uri.toString());
    // Anywhere else (a key, another string) there is no such hover.
    const keyPosition = new vscode.Position(line, document.lineAt(line).text.indexOf('_connectionId') + 2);
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, keyPosition);
    assert.ok(!none.some((h) => h.contents.some((c) => c instanceof vscode.MarkdownString && c.value.includes('Ctrl+click'))));
  });

  it('opens a script as JavaScript and saves its code', async () => {
    const script = (await demo.client.scripts.listAll()).find((s) => s.name === 'Shopify - Skip Test Orders')!;
    const document = await open('scripts', script._id, script.name);
    assert.strictEqual(document.languageId, 'javascript');
    assert.match(document.getText(), /function preSavePage\(options\)/);
    await replaceText(document, `${document.getText()}\n// reviewed\n`);
    demo.sandbox.clearRequests();
    assert.strictEqual(await document.save(), true);
    const put = demo.sandbox.requests().find((r) => r.method === 'PUT')!;
    assert.match(String((put.body as JsonObject).content), /\/\/ reviewed/);
    const stored = await demo.client.scripts.get(script._id);
    assert.strictEqual(stored.name, 'Shopify - Skip Test Orders', 'the rest of the script resource is kept');
    assert.match(stored.content ?? '', /\/\/ reviewed/);
  });
});
