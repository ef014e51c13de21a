/**
 * One read per pull, below the VS Code layer: the schedule the Source Control view plans by
 * (src/sourceControl/planSchedule.ts), with real plans against a real sandbox and the sandbox's
 * request log as the witness of how often the integration was read.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { environmentNameOf } from '../../src/iac/bindings';
import { folderUnchanged } from '../../src/iac/folderUnchanged';
import { jsonFileOf } from '../../src/iac/layout';
import { makePlan, PlanOptions } from '../../src/iac/plan';
import { pullAndKeepRead } from '../../src/iac/pull';
import { NextPlan, PlanSchedule } from '../../src/sourceControl/planSchedule';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const COMMERCE = 'Shopify - NetSuite Order Sync';

describe('plans of a pulled folder: one read where one will do', () => {
  let t: TestSandbox;
  let options: PlanOptions;
  let integrationId: string;
  /** Reads of the integration itself since the last clearRequests (one per plan or pull that read it). */
  const reads = async () => (await t.requests()).filter((r) => r.method === 'GET' && r.path === `/integrations/${integrationId}`).length;
  const schedule = () => new PlanSchedule((next: NextPlan) => makePlan({ ...options, ...(next.pulled ? { pulled: next.pulled } : {}) }));

  before(async () => {
    t = await startTestSandbox();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iac-schedule-'));
    options = { client: t.client, baseUrl: t.sandbox.baseUrl, environment: environmentNameOf(t.sandbox.baseUrl), dir };
    integrationId = (await pullAndKeepRead({ ...options, integration: COMMERCE })).report.integrationId;
  });
  after(() => t.close());

  it('a pull reads the integration once, and the plan after it compares with that read', async () => {
    await t.clearRequests();
    const { read } = await pullAndKeepRead({ ...options, integration: COMMERCE });
    const plans = schedule();
    // The view's first plan and the pull command's refresh, as VS Code makes them.
    const [first, second] = await Promise.all([plans.request({ pulled: read }), plans.request({ pulled: read })]);
    assert.strictEqual(first, second, 'one plan for both');
    assert.ok(first.plan.items.every((i) => i.action === 'unchanged'));
    assert.strictEqual(await reads(), 1);
    assert.deepStrictEqual(
      (await t.requests()).filter((r) => r.method !== 'GET'),
      [],
    );
  });

  it('joins a running plan when nothing changed since it began; a change or a fresh request gets one more, shared', async () => {
    const plans = schedule();
    await t.clearRequests();
    const running = plans.request();
    assert.strictEqual(plans.request(), running, 'nothing changed: joined');
    plans.changed();
    const afterChange = plans.request({ files: true });
    const fresh = plans.request({ fresh: true });
    assert.notStrictEqual(afterChange, running);
    assert.strictEqual(fresh, afterChange, 'one plan follows, for every request made meanwhile');
    await Promise.all([running, afterChange]);
    assert.strictEqual(await reads(), 2);
    await t.clearRequests();
    const next = plans.request();
    assert.notStrictEqual(plans.request({ fresh: true }), next, 'a fresh request never joins a plan begun before it');
    await plans.request();
    assert.strictEqual(await reads(), 2);
  });

  it('knows a folder that still holds what a plan read from one that changed', async () => {
    const { state } = await makePlan(options);
    assert.ok(await folderUnchanged(state, options), 'nothing written since the plan');
    const file = path.join(options.dir, jsonFileOf('exports/netsuite-customer-lookup'));
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text);
    assert.ok(await folderUnchanged(state, options), 'written again as it was');
    await fs.writeFile(file, text.replace('{', '{\n  "description": "changed",'));
    assert.ok(!(await folderUnchanged(state, options)), 'a file changed');
    await fs.writeFile(file, text);
    const bindings = path.join(options.dir, '.integrator-io', `${options.environment}.json`);
    const bound = await fs.readFile(bindings, 'utf8');
    await fs.writeFile(bindings, bound.replace(/"hash": "[0-9a-f]+"/, '"hash": "0000000000000000"'));
    assert.ok(!(await folderUnchanged(state, options)), 'the binding file changed');
    await fs.writeFile(bindings, bound);
    assert.ok(await folderUnchanged(state, options));
  });
});

describe('plans of a pulled folder: a plan that fails', () => {
  it('ends its turn like one that succeeds: the plan queued behind it, and every later request, plan afresh', async () => {
    let calls = 0;
    let fail: (err: Error) => void = () => undefined;
    const plans = new PlanSchedule<string>(() => {
      calls++;
      if (calls === 1) return new Promise<string>((_, reject) => (fail = reject));
      return Promise.resolve(`plan ${calls}`);
    });
    const first = plans.request({ fresh: true });
    const second = plans.request({ fresh: true });
    fail(new Error('network down'));
    await assert.rejects(first, /network down/);
    assert.strictEqual(await second, 'plan 2', 'the request queued behind the failure gets a plan of its own');
    assert.strictEqual(await plans.request({ fresh: true }), 'plan 3');
    assert.strictEqual(calls, 3);
  });
});
