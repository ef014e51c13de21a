/** Error management 2.0 through the client: lists with nextPageURL, resolve, retry, retry data, summaries. */
import * as assert from 'assert';
import { FINISHED_JOB_STATUSES } from '../../src/api';
import { Flow } from '../../src/api/types';
import { pagesOf, startTestSandbox, TestSandbox } from '../support/sandbox';
import { waitFor } from '../support/waitFor';

describe('error management', () => {
  let t: TestSandbox;
  let flow: Flow;
  let stepId: string;
  before(async () => {
    t = await startTestSandbox({ settings: { errorPageSize: 2 } });
    flow = (await t.client.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!;
    const imports = await t.client.imports.listAll();
    stepId = imports.find((i) => i.name === 'NetSuite - Create Sales Orders')!._id;
  });
  after(() => t.close());

  it('summarises open errors per step and per flow', async () => {
    const summary = await t.client.errors.flowSummary(flow._id);
    const step = summary.flowErrors.find((e) => e._expOrImpId === stepId);
    assert.strictEqual(step?.numError, 3);
    const byFlow = await t.client.errors.integrationSummary(flow._integrationId!);
    assert.strictEqual(byFlow.find((e) => e._flowId === flow._id)?.numError, 3);
  });

  it('follows nextPageURL across pages of errors', async () => {
    const pages = await pagesOf(t.client.errors.list(flow._id, stepId));
    assert.deepStrictEqual(
      pages.map((p) => p.length),
      [2, 1],
    );
    const [first] = pages.flat();
    assert.ok(first);
    for (const field of [
      'errorId',
      'occurredAt',
      'source',
      'code',
      'message',
      'classification',
      'retryDataKey',
      '_flowJobId',
      'traceKey',
    ]) {
      assert.ok(field in first, `error record has ${field}`);
    }
    const filtered = await t.client.errors.listAll(flow._id, stepId, { classification: 'value' });
    assert.strictEqual(filtered.length, 0);
  });

  it('resolves errors and updates the counts', async () => {
    const [error] = await t.client.errors.listAll(flow._id, stepId);
    const before = await t.client.jobs.get(error!._flowJobId!);
    await t.client.errors.resolve(flow._id, stepId, [error!.errorId]);
    const open = await t.client.errors.listAll(flow._id, stepId);
    assert.strictEqual(open.length, 2);
    const resolved = (await pagesOf(t.client.errors.listResolved(flow._id, stepId))).flat();
    assert.strictEqual(resolved[0]?.errorId, error!.errorId);
    assert.ok(resolved[0]?.resolvedAt && resolved[0]?.resolvedBy);
    const after = await t.client.jobs.get(error!._flowJobId!);
    assert.strictEqual(after.numOpenError, (before.numOpenError ?? 0) - 1);
    assert.strictEqual(after.numResolved, (before.numResolved ?? 0) + 1);
    assert.strictEqual((await t.client.errors.flowSummary(flow._id)).flowErrors.find((e) => e._expOrImpId === stepId)?.numError, 2);
  });

  it('reads and rewrites retry data, then a retry job fixes the error', async () => {
    const [error] = await t.client.errors.listAll(flow._id, stepId);
    const key = error!.retryDataKey!;
    const retryData = await t.client.errors.getRetryData(flow._id, stepId, key);
    assert.ok(retryData.data && typeof retryData.data === 'object');

    // Retrying unchanged data fails again: the data error is still there.
    const first = await t.client.errors.retry(flow._id, stepId, [key]);
    const firstJob = await waitFor(async () => {
      const job = await t.client.jobs.get(first!._jobId!);
      return FINISHED_JOB_STATUSES.has(job.status) ? job : undefined;
    }, 'the job to finish');
    assert.strictEqual(firstJob.type, 'retry');
    assert.strictEqual(firstJob.numError, 1);
    assert.ok((await t.client.errors.listAll(flow._id, stepId)).some((e) => e.errorId === error!.errorId));

    const fixed = { ...retryData, data: { ...retryData.data, email: 'fixed.customer@example.com' } };
    await t.client.errors.updateRetryData(flow._id, stepId, key, fixed);
    assert.deepStrictEqual(await t.client.errors.getRetryData(flow._id, stepId, key), fixed);

    const second = await t.client.errors.retry(flow._id, stepId, [key]);
    const secondJob = await waitFor(async () => {
      const job = await t.client.jobs.get(second!._jobId!);
      return FINISHED_JOB_STATUSES.has(job.status) ? job : undefined;
    }, 'the job to finish');
    assert.strictEqual(secondJob.numSuccess, 1);
    assert.ok(!(await t.client.errors.listAll(flow._id, stepId)).some((e) => e.errorId === error!.errorId));
    const retryJobs = await t.client.jobs.listAll({ _flowId: flow._id, type: 'retry' });
    assert.strictEqual(retryJobs.length, 2);
  });

  it('creates new open errors when a run has failing records', async () => {
    const opps = (await t.client.flows.listAll()).find((f) => f.name === 'Salesforce Opportunities to Snowflake')!;
    const jobId = await t.client.jobs.runFlow(opps._id);
    const job = await waitFor(async () => {
      const j = await t.client.jobs.get(jobId);
      return FINISHED_JOB_STATUSES.has(j.status) ? j : undefined;
    }, 'the job to finish');
    assert.ok((job.numOpenError ?? 0) > 0, 'the demo import fails every 12th record');
    const open = (await t.client.errors.flowSummary(opps._id)).flowErrors.reduce((n, e) => n + e.numError, 0);
    assert.ok(open >= (job.numOpenError ?? 0));
    const stepErrors = await Promise.all(
      (await t.client.imports.listAll())
        .filter((i) => i.name?.startsWith('Snowflake'))
        .map((i) => t.client.errors.listAll(opps._id, i._id, { _flowJobId: jobId })),
    );
    assert.strictEqual(stepErrors.flat().length, job.numOpenError);
  });
});
