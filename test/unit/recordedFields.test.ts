/**
 * The sandbox answers with the fields real payloads carry, no more and no fewer. The reference is
 * `test/fixtures/recorded-field-sets.json`: field counts from `GET /v1/jobs` (161 flow, 200 export,
 * 255 import jobs) and `GET /v1/flows` (30 flows) recorded on a live account.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FINISHED_JOB_STATUSES } from '../../src/api';
import { Job, JsonObject } from '../../src/api/types';
import { startTestSandbox, TestSandbox } from '../support/sandbox';
import { waitFor } from '../support/waitFor';

interface FieldCounts {
  count: number;
  fields: Record<string, number>;
}
const RECORDED = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/recorded-field-sets.json'), 'utf8')) as {
  jobs: Record<'flow' | 'export' | 'import', FieldCounts>;
  flows: FieldCounts;
};

/**
 * Flow fields the API reference documents that the recorded account happened not to use: routers,
 * parallel page generators, integration-app flows, and legacy single-step flows. Each is served
 * only where the sandbox's data has such a flow.
 */
const DOCUMENTED_FLOW_FIELDS = ['routers', 'runPageGeneratorsInParallel', '_connectorId', '_exportId', '_importId'];

/** Fields every recorded job of a type carries. */
function alwaysPresent(recorded: FieldCounts): string[] {
  return Object.entries(recorded.fields)
    .filter(([, n]) => n === recorded.count)
    .map(([field]) => field);
}

/** The union of fields per job type. */
function fieldSetsByType(jobs: Job[]): Record<string, string[]> {
  const sets: Record<string, Set<string>> = {};
  for (const job of jobs) for (const key of Object.keys(job)) (sets[job.type] ??= new Set()).add(key);
  return Object.fromEntries(Object.entries(sets).map(([type, set]) => [type, [...set].sort()]));
}

const recordedSet = (type: 'flow' | 'export' | 'import') => Object.keys(RECORDED.jobs[type].fields).sort();

describe('field sets match recorded real payloads', () => {
  describe('jobs of runs made now', () => {
    let t: TestSandbox;
    let jobs: Job[];
    before(async function () {
      this.timeout(60_000);
      // Steps long enough to cancel a run while its import runs (a window of 1.5 s, polled every 25 ms).
      t = await startTestSandbox({ settings: { timing: { queuedMs: 30, stepMs: 1500, cancelMs: 30 } } });
      const since = new Date().toISOString();
      const flows = await t.client.flows.listAll();
      const byName = (name: string) => flows.find((f) => f.name === name)!;
      const runs = await Promise.all(
        [
          'Nightly Order Archive to S3', // writes a file: `files` on the flow job
          'Shopify Orders to NetSuite Sales Orders', // records fail: errors, retriable import jobs
          'SFTP Bank Statements to NetSuite', // its connection is offline: a failed run
        ].map((name) => t.client.jobs.runFlow(byName(name)._id)),
      );
      const canceled = await t.client.jobs.runFlow(byName('NetSuite Fulfillments to Shopify')._id);
      await waitFor(async () => {
        const family = await t.client.jobs.family(canceled);
        return family.children?.some((c) => c.type === 'import' && c.status === 'running');
      }, 'the import of the run to cancel to start');
      await t.client.jobs.cancel(canceled);
      for (const id of [...runs, canceled]) {
        await waitFor(async () => FINISHED_JOB_STATUSES.has((await t.client.jobs.get(id)).status), `job ${id} to finish`, 20_000);
      }
      jobs = await t.client.jobs.listAll({ createdAt_gte: since });
    });
    after(() => t.close());

    it('lists flow jobs and their child jobs in one flat list for a date filter alone', () => {
      const types = new Set(jobs.map((j) => j.type));
      assert.deepStrictEqual([...types].sort(), ['export', 'flow', 'import']);
      const flowJobIds = new Set(jobs.filter((j) => j.type === 'flow').map((j) => j._id));
      assert.ok(
        jobs.filter((j) => j.type !== 'flow').every((j) => flowJobIds.has(j._flowJobId!)),
        'every child belongs to a listed flow job',
      );
      const created = jobs.map((j) => j.createdAt);
      assert.deepStrictEqual(created, [...created].sort().reverse(), 'newest first');
    });

    it('gives each job type exactly the recorded field set', () => {
      const sets = fieldSetsByType(jobs);
      for (const type of ['flow', 'export', 'import'] as const) assert.deepStrictEqual(sets[type], recordedSet(type), `${type} jobs`);
    });

    it('puts on every job the fields every recorded job of its type has', () => {
      for (const job of jobs) {
        const recorded = RECORDED.jobs[job.type as 'flow' | 'export' | 'import'];
        const missing = alwaysPresent(recorded).filter((field) => !(field in job));
        assert.deepStrictEqual(missing, [], `${job.type} job ${job._id} (${job.status})`);
      }
    });

    it('says who canceled a run, on the flow job and on the import it stopped', () => {
      const canceled = jobs.filter((j) => j.status === 'canceled');
      assert.ok(canceled.some((j) => j.type === 'flow') && canceled.some((j) => j.type === 'import'));
      assert.ok(canceled.every((j) => j.canceledBy === '5f0c1a2b3c4d5e6f70819201'));
    });

    it('records the files a file flow wrote, and serves them through a signed URL', async () => {
      const withFiles = jobs.find((j) => Array.isArray(j.files))!;
      const files = withFiles.files as { id: string; host: string; name: string }[];
      assert.deepStrictEqual(Object.keys(files[0]!).sort(), ['host', 'id', 'name']);
      assert.strictEqual(files[0]!.host, 's3');
      const signed = await t.client.transport.request<{ signedURL: string }>({
        method: 'POST',
        path: `/jobs/${withFiles._id}/files/signedURL`,
        body: {},
      });
      const download = await fetch(signed.body.signedURL); // no bearer token: the URL is the credential
      assert.strictEqual(download.status, 200);
      const text = await download.text();
      assert.ok(text.split('\r\n').length > 2, 'a header row and records');
    });
  });

  describe('the seeded demo account', () => {
    let t: TestSandbox;
    before(async () => (t = await startTestSandbox()));
    after(() => t.close());

    it('has past runs whose job field sets equal the recorded ones', async () => {
      const jobs = await t.client.jobs.listAll({ createdAt_gte: new Date(Date.now() - 30 * 86_400_000).toISOString() });
      const sets = fieldSetsByType(jobs);
      for (const type of ['flow', 'export', 'import'] as const) assert.deepStrictEqual(sets[type], recordedSet(type), `${type} jobs`);
    });

    it('serves flows with the fields every recorded flow has, and none the API does not document', async () => {
      const flows = await t.client.flows.listAll();
      const allowed = new Set([...Object.keys(RECORDED.flows.fields), ...DOCUMENTED_FLOW_FIELDS]);
      for (const flow of flows) {
        const missing = alwaysPresent(RECORDED.flows).filter((field) => !(field in flow));
        assert.deepStrictEqual(missing, [], `flow "${flow.name}" lacks fields every recorded flow has`);
        const invented = Object.keys(flow).filter((field) => !allowed.has(field));
        assert.deepStrictEqual(invented, [], `flow "${flow.name}" has fields no real flow has`);
      }
    });

    it('serves no resource with lastModifiedBy', async () => {
      for (const kind of ['integrations', 'flows', 'exports', 'imports', 'connections', 'scripts'] as const) {
        const docs = (await t.client[kind].listAll()) as JsonObject[];
        assert.ok(docs.length > 0);
        assert.deepStrictEqual(
          docs.filter((d) => 'lastModifiedBy' in d).map((d) => d.name),
          [],
          kind,
        );
      }
    });
  });

  describe('fields the server sets on create', () => {
    let t: TestSandbox;
    before(async () => (t = await startTestSandbox()));
    after(() => t.close());

    it('gives new exports and imports an apiIdentifier and their defaults, and keeps the identifier', async () => {
      const connection = (await t.client.connections.listAll()).find((c) => c.type === 'http')!;
      const created = await t.client.exports.create({
        name: 'Defaults probe',
        _connectionId: connection._id,
        http: { relativeURI: '/x', method: 'GET' },
      });
      assert.match(String(created.apiIdentifier), /^e[0-9a-f]{9}$/);
      assert.strictEqual(created.asynchronous, true);
      assert.deepStrictEqual(created.parsers, []);
      assert.strictEqual(created.sandbox, false);
      const changed = await t.client.exports.update(created._id, { ...created, apiIdentifier: 'e000000000' });
      assert.strictEqual(changed.apiIdentifier, created.apiIdentifier, 'the server owns it');

      const imported = await t.client.imports.create({
        name: 'Defaults probe',
        _connectionId: connection._id,
        http: { relativeURI: ['/y'], method: ['POST'] },
      });
      assert.match(String(imported.apiIdentifier), /^i[0-9a-f]{9}$/);
      assert.deepStrictEqual(
        [imported.ignoreExisting, imported.ignoreMissing, imported.oneToMany, imported.sandbox],
        [false, false, false, false],
      );
    });

    it('gives new flows, integrations and connections their defaults', async () => {
      const integration = await t.client.integrations.create({ name: 'Defaults probe' });
      assert.deepStrictEqual([integration.install, integration.installSteps, integration.uninstallSteps], [[], [], []]);
      const flow = await t.client.flows.create({ name: 'Defaults probe', _integrationId: integration._id });
      assert.deepStrictEqual([flow.disabled, flow.skipRetries, flow.autoResolveMatchingTraceKeys], [false, false, true]);
      const connection = await t.client.connections.create({
        name: 'Defaults probe',
        type: 'http',
        http: { baseURI: 'https://example.com', mediaType: 'json', auth: { type: 'basic' } },
      });
      assert.strictEqual(connection.sandbox, false);
    });

    it('returns a document saved unchanged as it was, and one saved with a change different only there', async () => {
      for (const kind of ['flows', 'exports', 'imports', 'connections', 'integrations'] as const) {
        const [first] = (await t.client[kind].listAll()) as JsonObject[];
        const fetched = (await t.client[kind].get(String(first!._id))) as JsonObject;
        const same = (await t.client[kind].update(String(fetched._id), fetched)) as JsonObject;
        assert.deepStrictEqual(without(same, 'lastModified'), without(fetched, 'lastModified'), `${kind}: unchanged save`);
        const edited = (await t.client[kind].update(String(fetched._id), {
          ...fetched,
          description: 'changed here',
        })) as JsonObject;
        assert.deepStrictEqual(
          changedFields(fetched, edited).sort(),
          ['description', 'lastModified'].filter((f) => f !== 'description' || fetched.description !== 'changed here').sort(),
          `${kind}: a save with one change`,
        );
      }
    });
  });
});

function without(doc: JsonObject, ...fields: string[]): JsonObject {
  const copy = { ...doc };
  for (const field of fields) delete copy[field];
  return copy;
}

function changedFields(before: JsonObject, after: JsonObject): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
