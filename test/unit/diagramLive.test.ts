/**
 * What an account diagram adds to the lists, against the sandbox over HTTP: each step's document
 * read once (its hooks, filter and mapping marked; its script hooks offered to run), and a run's
 * counts followed from the job family as the run goes on, the open errors kept.
 */
import * as assert from 'assert';
import { buildFlowGraph, StepLookup } from '../../src/diagram/flowGraph';
import { readStepCounts, withRun } from '../../src/diagram/stepCounts';
import { scriptHooksOf, StepDocuments } from '../../src/diagram/stepDocuments';
import { factsOf } from '../../src/diagram/stepFacts';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

describe('account flow diagram: step documents and run counts', () => {
  let t: TestSandbox;
  let flow: Record<string, unknown> & { _id: string };
  before(async () => {
    t = await startTestSandbox();
    const flows = await t.client.flows.listAll();
    flow = flows.find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders') as typeof flow;
  });
  after(() => t.close());

  const documentsOf = () => new StepDocuments((ref) => t.client[ref.kind].get(ref.id));

  it('reads each step once and marks what it holds', async () => {
    const documents = documentsOf();
    const lookup: StepLookup = (_kind, id) => {
      const doc = documents.get(id);
      return doc ? factsOf(doc, undefined) : undefined;
    };
    const before = buildFlowGraph(flow, lookup);
    assert.ok(
      before.nodes.every((n) => !n.marks.some((m) => m.startsWith('hooks'))),
      'no hooks known before the documents',
    );
    const refs = before.nodes.flatMap((n) => (n.ref ? [n.ref] : []));
    await t.clearRequests();
    assert.strictEqual(await documents.load(refs), true);
    const reads = (await t.requests()).filter((r) => r.method === 'GET');
    assert.strictEqual(reads.length, refs.length, 'one GET per step');

    const after = buildFlowGraph(flow, lookup);
    const source = after.nodes.find((n) => n.label === 'Shopify - Get Orders')!;
    const create = after.nodes.find((n) => n.label === 'NetSuite - Create Sales Orders')!;
    assert.ok(source.marks.includes('hooks: preSavePage'), source.marks.join(' | '));
    assert.ok(create.marks.includes('hooks: preMap') && create.marks.includes('mapping'), create.marks.join(' | '));
    assert.deepStrictEqual(
      scriptHooksOf(documents.get(create.ref!.id)).map((h) => [h.hook, h.functionName]),
      [['preMap', 'preMap']],
    );

    await t.clearRequests();
    assert.strictEqual(await documents.load(refs), false, 'nothing new the second time');
    assert.strictEqual((await t.requests()).length, 0, 'and no request');
  });

  it('tries a step that cannot be read once, and draws it from the lists', async () => {
    const documents = documentsOf();
    const missing = { kind: 'imports' as const, id: '0123456789abcdef01234567' };
    assert.strictEqual(await documents.load([missing]), false);
    await t.clearRequests();
    assert.strictEqual(await documents.load([missing]), false);
    assert.strictEqual((await t.requests()).length, 0);
    assert.deepStrictEqual(scriptHooksOf(undefined), []);
    assert.deepStrictEqual(scriptHooksOf({ hooks: { preMap: { _scriptId: null, function: null }, postMap: 'x' } }), []);
  });

  it('follows a run’s counts from the job family, keeping the open errors', async () => {
    const before = await readStepCounts(t.client, flow._id);
    const opened = [...before].filter(([, c]) => (c.open ?? 0) > 0);
    assert.ok(opened.length > 0, 'the demo flow has a step with open errors');

    let counts = before;
    const seen: string[] = [];
    const jobId = await t.client.jobs.runFlow(flow._id);
    const final = await t.client.jobs.follow(jobId, {
      intervalMs: 20,
      onUpdate: (family) => {
        counts = withRun(counts, family);
        seen.push(family.status);
      },
    });
    assert.ok(seen.length >= 2, `updates as the run went on: ${seen.join(', ')}`);
    for (const child of final.children ?? []) {
      const id = (child._exportId ?? child._importId)!;
      assert.deepStrictEqual(
        { success: counts.get(id)?.success, errors: counts.get(id)?.errors },
        { success: child.numSuccess ?? 0, errors: child.numError ?? 0 },
      );
    }
    for (const [id, c] of opened) assert.strictEqual(counts.get(id)?.open, c.open, 'open errors stay until read again');
  });
});
