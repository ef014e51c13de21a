/** Mapping and export previews against a sandbox: a known mapping's output, errors by field, paging to the end. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { JsonObject } from '../../../src/api/types';
import type { MappingResult as MappingState } from '../../../src/webviews/mappingPanel';
import type { ExportPreviewState } from '../../../src/webviews/protocol/exportPreview';
import { replaceDocumentText, useDemoEnvironment, openResourceDocument, chosen } from './support';

describe('previews', () => {
  const demo = useDemoEnvironment('Previews');
  const importNamed = async (name: string) => (await demo.client.imports.listAll()).find((i) => i.name === name)!;

  it('evaluates a known mapping with one request: a hard-coded key plus the extracted timestamp', async () => {
    const imp = await importNamed('Slack - Post GitHub Event');
    const records = JSON.stringify([{ timestamp: 1512012818751 }, { timestamp: 1512012818752 }]);
    demo.sandbox.clearRequests();
    const state = await vscode.commands.executeCommand<MappingState>(
      'integratorIo.previewMapping',
      chosen({ envId: demo.envId, kind: 'imports', id: imp._id, name: imp.name }),
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
    const target = chosen({ envId: demo.envId, kind: 'imports', id: imp._id, name: imp.name });
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
    await vscode.commands.executeCommand(
      'integratorIo.previewMapping',
      chosen({ envId: demo.envId, kind: 'imports', id: imp._id, name: imp.name }),
      { records: '[{"timestamp": 7}]' },
    );
    const evaluations = () => demo.sandbox.requests().filter((r) => r.path.endsWith('/import/map')) as { body?: { import?: JsonObject } }[];
    demo.sandbox.clearRequests();
    // Three quick edits, as typing would make: the preview evaluates once the edits pause for
    // 400 ms. The test records when each change reached the extension host (the event the
    // preview listens to), because on a busy machine even "quick" edits can be far apart.
    const changedAt: number[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && e.contentChanges.length > 0) changedAt.push(Date.now());
    });
    const values = ['a', 'ab', 'abc'];
    const typedIn = (evaluation: { body?: { import?: JsonObject } }) =>
      (evaluation.body!.import!.mapping as { fields: JsonObject[] }).fields.find((f) => f.generate === 'typed')?.hardCodedValue;
    const type = async (value: string) => {
      const json = JSON.parse(document.getText()) as JsonObject;
      const fields = (json.mapping as { fields: JsonObject[] }).fields.filter((f) => f.generate !== 'typed');
      (json.mapping as { fields: JsonObject[] }).fields = [...fields, { generate: 'typed', hardCodedValue: value }];
      await replaceDocumentText(document, JSON.stringify(json, null, 2));
    };
    try {
      for (const value of values) await type(value);
      await waitFor(() => evaluations().some((e) => typedIn(e) === 'abc'), 'the evaluation after the last edit');
      // One more edit, and its evaluation: an evaluation still due from the burst would come first.
      await type('later');
      await waitFor(() => evaluations().some((e) => typedIn(e) === 'later'), 'the evaluation of the later edit');
    } finally {
      listener.dispose();
    }
    const evaluated = evaluations().map(typedIn);
    assert.deepStrictEqual(evaluated.slice(-2), ['abc', 'later'], 'the text as it stood after the last edit of the burst');
    for (const [i, value] of values.slice(0, -1).entries()) {
      const pause = changedAt[i + 1]! - changedAt[i]!;
      // The timer runs 400 ms from the change; a margin either side keeps the test exact.
      if (pause < 300) assert.ok(!evaluated.includes(value), `"${value}" was evaluated though the next edit came ${pause} ms later`);
      if (pause > 500) assert.ok(evaluated.includes(value), `"${value}" was not evaluated after a ${pause} ms pause`);
    }
    assert.strictEqual(new Set(evaluated).size, evaluated.length, 'no text evaluated twice');
    assert.ok(document.isDirty, 'previewing saved nothing');
  });

  it("shows the API's mapping errors against the field they name", async () => {
    const imp = await importNamed('Snowflake - Merge Opportunity Lines');
    const document = await openResourceDocument(demo.envId, 'imports', imp._id, imp.name);
    const json = JSON.parse(document.getText()) as JsonObject;
    delete json.mapping;
    json.mappings = [{ generate: 'ID', dataType: 'string', extract: '$.Id' }];
    await replaceDocumentText(document, JSON.stringify(json, null, 2));
    const state = await vscode.commands.executeCommand<MappingState>(
      'integratorIo.previewMapping',
      chosen({ envId: demo.envId, kind: 'imports', id: imp._id, name: imp.name }),
      {
        records: '[{"Id": "1"}]',
      },
    );
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
    let state = await vscode.commands.executeCommand<ExportPreviewState>(
      'integratorIo.previewExport',
      chosen({
        envId: demo.envId,
        kind: 'exports',
        id: exp._id,
        name: exp.name,
      }),
    );
    assert.ok(state.records.length > 0);
    assert.ok(state.totalRecords! > state.records.length, 'more than one page');
    assert.ok('Industry' in (state.records[0] as JsonObject), 'Salesforce accounts');
    // "Export Preview: Next Page" from the palette does what the focused preview's button does.
    for (let i = 0; i < 30 && !state.done; i++) {
      state = await vscode.commands.executeCommand<ExportPreviewState>('integratorIo.previewExportNextPage');
    }
    assert.strictEqual(state.done, true);
    assert.strictEqual(state.records.length, state.totalRecords);
  });
});
