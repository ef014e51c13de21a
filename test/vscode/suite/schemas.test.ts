/** The bundled JSON schemas reach the real editor: completion offers enum values, and wrong values get diagnostics. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import type { IntegratorIoApi } from '../../../src/extension';
import {
  addEnvironment,
  closeAllEditors,
  extensionApi,
  removeAllEnvironments,
  startTestSandbox,
  TestSandbox,
  openResourceDocument,
} from './support';
import { IntegratorClient } from '../../../src/api';

describe('schema IntelliSense', () => {
  let api: IntegratorIoApi;
  let sandbox: TestSandbox;
  let envId: string;
  let exportId: string;
  before(async () => {
    api = await extensionApi();
    await removeAllEnvironments(api);
    sandbox = await startTestSandbox();
    envId = (await addEnvironment('Schemas', sandbox)).id;
    const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: sandbox.token });
    exportId = (await client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!._id;
    client.dispose();
  });
  after(async () => {
    await closeAllEditors();
    await removeAllEnvironments(api);
    await sandbox.close();
  });

  it('offers adaptorType values in an export and flags an invalid one', async () => {
    const document = await openResourceDocument(envId, 'exports', exportId, 'Shopify - Get Orders');
    const text = document.getText();
    const valueStart = text.indexOf('"HTTPExport"');
    assert.ok(valueStart > 0);
    const completions = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        document.positionAt(valueStart + 1),
      );
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.some((l) => l.includes('NetSuiteExport')) ? labels : undefined;
    }, 'adaptorType completions');
    assert.ok(
      completions.some((l) => l.includes('SalesforceExport')),
      completions.join(', '),
    );
    // The export's connection is an HTTP one: HTTPExport is offered first, and says why.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      document.positionAt(valueStart + 1),
    );
    const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const first = [...list.items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)))[0]!;
    assert.strictEqual(first.label, '"HTTPExport"');
    assert.strictEqual(first.detail, 'fits the connection "Shopify Store" (http)');
    // Each enum value says what it means, in the suggestion's documentation.
    const typeStart = text.indexOf('"delta"');
    const types = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      document.positionAt(typeStart + 1),
    );
    const tranline = types.items.find((i) => labelOf(i).includes('tranlinedelta'))!;
    const documentation =
      tranline.documentation instanceof vscode.MarkdownString ? tranline.documentation.value : String(tranline.documentation);
    assert.match(documentation, /NetSuite transaction lines/);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(valueStart), document.positionAt(valueStart + '"HTTPExport"'.length)),
      '"HttpExport"',
    );
    await vscode.workspace.applyEdit(edit);
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => /HTTPExport/.test(d.message));
      return Promise.resolve(found.length ? found : undefined);
    }, 'a diagnostic on the invalid adaptorType');
    assert.match(diagnostics[0]!.message, /Value is not accepted|HTTPExport/);
    const line = document.positionAt(valueStart).line;
    assert.strictEqual(diagnostics[0]!.range.start.line, line);
  });

  it('flags a 5-field cron in a flow schedule', async () => {
    const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: sandbox.token });
    const flow = (await client.flows.listAll()).find((f) => f.name === 'NetSuite Fulfillments to Shopify')!;
    client.dispose();
    const document = await openResourceDocument(envId, 'flows', flow._id, flow.name);
    const at = document.getText().indexOf('"? 0 * ? * *"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + '"? 0 * ? * *"'.length)), '"0 * * * *"');
    await vscode.workspace.applyEdit(edit);
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => /6 fields/.test(d.message));
      return Promise.resolve(found.length ? found : undefined);
    }, 'a diagnostic on the schedule');
    assert.ok(diagnostics.length > 0);
  });
  it('asks before saving a document its schema refuses ("dataType": "strng"), and no writes nothing', async () => {
    const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: sandbox.token });
    const imp = (await client.imports.listAll()).find((i) => i.name === 'NetSuite - Create Sales Orders')!;
    const document = await openResourceDocument(envId, 'imports', imp._id, imp.name);
    await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('"dataType": "number"');
    assert.ok(at > 0, 'the import maps a number');
    const valueAt = at + '"dataType": '.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(valueAt), document.positionAt(valueAt + '"number"'.length)), '"strng"');
    await vscode.workspace.applyEdit(edit);
    // As a user would: the problem is in Problems (a warning) before Ctrl+S.
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).some((d) => d.range.start.line === document.positionAt(valueAt).line),
      'the schema problem on the dataType line',
    ).catch((err: Error) => {
      throw new Error(
        `${err.message}: ${JSON.stringify(vscode.languages.getDiagnostics(document.uri).map((d) => [d.source, d.code, d.range.start.line, d.message]))} want line ${document.positionAt(valueAt).line}`,
      );
    });
    sandbox.clearRequests();
    api.answerNextDialog('Cancel');
    assert.strictEqual(await vscode.commands.executeCommand('integratorIo.saveDocument'), false);
    const asked = api.lastDialog()!;
    assert.match(asked.message, /^NetSuite - Create Sales Orders\.import\.json has 1 problem its schema reports: save anyway\?$/);
    assert.match(asked.detail, new RegExp(`^Line ${document.positionAt(valueAt).line + 1}: Value is not accepted`));
    assert.deepStrictEqual(asked.buttons, ['Show Problems', 'Save Anyway', 'Cancel']);
    assert.ok(document.isDirty, 'the edit stays in the editor');
    assert.deepStrictEqual(
      sandbox.requests().filter((r) => r.method === 'PUT'),
      [],
      'nothing written',
    );
    // Save Anyway saves as usual (the sandbox stores what it is given).
    api.answerNextDialog('Save Anyway');
    assert.strictEqual(await vscode.commands.executeCommand('integratorIo.saveDocument'), true);
    assert.strictEqual(sandbox.requests().filter((r) => r.method === 'PUT').length, 1);
    client.dispose();
  });
});
