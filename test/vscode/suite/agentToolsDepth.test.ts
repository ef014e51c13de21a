/**
 * The agent tools read in depth, invoked as a chat invokes them (`vscode.lm.invokeTool`) against
 * the signed-in demo environment: one error with its record and HTTP exchange (the authorization
 * header masked), a step's errors grouped, runs in a window, past the end said so, listing without
 * a query, and a legacy Integration App flow marked with its real paths.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DATA_NOTE } from '../../../src/agentTools/types';
import { useDemoEnvironment } from './support';

const ORDERS_FLOW = 'Shopify Orders to NetSuite Sales Orders';

type Data = Record<string, unknown>;

describe('agent tools reading in depth in VS Code', () => {
  const demo = useDemoEnvironment('Depth Demo');

  async function invoke(name: string, input: object): Promise<Data> {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    const texts = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : `not text: ${typeof part}`));
    assert.strictEqual(texts.length, 1);
    assert.ok(!texts[0]!.includes(demo.sandbox.token), 'no token in an answer');
    const answer = JSON.parse(texts[0]!) as { note: string; data: Data };
    assert.strictEqual(answer.note, DATA_NOTE);
    return answer.data;
  }
  const named = async (kind: 'flows' | 'imports', name: string) => (await demo.client[kind].listAll()).find((r) => r.name === name)!;

  it('reads one error in depth and a step’s errors grouped by code and message', async () => {
    const flowId = (await named('flows', ORDERS_FLOW))._id;
    const stepId = (await named('imports', 'NetSuite - Create Sales Orders'))._id;
    const summary = await invoke('integratorStepErrors', { flowId, stepId, summary: true });
    assert.strictEqual(
      (summary.groups as { count: number }[]).reduce((n, g) => n + g.count, 0),
      summary.read,
    );
    const [first] = (await invoke('integratorStepErrors', { flowId, stepId, limit: 1 })).errors as Data[];
    const error = (await invoke('integratorStepErrors', { flowId, stepId, errorId: first!.errorId })).error as Data;
    const http = error.http as { request: { headers: Data }; response: { statusCode: number } };
    assert.deepStrictEqual([http.request.headers.authorization, http.response.statusCode], ['******', 422]);
    assert.ok((error.retryData as Data).record !== undefined);
  });

  it('lists runs in a window, says an offset past the end, and lists connections without a query', async () => {
    const flowId = (await named('flows', ORDERS_FLOW))._id;
    const old = await invoke('integratorJobHistory', { flowId, until: '2001-01-01' });
    assert.deepStrictEqual([old.runs, old.total, old.none], [[], 0, 'No runs in this time window.']);
    const past = await invoke('integratorJobHistory', { flowId, offset: 40 });
    assert.match(String(past.none), /^Offset 40 is past the end: there are \d+ runs\.$/);
    const listed = await invoke('integratorFindResources', { kind: 'connections' });
    assert.strictEqual((listed.matches as Data[]).length, (await demo.client.connections.listAll()).length);
  });

  it('marks a legacy Integration App flow, its steps at their real paths', async () => {
    const flow = await named('flows', 'Legacy Invoices to ERP');
    const data = await invoke('integratorFlow', { id: flow._id });
    assert.deepStrictEqual([(data.flow as Data).legacy, (data.flow as Data).integrationApp], [true, true]);
    assert.deepStrictEqual(
      (data.steps as Data[]).map((s) => s.path),
      ['_exportId', '_importId'],
    );
  });
});
