/**
 * The flow diagram follows its document: an edit that swaps two processors, unsaved, redraws the
 * picture in the new order (read back as the Mermaid the view would copy), and nothing is written
 * to the account.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { chosen, openResourceDocument, replaceDocumentText, useDemoEnvironment } from './support';

/** The step names of a Mermaid chart, in the order it declares them. */
function stepsOf(chart: string | undefined): string[] {
  return [...(chart ?? '').matchAll(/^ {2}n\d+[[({]+"([^"<]*)/gm)].map((m) => m[1]!);
}

describe('flow diagram', () => {
  const demo = useDemoEnvironment('Diagram Demo');

  it('redraws from the unsaved document when two processors are swapped, and writes nothing', async () => {
    const flow = (await demo.client.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!;
    const document = await openResourceDocument(demo.envId, 'flows', flow._id, flow.name);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand(
      'integratorIo.showFlowDiagram',
      chosen({ envId: demo.envId, kind: 'flows', id: flow._id, name: flow.name }),
    );
    const copy = () => vscode.commands.executeCommand<string | undefined>('integratorIo.copyFlowDiagramMermaid');
    assert.deepStrictEqual(stepsOf(await copy()), [
      'Shopify - Get Orders',
      'NetSuite - Customer Lookup',
      'NetSuite - Create Sales Orders',
      'Shopify - Tag Order as Synced',
    ]);
    demo.sandbox.clearRequests();
    const doc = JSON.parse(document.getText()) as { pageProcessors: unknown[] };
    const [a, b, ...rest] = doc.pageProcessors;
    await replaceDocumentText(document, JSON.stringify({ ...doc, pageProcessors: [b, a, ...rest] }, null, 2));
    const redrawn = await waitFor(async () => {
      const steps = stepsOf(await copy());
      return steps[1] === 'NetSuite - Create Sales Orders' ? steps : undefined;
    }, 'the picture to follow the edit');
    assert.deepStrictEqual(redrawn, [
      'Shopify - Get Orders',
      'NetSuite - Create Sales Orders',
      'NetSuite - Customer Lookup',
      'Shopify - Tag Order as Synced',
    ]);
    assert.ok(document.isDirty, 'the edit is not saved');
    assert.deepStrictEqual(
      demo.sandbox.requests().filter((r) => r.method !== 'GET'),
      [],
    );
  });
});
