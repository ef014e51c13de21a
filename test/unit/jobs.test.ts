/** Runs and jobs: run → queued → running → completed with child jobs, cancel, paging, filters. */
import * as assert from 'assert';
import { FINISHED_JOB_STATUSES, IntegratorApiError } from '../../src/api';
import { Flow, Job } from '../../src/api/types';
import { pagesOf, startTestSandbox, TestSandbox } from '../support/sandbox';
import { waitFor } from '../support/waitFor';

describe('flow runs and jobs', () => {
  let t: TestSandbox;
  let flows: Flow[];
  before(async () => {
    t = await startTestSandbox({ settings: { jobsPageCap: 3 } });
    flows = await t.client.flows.listAll();
  });
  after(() => t.close());
  afterEach(() => t.setFaults({ jobs: 'normal', rules: [] }));

  const byName = (name: string) => flows.find((f) => f.name === name)!;
  const finished = (jobId: string) =>
    waitFor(
      async () => {
        const job = await t.client.jobs.get(jobId);
        return FINISHED_JOB_STATUSES.has(job.status) ? job : undefined;
      },
      `job ${jobId} to finish`,
      10_000,
    );

  it('runs a flow through queued and running to completed, with consistent child jobs', async () => {
    const flow = byName('Salesforce Opportunities to Snowflake');
    const jobId = await t.client.jobs.runFlow(flow._id);
    assert.match(jobId, /^[0-9a-f]{24}$/);
    const seen = new Set<string>([(await t.client.jobs.get(jobId)).status]);
    const done = await waitFor(async () => {
      const job = await t.client.jobs.get(jobId);
      seen.add(job.status);
      return FINISHED_JOB_STATUSES.has(job.status) ? job : undefined;
    }, 'the job to finish');
    assert.strictEqual(done.status, 'completed');
    assert.ok(seen.has('queued') && seen.has('running'), `statuses seen: ${[...seen].join(', ')}`);
    const family = await t.client.jobs.family(jobId);
    const children = family.children ?? [];
    assert.strictEqual(children.length, 6, '2 page generators + 4 page processors');
    assert.deepStrictEqual(
      children.map((c) => c.type),
      ['export', 'export', 'export', 'import', 'import', 'import'],
    );
    assert.ok(children.every((c) => c.status === 'completed' && c._flowJobId === jobId));
    const exported = children.filter((c) => c.oIndex === 0).reduce((n, c) => n + (c.numExport ?? 0), 0);
    assert.strictEqual(done.numExport, exported);
    const imports = children.filter((c) => c.type === 'import');
    assert.strictEqual(
      done.numError,
      imports.reduce((n, c) => n + (c.numError ?? 0), 0),
    );
    assert.strictEqual(done.numOpenError, done.numError);
    assert.ok(done.startedAt && done.endedAt && done.endedAt >= done.startedAt);
    const ranFlow = await t.client.flows.get(flow._id);
    assert.strictEqual(ranFlow.lastExecutedAt, done.startedAt);
    assert.strictEqual(ranFlow.lastModified, flow.lastModified, 'a run does not change lastModified');
  });

  it('fails a run whose source connection is offline', async () => {
    const done = await finished(await t.client.jobs.runFlow(byName('SFTP Bank Statements to NetSuite')._id));
    assert.strictEqual(done.status, 'failed');
    assert.strictEqual(done.numPagesGenerated, 0);
  });

  it('cancels a running job: canceling, then canceled', async () => {
    await t.setFaults({ jobs: 'hang' });
    const jobId = await t.client.jobs.runFlow(byName('NetSuite Fulfillments to Shopify')._id);
    await waitFor(async () => (await t.client.jobs.get(jobId)).status === 'running', 'the job to run');
    const canceling = await t.client.jobs.cancel(jobId);
    assert.strictEqual(canceling?.status, 'canceling');
    const done = await finished(jobId);
    assert.strictEqual(done.status, 'canceled');
    await assert.rejects(t.client.jobs.cancel(jobId), (err: IntegratorApiError) => err.code === 'invalid_job_state');
  });

  it('a run of an import meant to fail leaves an error even when it has fewer records than the failing interval', async () => {
    const flow = byName('Shopify Orders to NetSuite Sales Orders');
    const salesOrders = (await t.client.imports.listAll()).find((i) => i.name === 'NetSuite - Create Sales Orders')!;
    const simulation = t.sandbox.services.store.data.simulation;
    const before = simulation.errorEvery[salesOrders._id];
    simulation.errorEvery[salesOrders._id] = 1000; // more than any run's 5 to 40 records
    try {
      const done = await finished(await t.client.jobs.runFlow(flow._id));
      const step = (await t.client.jobs.family(done._id)).children!.find((c) => c._importId === salesOrders._id)!;
      assert.strictEqual(step.numError, 1, 'its last record fails');
      assert.strictEqual(done.numError, 1);
    } finally {
      if (before === undefined) delete simulation.errorEvery[salesOrders._id];
      else simulation.errorEvery[salesOrders._id] = before;
    }
  });

  it('fails every run when the jobs fault says so', async () => {
    await t.setFaults({ jobs: 'fail' });
    const done = await finished(await t.client.jobs.runFlow(byName('NetSuite Fulfillments to Shopify')._id));
    assert.strictEqual(done.status, 'failed');
  });

  it('pages jobs with createdAt_lte when a page is full', async () => {
    const flow = byName('Salesforce Accounts to Snowflake'); // no seeded runs: every job is one of these
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(await t.client.jobs.runFlow(flow._id));
      await new Promise((r) => setTimeout(r, 3)); // distinct createdAt
    }
    await Promise.all(ids.map(finished));
    const pages = await pagesOf(t.client.jobs.list({ _flowId: flow._id }, { pageCap: 3 }));
    assert.deepStrictEqual(
      pages.map((p) => p.length),
      [3, 3, 1],
    );
    assert.deepStrictEqual(
      pages.flat().map((j) => j._id),
      [...ids].reverse(),
      'newest first, none lost or repeated',
    );
    const latest = await t.client.jobs.latestForFlow(flow._id);
    assert.strictEqual(latest[0]?._id, ids[ids.length - 1]);
  });

  it('filters jobs by status and type, and refuses unfiltered queries', async () => {
    const flow = byName('Nightly Order Archive to S3');
    const completed = await t.client.jobs.listAll({ _flowId: flow._id, status: ['completed'] }, { pageCap: 3 });
    assert.ok(completed.length > 0 && completed.every((j: Job) => j.status === 'completed' && j.type === 'flow'));
    const [parent] = completed;
    const children = await t.client.jobs.listAll({ type: 'import', _flowJobId: parent!._id }, { pageCap: 3 });
    assert.ok(children.length === 1 && children[0]!.type === 'import');
    await assert.rejects(
      t.client.jobs.listAll({ status: 'completed' }),
      (err: IntegratorApiError) => err.status === 400 && err.code === 'invalid_query' && /parent jobs/.test(err.message),
    );
    await assert.rejects(
      t.client.jobs.listAll({ type: 'export' }),
      (err: IntegratorApiError) => err.code === 'invalid_query' && /child jobs/.test(err.message),
    );
  });
});
