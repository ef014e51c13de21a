/**
 * `integrator-io diagram` on pulled folders of the demo account (and its legacy flow): the Mermaid
 * names every step once, in flow order, with an edge for each hand-over and each branch; an
 * unknown flow is exit 1 with the flows there are. Through `node dist/cli.js`, as CI would run it.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stepFileIn } from '../../src/diagram/stepFacts';
import { environmentNameOf } from '../../src/iac/bindings';
import { pull } from '../../src/iac/pull';
import { runCli } from '../support/cli';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

describe('integrator-io diagram', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  const pulled = async (integration: string) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'diagram-'));
    await pull({ client: t.client, baseUrl: t.sandbox.baseUrl, environment: environmentNameOf(t.sandbox.baseUrl), dir, integration });
    return dir;
  };
  /** The labels of the chart's nodes, in the order the chart declares them (flow order). */
  const stepNames = (chart: string) => [...chart.matchAll(/^ {2}n\d+[[({]+"([^"<]*)/gm)].map((m) => m[1]);
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('draws a linear demo flow: every step once, in order, one edge per hand-over', async () => {
    const dir = await pulled('Shopify - NetSuite Order Sync');
    const run = await runCli(['diagram', '--dir', dir, '--flow', 'Shopify Orders to NetSuite Sales Orders']);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /^flowchart LR\n/);
    assert.deepStrictEqual(stepNames(run.stdout), [
      'Shopify - Get Orders',
      'NetSuite - Customer Lookup',
      'NetSuite - Create Sales Orders',
      'Shopify - Tag Order as Synced',
    ]);
    assert.strictEqual((run.stdout.match(/ --> /g) ?? []).length, 3);
  });

  it('draws the router flow with each branch, its condition and its end; writes --out', async () => {
    const dir = await pulled('Operations & Alerts');
    const out = path.join(dir, 'router.mmd');
    const run = await runCli(['diagram', '--dir', dir, '--flow', 'flows/zendesk-tickets-router', '--out', out]);
    assert.strictEqual(run.code, 0, run.stderr);
    const chart = await fs.readFile(out, 'utf8');
    assert.deepStrictEqual(stepNames(chart), [
      'Zendesk - Ticket Webhook',
      'By priority',
      'Slack - Urgent Ticket Alert',
      'End',
      'S3 - Archive Tickets',
      'End',
    ]);
    assert.match(chart, /-->\|"Urgent: priority equals urgent"\|/);
    assert.match(chart, /-->\|"Everything else"\|/);
  });

  it('draws the legacy flow (_exportId/_importId)', async () => {
    const dir = await pulled('Legacy ERP Connector');
    const flows = (await fs.readdir(path.join(dir, 'flows'))).map((f) => `flows/${f.replace(/\.flow\.json$/, '')}`);
    const legacy = [];
    for (const key of flows) {
      const doc = JSON.parse(await fs.readFile(path.join(dir, `${key}.flow.json`), 'utf8')) as Record<string, unknown>;
      if (doc._exportId && doc._importId) legacy.push(key);
    }
    assert.ok(legacy.length > 0, `the demo has a legacy flow among ${flows.join(', ')}`);
    const run = await runCli(['diagram', '--dir', dir, '--flow', legacy[0]!]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.strictEqual(stepNames(run.stdout).length, 2);
    assert.strictEqual((run.stdout.match(/ --> /g) ?? []).length, 1);
  });

  it('an unknown flow is exit 1, naming the flows there are', async () => {
    const dir = await pulled('Operations & Alerts');
    const run = await runCli(['diagram', '--dir', dir, '--flow', 'No such flow']);
    assert.strictEqual(run.code, 1);
    assert.match(run.stderr, /No flow of the folder has the key or exact name "No such flow"\. Its flows: .*flows\/zendesk-tickets-router/);
  });
});

describe('a diagram step opened from a pulled folder', () => {
  it('opens only a key of the folder whose file is a regular file inside it: never a path, never a link', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'diagram-open-'));
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'diagram-outside-'));
    try {
      await fs.mkdir(path.join(dir, 'exports'));
      await fs.writeFile(path.join(dir, 'exports', 'real.export.json'), '{"name":"Real"}');
      await fs.writeFile(path.join(outside, 'secret.export.json'), '{"name":"Secret"}');
      await fs.symlink(path.join(outside, 'secret.export.json'), path.join(dir, 'exports', 'linked.export.json'));
      const real = await stepFileIn(dir, 'exports/real');
      assert.ok('file' in real && real.file.endsWith(path.join('exports', 'real.export.json')));
      // What a flow file can name: a path out of the folder, a link to a file outside, a key with no file.
      for (const [key, why] of [
        [`../${path.basename(outside)}/secret`, /is not a key of the folder/],
        ['exports/linked', /symbolic link/],
        ['exports/missing', /is not in the folder/],
      ] as const) {
        const step = await stepFileIn(dir, key);
        assert.ok('refused' in step, key);
        assert.match(step.refused, why, key);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(outside, { recursive: true, force: true });
    }
  });
});
