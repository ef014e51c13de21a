/**
 * Documents from older real accounts, as the demo's "Legacy ERP Connector" holds them: a flow
 * with top-level `_exportId`/`_importId`, a wrapper connection with encrypted settings, wrapper
 * and distributed exports, `_connectorId`, hooks with `_stackId: null`. Each opens with no schema
 * error, comes back from a save exactly as it was apart from the edit (masked secrets kept on
 * the server), and the legacy flow runs.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Job } from '../../../src/api';
import { JsonObject } from '../../../src/api/types';
import { waitFor } from '../../support/waitFor';
import { openResourceDocument, replaceDocumentText, useDemoEnvironment, chosen } from './support';

const LEGACY: [kind: string, name: string][] = [
  ['integrations', 'Legacy ERP Connector'],
  ['flows', 'Legacy Invoices to ERP'],
  ['connections', 'Legacy ERP (wrapper)'],
  ['exports', 'Legacy ERP - Get Open Invoices'],
  ['imports', 'Legacy ERP - Post Invoices'],
  ['exports', 'NetSuite - Item Changes (real-time)'],
];

describe('documents from real accounts (legacy shapes)', () => {
  const demo = useDemoEnvironment('Legacy');

  const find = async (kind: string, name: string): Promise<JsonObject> => {
    const list = await (demo.client as unknown as Record<string, { listAll(): Promise<JsonObject[]> }>)[kind]!.listAll();
    const found = list.find((r) => r.name === name);
    if (!found) throw new Error(`no ${kind} named ${name}`);
    return found;
  };
  /** JSON schema problems show as warnings; any diagnostic on a fetched document is a problem. */
  const errorsOf = (document: vscode.TextDocument) => vscode.languages.getDiagnostics(document.uri);

  for (const [kind, name] of LEGACY) {
    it(`${kind}: "${name}" opens with no schema error and round-trips a save unchanged`, async () => {
      const resource = await find(kind, name);
      const document = await openResourceDocument(demo.envId, kind, resource._id as string, name);
      const opened = document.getText();
      // Proof that the schema is applied: a wrong type is flagged; then, restored, nothing is.
      await replaceDocumentText(document, opened.replace(/"name": "[^"]*"/, '"name": 7'));
      await waitFor(() => errorsOf(document).length > 0, 'the schema to flag a wrong type');
      await replaceDocumentText(document, opened);
      const left = await waitFor(() => (errorsOf(document).length === 0 ? [] : undefined), 'no schema error in the document as fetched');
      assert.deepStrictEqual(left, []);

      const stored = () => demo.sandbox.sandbox.services.store.get(kind as 'flows', resource._id as string)!;
      const before = JSON.parse(JSON.stringify(stored())) as JsonObject;
      const json = JSON.parse(opened) as JsonObject;
      json.description = 'edited in VS Code';
      await replaceDocumentText(document, `${JSON.stringify(json, null, 2)}\n`);
      demo.sandbox.clearRequests();
      assert.strictEqual(await document.save(), true);
      const put = demo.sandbox.requests().find((r) => r.method === 'PUT')!;
      assert.deepStrictEqual(put.body, json, 'the PUT carries the document as fetched, plus the edit');
      const after = JSON.parse(JSON.stringify(stored())) as JsonObject;
      for (const field of ['description', 'lastModified']) {
        delete before[field];
        delete after[field];
      }
      assert.deepStrictEqual(after, before, 'on the server, nothing changed but the edit: secrets, nulls and legacy fields included');
    });
  }

  it('the legacy flow runs in the sandbox', async () => {
    const flow = await find('flows', 'Legacy Invoices to ERP');
    const job = await vscode.commands.executeCommand<Job | undefined>(
      'integratorIo.runFlow',
      chosen({
        envId: demo.envId,
        kind: 'flows',
        id: flow._id as string,
        name: flow.name as string,
      }),
    );
    assert.strictEqual(job?.status, 'completed');
    assert.deepStrictEqual(
      job.children?.map((c) => c.type),
      ['export', 'import'],
    );
  });
});
