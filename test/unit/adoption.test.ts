/**
 * Promotion into an environment that already holds the integration (built there by hand, or by
 * an earlier apply whose binding file was not committed): the plan adopts what is there, by the
 * integration's exact name and, inside it, each resource's kind and exact name, and creates no
 * second copy. Two candidates for one name block the plan with the names and ids shown, until a
 * choice (`--bind`) settles it. Through the engine and through `node dist/cli.js`, against two
 * real sandboxes whose ids differ.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { apply, appliedEverything } from '../../src/iac/apply';
import { environmentNameOf, readBindings } from '../../src/iac/bindings';
import { makePlan, Plan, PlanAction, planExitCode } from '../../src/iac/plan';
import { pull } from '../../src/iac/pull';
import { runCli } from '../support/cli';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const COMMERCE = 'Shopify - NetSuite Order Sync';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function keysOf(plan: Plan, ...wanted: PlanAction[]): string[] {
  return plan.items.filter((i) => wanted.includes(i.action)).map((i) => i.key);
}

describe('promotion adopts what the environment already holds', function () {
  this.timeout(60_000);
  let source: TestSandbox;
  let target: TestSandbox;
  let dir: string;
  const targetEnv = () => environmentNameOf(target.sandbox.baseUrl);
  const targetOptions = (folder = dir) => ({
    client: target.client,
    baseUrl: target.sandbox.baseUrl,
    environment: targetEnv(),
    dir: folder,
  });
  const writes = async () => (await target.requests()).filter((r) => WRITE_METHODS.has(r.method));
  const integrationsNamed = async (name: string) => (await target.client.integrations.listAll()).filter((i) => i.name === name);
  const freshFolder = async (name: string) => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), `adopt-${name}-`));
    await pull({
      client: source.client,
      baseUrl: source.sandbox.baseUrl,
      environment: environmentNameOf(source.sandbox.baseUrl),
      dir: folder,
      integration: COMMERCE,
    });
    return folder;
  };

  before(async () => {
    source = await startTestSandbox();
    target = await startTestSandbox({ seed: 'empty' });
    dir = await freshFolder('main');
    // The target gets its own connections, then the integration, built there once (new ids);
    // the binding file that apply wrote is then lost, as when a team built production by hand.
    const bindings = await readBindings(dir, environmentNameOf(source.sandbox.baseUrl), source.sandbox.baseUrl);
    for (const [key, binding] of Object.entries(bindings.resources)) {
      if (!key.startsWith('connections/')) continue;
      const stored = structuredClone(source.sandbox.services.store.get('connections', binding.id)) as Record<string, unknown>;
      for (const field of ['_id', 'createdAt', 'lastModified']) delete stored[field];
      await target.client.connections.create(stored);
    }
    const built = await apply(targetOptions());
    assert.ok(appliedEverything(built), JSON.stringify(built.failed));
    await fs.rm(path.join(dir, '.integrator-io', `${targetEnv()}.json`));
  });
  after(async () => {
    await source.close();
    await target.close();
  });

  it('plans 0 creates: the integration and its 14 resources adopted, the connections bound, one edit an update', async () => {
    const before = await integrationsNamed(COMMERCE);
    assert.strictEqual(before.length, 1);
    const file = path.join(dir, 'exports', 'shopify-get-orders.export.json');
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(file, JSON.stringify({ ...doc, description: 'Edited before the promotion' }, null, 2));

    const { plan } = await makePlan(targetOptions());
    assert.deepStrictEqual(keysOf(plan, 'create', 'conflict', 'needs-connection', 'delete'), []);
    assert.deepStrictEqual(plan.problems, []);
    assert.strictEqual(keysOf(plan, 'adopt').length, 14);
    assert.strictEqual(keysOf(plan, 'bind').length, 2);
    assert.deepStrictEqual(plan.integration, { id: before[0]!._id, name: COMMERCE });
    const edited = plan.items.find((i) => i.key === 'exports/shopify-get-orders')!;
    assert.match(edited.reason, /^already in this environment \([0-9a-f]{24}\): bound, then updated to the folder$/);
    assert.strictEqual(plan.items.filter((i) => i.reason.endsWith('bound as it is')).length, 13);

    await target.clearRequests();
    const report = await apply(targetOptions());
    assert.ok(appliedEverything(report), JSON.stringify(report.failed ?? report.notApplied));
    const written = await writes();
    assert.deepStrictEqual(
      written.map((r) => r.method),
      ['PUT'],
      'one update, no create',
    );
    assert.strictEqual((await integrationsNamed(COMMERCE)).length, 1, 'no second copy of the integration');
    const exported = (await target.client.exports.listAll()).filter((e) => e.name === 'Shopify - Get Orders');
    assert.strictEqual(exported.length, 1, 'no second copy of the export');
    assert.strictEqual(exported[0]!.description, 'Edited before the promotion');
    assert.strictEqual(planExitCode((await makePlan(targetOptions())).plan), 0, 'then the folder and the environment agree');
  });

  it('the CLI does the same: plan exit 2 with "= adopt" lines and no create, apply --yes creates nothing', async () => {
    // A fresh pull of the source: its export lacks the edit promoted above, so that one is updated back.
    const folder = await freshFolder('cli');
    const url = target.sandbox.baseUrl;
    const plan = await runCli(['plan', '--url', url, '--dir', folder]);
    assert.strictEqual(plan.code, 2, plan.stdout + plan.stderr);
    assert.match(
      plan.stdout,
      /= adopt +integrations\/shopify-netsuite-order-sync \("Shopify - NetSuite Order Sync"\): already in this environment/,
    );
    assert.match(plan.stdout, /^2 to bind, 14 to adopt\.$/m);
    const planned = await runCli(['plan', '--url', url, '--dir', folder, '--json']);
    const items = (JSON.parse(planned.stdout) as Plan).items;
    assert.deepStrictEqual(
      items.filter((i) => i.action === 'create'),
      [],
    );
    await target.clearRequests();
    const applied = await runCli(['apply', '--url', url, '--dir', folder, '--yes', '--integration', COMMERCE]);
    assert.strictEqual(applied.code, 0, applied.stdout + applied.stderr);
    assert.deepStrictEqual(
      (await writes()).map((r) => `${r.method} ${r.path}`),
      [`PUT /exports/${(await target.client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!._id}`],
      'the one export that differs is updated; nothing is created',
    );
    assert.strictEqual((await integrationsNamed(COMMERCE)).length, 1);
    assert.ok((await readBindings(folder, environmentNameOf(url), url)).resources['integrations/shopify-netsuite-order-sync']);
  });

  it('two integrations of the name block the plan, naming both; --bind chooses one', async () => {
    const [original] = await integrationsNamed(COMMERCE);
    const twin = await target.client.integrations.create({ name: COMMERCE });
    try {
      const folder = await freshFolder('twins');
      const { plan } = await makePlan(targetOptions(folder));
      assert.strictEqual(planExitCode(plan), 3);
      assert.deepStrictEqual(plan.problems, [
        `integrations/shopify-netsuite-order-sync: 2 integrations of this environment are named "${COMMERCE}" (${[original!._id, twin._id].join(', ')}): choose one`,
      ]);
      const cli = await runCli([
        'plan',
        '--url',
        target.sandbox.baseUrl,
        '--dir',
        folder,
        '--bind',
        `integrations/shopify-netsuite-order-sync=${original!._id}`,
      ]);
      assert.strictEqual(cli.code, 2, cli.stdout + cli.stderr);
      assert.match(cli.stdout, /^2 to bind, 14 to adopt\.$/m);
      const chosen = await makePlan({ ...targetOptions(folder), bindChoices: { 'integrations/shopify-netsuite-order-sync': twin._id } });
      assert.deepStrictEqual(chosen.plan.integration, { id: twin._id, name: COMMERCE });
      assert.ok(keysOf(chosen.plan, 'create').length > 0, 'the empty twin holds none of the flows: they would be created in it');
    } finally {
      await target.client.integrations.delete(twin._id);
    }
  });

  it('two exports of one name in the integration block the plan, naming both', async () => {
    const folder = await freshFolder('export-twins');
    const inventory = (await target.client.exports.listAll()).find((e) => e.name === 'NetSuite - Inventory Levels')!;
    const getOrders = (await target.client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!;
    await target.client.exports.update(inventory._id, { ...inventory, name: 'Shopify - Get Orders' });
    try {
      const { plan } = await makePlan(targetOptions(folder));
      assert.strictEqual(planExitCode(plan), 3);
      const ids = [getOrders._id, inventory._id].sort();
      assert.ok(
        plan.problems.includes(
          `exports/shopify-get-orders: 2 exports of the integration "${COMMERCE}" are named "Shopify - Get Orders" (${ids.join(', ')}): choose one`,
        ) ||
          plan.problems.includes(
            `exports/shopify-get-orders: 2 exports of the integration "${COMMERCE}" are named "Shopify - Get Orders" (${ids.reverse().join(', ')}): choose one`,
          ),
        plan.problems.join('\n'),
      );
      const chosen = await makePlan({ ...targetOptions(folder), bindChoices: { 'exports/shopify-get-orders': getOrders._id } });
      assert.strictEqual(chosen.plan.items.find((i) => i.key === 'exports/shopify-get-orders')?.action, 'adopt');
      assert.strictEqual(chosen.plan.items.find((i) => i.key === 'exports/shopify-get-orders')?.id, getOrders._id);
    } finally {
      await target.client.exports.update(inventory._id, { ...inventory });
    }
  });
});
