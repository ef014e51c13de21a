/** Mapping and export previews against a sandbox: a known mapping's output, errors by field, paging to the end. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { JsonObject } from '../../../src/api/types';
import type { MappingState } from '../../../src/webviews/mappingPreview';
import type { ExportPreviewState } from '../../../src/webviews/exportPreview';
import { replaceDocumentText, useDemoEnvironment, openResourceDocument } from './support';

describe('previews', () => {
  const demo = useDemoEnvironment('Previews');
  const importNamed = async (name: string) => (await demo.client.imports.listAll()).find((i) => i.name === name)!;

  it('evaluates a known mapping with one request: a hard-coded key plus the extracted timestamp', async () => {
    const imp = await importNamed('Slack - Post GitHub Event');
    const records = JSON.stringify([{ timestamp: 1512012818751 }, { timestamp: 1512012818752 }]);
    demo.sandbox.clearRequests();
    const state = await vscode.commands.executeCommand<MappingState>(
      'integratorIo.previewMapping',
      { envId: demo.envId, kind: 'imports', id: imp._id, name: imp.name },
      { records },
    );
    assert.deepStrictEqual(state.output, [
      { timestamp: 1512012818751, key: 'sqs_flow' },
      { timestamp: 1512012818752, key: 'sqs_flow' },
    ]);
    assert.deepStrictEqual(
      state.rows.map((r) => `${r.generate} ← ${r.source}`),
      ['timestamp ← timestamp', 'key ← = sqs_flow'],
    );
    assert.deepStrictEqual(demo.sandbox.requests().filter((r) => r.path.endsWith('/import/map')).length, 1, 'one request per evaluation');
  });

  it('reuses one panel per import when asked again', async () => {
    const imp = await importNamed('Slack - Post GitHub Event');
    const target = { envId: demo.envId, kind: 'imports', id: imp._id, name: imp.name };
    await vscode.commands.executeCommand('integratorIo.previewMapping', target, { records: '[{"timestamp": 1}]' });
    await vscode.commands.executeCommand('integratorIo.previewMapping', target);
    const mappingTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Mapping:'));
    await waitFor(() => mappingTabs().length > 0, 'the mapping preview tab');
    assert.deepStrictEqual(
      mappingTabs().map((t) => t.label),
      [`Mapping: ${imp.name!}`],
    );
  });

  it('prefills sample records from the export that feeds the import, and evaluates unsaved edits', async () => {
    const imp = await importNamed('Snowflake - Merge Opportunities');
    const document = await openResourceDocument(demo.envId, 'imports', imp._id, imp.name);
    const json = JSON.parse(document.getText()) as JsonObject;
    (json.mappings as JsonObject[]).push({ generate: 'SOURCE', dataType: 'string', extract: 'salesforce', status: 'Active' });
    await replaceDocumentText(document, JSON.stringify(json, null, 2));
    const state = await vscode.commands.executeCommand<MappingState>('integratorIo.previewMapping', document.uri);
    const input = JSON.parse(state.records) as JsonObject[];
    assert.ok(input.length > 0 && 'StageName' in input[0]!, "opportunities from the flow's Salesforce export");
    const output = state.output as JsonObject[];
    assert.strictEqual(output.length, input.length);
    assert.strictEqual(output[0]!.ID, input[0].Id);
    assert.strictEqual(output[0]!.SOURCE, 'salesforce', 'the unsaved mapping field is evaluated');
  });

  it('evaluates again after the import document is edited, once for a burst of edits', async () => {
    const imp = await importNamed('Slack - Post GitHub Event');
    const document = await openResourceDocument(demo.envId, 'imports', imp._id, imp.name);
    await vscode.commands.executeCommand('integratorIo.previewMapping', document.uri, { records: '[{"timestamp": 7}]' });
    const evaluations = () => demo.sandbox.requests().filter((r) => r.path.endsWith('/import/map')) as { body?: { import?: JsonObject } }[];
    demo.sandbox.clearRequests();
    // Three quick edits, as typing would make: the preview waits for a pause, then evaluates the last.
    for (const value of ['a', 'ab', 'abc']) {
      const json = JSON.parse(document.getText()) as JsonObject;
      const fields = (json.mapping as { fields: JsonObject[] }).fields.filter((f) => f.generate !== 'typed');
      (json.mapping as { fields: JsonObject[] }).fields = [...fields, { generate: 'typed', hardCodedValue: value }];
      await replaceDocumentText(document, JSON.stringify(json, null, 2));
    }
    const typedIn = (evaluation: { body?: { import?: JsonObject } }) =>
      (evaluation.body!.import!.mapping as { fields: JsonObject[] }).fields.find((f) => f.generate === 'typed')?.hardCodedValue;
    await waitFor(() => evaluations().length > 0, 'the evaluation after the burst');
    // One more edit after a pause, and its evaluation: any second evaluation of the burst would
    // have come before it (it would be due a debounce after the burst, this one a debounce later).
    const json = JSON.parse(document.getText()) as JsonObject;
    (json.mapping as { fields: JsonObject[] }).fields = [
      ...(json.mapping as { fields: JsonObject[] }).fields.filter((f) => f.generate !== 'typed'),
      { generate: 'typed', hardCodedValue: 'later' },
    ];
    await replaceDocumentText(document, JSON.stringify(json, null, 2));
    await waitFor(() => evaluations().some((e) => typedIn(e) === 'later'), 'the evaluation of the later edit');
    assert.deepStrictEqual(
      evaluations().map(typedIn),
      ['abc', 'later'],
      'one evaluation for the burst, with the text as it stood after its last edit',
    );
    assert.ok(document.isDirty, 'previewing saved nothing');
  });

  it("shows the API's mapping errors against the field they name", async () => {
    const imp = await importNamed('Snowflake - Merge Opportunity Lines');
    const document = await openResourceDocument(demo.envId, 'imports', imp._id, imp.name);
    const json = JSON.parse(document.getText()) as JsonObject;
    delete json.mapping;
    json.mappings = [{ generate: 'ID', dataType: 'string', extract: '$.Id' }];
    await replaceDocumentText(document, JSON.stringify(json, null, 2));
    const state = await vscode.commands.executeCommand<MappingState>('integratorIo.previewMapping', document.uri, {
      records: '[{"Id": "1"}]',
    });
    assert.deepStrictEqual(state.errors, [{ field: 'mappings[0].status', message: 'Mapping object must have status field present.' }]);
    assert.ok(
      state.rows.some((r) => r.path === 'mappings[0]'),
      'the row the error belongs to',
    );
  });

  it('pages an export preview to the end', async () => {
    const exp = (await demo.client.exports.listAll()).find((e) => e.name === 'Salesforce - Accounts')!;
    // Five records a page: the sandbox yields at least twelve, so there are several pages.
    await demo.client.exports.update(exp._id, { ...(await demo.client.exports.get(exp._id)), pageSize: 5 });
    let state = await vscode.commands.executeCommand<ExportPreviewState>('integratorIo.previewExport', {
      envId: demo.envId,
      kind: 'exports',
      id: exp._id,
      name: exp.name,
    });
    assert.ok(state.records.length > 0);
    assert.ok(state.totalRecords! > state.records.length, 'more than one page');
    assert.ok('Industry' in (state.records[0] as JsonObject), 'Salesforce accounts');
    // The panel's own "Next page" goes through the same path; drive it until done.
    for (let i = 0; i < 30 && !state.done; i++) {
      state = await vscode.commands.executeCommand<ExportPreviewState>(
        'integratorIo.previewExportNextPage',
        `export:${demo.envId}:${exp._id}`,
      );
    }
    assert.strictEqual(state.done, true);
    assert.strictEqual(state.records.length, state.totalRecords);
  });
});
