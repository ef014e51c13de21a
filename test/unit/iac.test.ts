/**
 * Integration as code against real sandboxes over HTTP: pull, plan, apply, pull remote changes
 * and promotion, with the sandbox's request log as the witness of what reached the account.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IntegratorClient } from '../../src/api';
import { Export, Flow } from '../../src/api/types';
import { apply, appliedEverything } from '../../src/iac/apply';
import { jsonFileOf } from '../../src/iac/layout';
import { environmentNameOf, readBindings } from '../../src/iac/bindings';
import { makePlan, Plan, PlanAction, planExitCode } from '../../src/iac/plan';
import { pull } from '../../src/iac/pull';
import { pullRemoteChanges } from '../../src/iac/pullRemoteChanges';
import { SECRET_PATHS } from '../../src/sandbox/kinds';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const COMMERCE = 'Shopify - NetSuite Order Sync';
const OPERATIONS = 'Operations & Alerts';
const LEGACY = 'Legacy ERP Connector';

/** Every file under `dir`, by folder-relative path. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (at: string) => {
    for (const entry of await fs.readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(path.relative(dir, full), await fs.readFile(full, 'utf8'));
    }
  };
  await walk(dir);
  return files;
}

async function tempDir(name: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `iac-${name}-`));
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function actions(plan: Plan, ...wanted: PlanAction[]): string[] {
  return plan.items.filter((i) => wanted.includes(i.action)).map((i) => i.key);
}

/** Strings at the sandbox's secret paths of every stored resource: what must never reach a file. */
function storedSecrets(t: TestSandbox): string[] {
  const secrets: string[] = [];
  for (const [kind, paths] of Object.entries(SECRET_PATHS)) {
    for (const doc of t.sandbox.services.store.list(kind as keyof typeof SECRET_PATHS)) {
      for (const p of paths ?? []) {
        const value = p
          .split('.')
          .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
        if (typeof value === 'string' && value.length >= 6 && value !== '******') secrets.push(value);
      }
    }
  }
  return secrets;
}

describe('integration as code', () => {
  let t: TestSandbox;
  let env: string;
  const common = (dir: string) => ({ client: t.client, baseUrl: t.sandbox.baseUrl, environment: env, dir });

  before(async () => {
    t = await startTestSandbox();
    env = environmentNameOf(t.sandbox.baseUrl);
  });
  after(() => t.close());

  it('pulls the same folder twice, byte for byte, with keys for references and no server fields', async () => {
    const first = await tempDir('first');
    const second = await tempDir('second');
    const report = await pull({ ...common(first), integration: COMMERCE });
    await pull({ ...common(second), integration: COMMERCE });
    const a = await readTree(first);
    const b = await readTree(second);
    assert.deepStrictEqual([...a.keys()].sort(), [...b.keys()].sort());
    for (const [file, text] of a) assert.strictEqual(b.get(file), text, `${file} differs between two pulls`);
    assert.strictEqual(report.resources, [...a.keys()].filter((f) => f.endsWith('.json') && !f.startsWith('.integrator-io')).length);

    const files = [...a.keys()].sort();
    assert.ok(files.includes('integrations/shopify-netsuite-order-sync.integration.json'), files.join('\n'));
    assert.ok(files.includes('exports/shopify-get-orders.export.json'), files.join('\n'));
    assert.ok(files.includes('connections/shopify-store.connection.json'));
    assert.ok(
      files.some((f) => /^scripts\/.+\.js$/.test(f)),
      'a script’s code beside its settings',
    );
    assert.ok(files.includes(`.integrator-io/${env}.json`));

    const getOrders = JSON.parse(a.get('exports/shopify-get-orders.export.json')!) as Export;
    assert.strictEqual(getOrders._connectionId, 'connections/shopify-store');
    assert.match(String((getOrders.hooks as { preSavePage: { _scriptId: string } }).preSavePage._scriptId), /^scripts\//);
    for (const [file, text] of a) {
      if (file.startsWith('.integrator-io') || file.endsWith('.js')) continue;
      assert.ok(text.endsWith('}\n'), `${file} ends with a newline`);
      const doc = JSON.parse(text) as Record<string, unknown>;
      for (const field of ['_id', 'createdAt', 'lastModified', 'lastModifiedBy']) assert.ok(!(field in doc), `${file} has no ${field}`);
      assert.doesNotMatch(text, /"[0-9a-f]{24}"/, `${file} holds no account id`);
    }
    const flows = files.filter((f) => f.startsWith('flows/'));
    assert.ok(flows.length >= 2);
    for (const file of flows) {
      const flow = JSON.parse(a.get(file)!) as Flow;
      assert.strictEqual(flow._integrationId, 'integrations/shopify-netsuite-order-sync');
      assert.ok(!('disabled' in flow), 'whether a flow is disabled belongs to each environment');
    }
  });

  it('writes no secret the sandbox stores, and keeps ids only in the binding file', async () => {
    const dir = await tempDir('secrets');
    for (const integration of [COMMERCE, OPERATIONS, LEGACY]) await pull({ ...common(dir), integration, force: true });
    const secrets = storedSecrets(t);
    assert.ok(secrets.length >= 10, `the sandbox stores secrets in clear: ${secrets.length}`);
    for (const [file, text] of await readTree(dir)) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${file} holds a stored secret`);
      assert.ok(!text.includes('******'), `${file} holds no mask`);
    }
  });

  it('pulls router branches, file definitions and lookups as keys', async () => {
    const dir = await tempDir('operations');
    await pull({ ...common(dir), integration: OPERATIONS });
    const files = await readTree(dir);
    const router = JSON.parse(files.get('flows/zendesk-tickets-router.flow.json')!) as Flow;
    const branchSteps = (router.routers ?? []).flatMap((r) => (r.branches ?? []).flatMap((b) => b.pageProcessors ?? []));
    assert.ok(branchSteps.length >= 2);
    for (const step of branchSteps) assert.match(String(step._importId ?? step._exportId), /^(imports|exports)\//);
    const statements = JSON.parse(files.get('exports/sftp-bank-statements.export.json')!) as {
      file: { fileDefinition: { _fileDefinitionId: string } };
    };
    const definition = statements.file.fileDefinition._fileDefinitionId;
    assert.match(definition, /^filedefinitions\//);
    assert.ok(files.has(`${definition}.filedefinition.json`), 'the file definition is pulled');
  });

  it('plans nothing and writes nothing for an unchanged folder, and one PUT for one edit', async () => {
    const dir = await tempDir('roundtrip');
    await pull({ ...common(dir), integration: COMMERCE });
    await t.clearRequests();
    const { plan } = await makePlan(common(dir));
    assert.deepStrictEqual(actions(plan, 'create', 'update', 'delete', 'bind', 'conflict', 'remote-change', 'needs-connection'), []);
    assert.strictEqual(planExitCode(plan), 0);
    const report = await apply(common(dir));
    assert.ok(appliedEverything(report));
    assert.strictEqual(report.applied.length, 0);
    let requests = await t.requests();
    assert.deepStrictEqual(
      requests.filter((r) => WRITE_METHODS.has(r.method)),
      [],
    );
    assert.ok(requests.every((r) => r.method === 'GET'));

    const file = path.join(dir, 'exports/shopify-get-orders.export.json');
    const edited = JSON.parse(await fs.readFile(file, 'utf8')) as Export;
    edited.pageSize = 77;
    await fs.writeFile(file, JSON.stringify(edited, null, 2));
    const { plan: onePlan } = await makePlan(common(dir));
    assert.deepStrictEqual(actions(onePlan, 'create', 'update', 'delete', 'bind', 'conflict', 'remote-change'), [
      'exports/shopify-get-orders',
    ]);
    assert.strictEqual(onePlan.items.find((i) => i.key === 'exports/shopify-get-orders')!.action, 'update');
    assert.strictEqual(planExitCode(onePlan), 2);

    await t.clearRequests();
    const applied = await apply(common(dir));
    assert.ok(appliedEverything(applied), JSON.stringify(applied.failed));
    requests = await t.requests();
    const writes = requests.filter((r) => WRITE_METHODS.has(r.method));
    const id = (await readBindings(dir, env, t.sandbox.baseUrl)).resources['exports/shopify-get-orders']!.id;
    assert.deepStrictEqual(
      writes.map((r) => `${r.method} ${r.path}`),
      [`PUT /exports/${id}`],
    );
    const now = await t.client.exports.get(id);
    assert.strictEqual(now.pageSize, 77);
    assert.strictEqual(now._connectionId, (await readBindings(dir, env, t.sandbox.baseUrl)).resources['connections/shopify-store']!.id);
    const { plan: after } = await makePlan(common(dir));
    assert.strictEqual(planExitCode(after), 0, 'applied: nothing left to do');
  });

  it('keeps masked secrets on an update of a connection', async () => {
    const dir = await tempDir('secret-update');
    await pull({ ...common(dir), integration: COMMERCE });
    const file = path.join(dir, 'connections/shopify-store.connection.json');
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { http: { concurrencyLevel: number } };
    doc.http.concurrencyLevel = 3;
    await fs.writeFile(file, JSON.stringify(doc));
    const id = (await readBindings(dir, env, t.sandbox.baseUrl)).resources['connections/shopify-store']!.id;
    const before = structuredClone(t.sandbox.services.store.get('connections', id)) as { http: { auth: { token: { token: string } } } };
    const report = await apply(common(dir));
    assert.ok(appliedEverything(report), JSON.stringify(report.failed));
    const stored = t.sandbox.services.store.get('connections', id) as {
      http: { concurrencyLevel: number; auth: { token: { token: string } } };
    };
    assert.strictEqual(stored.http.concurrencyLevel, 3);
    assert.strictEqual(stored.http.auth.token.token, before.http.auth.token.token, 'the stored token is kept');
    assert.notStrictEqual(stored.http.auth.token.token, '******');
  });

  it('finds a conflict when the folder and the account changed the same export, and writes nothing', async () => {
    const dir = await tempDir('conflict');
    await pull({ ...common(dir), integration: COMMERCE });
    const key = 'exports/netsuite-customer-lookup';
    const id = (await readBindings(dir, env, t.sandbox.baseUrl)).resources[key]!.id;
    const remote = await t.client.exports.get(id);
    await t.client.exports.update(id, { ...remote, name: 'Changed in the account' });
    const file = path.join(dir, jsonFileOf(key));
    const local = JSON.parse(await fs.readFile(file, 'utf8')) as Export;
    await fs.writeFile(file, JSON.stringify({ ...local, name: 'Changed in the folder' }, null, 2));

    await t.clearRequests();
    const { plan } = await makePlan(common(dir));
    assert.deepStrictEqual(actions(plan, 'conflict'), [key]);
    assert.strictEqual(planExitCode(plan), 3);
    const report = await apply(common(dir));
    assert.match(report.refused ?? '', /netsuite-customer-lookup changed both in the folder and in the account/);
    assert.deepStrictEqual(
      (await t.requests()).filter((r) => WRITE_METHODS.has(r.method)),
      [],
    );
    assert.strictEqual((await t.client.exports.get(id)).name, 'Changed in the account', 'the account keeps its edit');
    const pulled = await pullRemoteChanges(common(dir));
    assert.deepStrictEqual(
      pulled.refused.map((i) => i.key),
      [key],
      'pulling remote changes refuses where the folder changed too',
    );
    assert.strictEqual((JSON.parse(await fs.readFile(file, 'utf8')) as Export).name, 'Changed in the folder');
  });

  it('pulls a change made only in the account, and the plan is then empty', async () => {
    const dir = await tempDir('remote');
    await pull({ ...common(dir), integration: COMMERCE });
    const key = 'imports/netsuite-create-sales-orders';
    const id = (await readBindings(dir, env, t.sandbox.baseUrl)).resources[key]!.id;
    const remote = await t.client.imports.get(id);
    await t.client.imports.update(id, { ...remote, description: 'Edited in the web UI' });
    const { plan } = await makePlan(common(dir));
    assert.deepStrictEqual(actions(plan, 'remote-change'), [key]);
    assert.strictEqual(planExitCode(plan), 0, 'a remote change alone is nothing to apply');
    const pulled = await pullRemoteChanges(common(dir));
    assert.deepStrictEqual(
      pulled.pulled.map((i) => i.key),
      [key],
    );
    assert.strictEqual(
      (JSON.parse(await fs.readFile(path.join(dir, jsonFileOf(key)), 'utf8')) as { description: string }).description,
      'Edited in the web UI',
    );
    assert.strictEqual(planExitCode((await makePlan(common(dir))).plan), 0);
    assert.deepStrictEqual(actions((await makePlan(common(dir))).plan, 'remote-change'), []);
  });

  it('deletes what was removed from the folder only with consent', async () => {
    const dir = await tempDir('delete');
    await pull({ ...common(dir), integration: OPERATIONS });
    const flowKey = 'flows/nightly-order-archive-to-s3';
    const id = (await readBindings(dir, env, t.sandbox.baseUrl)).resources[flowKey]!.id;
    await fs.unlink(path.join(dir, jsonFileOf(flowKey)));
    const { plan } = await makePlan(common(dir));
    assert.deepStrictEqual(actions(plan, 'delete'), [flowKey]);
    const without = await apply(common(dir));
    assert.deepStrictEqual(
      without.notApplied.map((n) => `${n.item.key}: ${n.why}`),
      [`${flowKey}: deleting needs consent`],
    );
    assert.ok(!appliedEverything(without));
    assert.ok(await t.client.flows.get(id), 'still in the account');
    const withConsent = await apply({ ...common(dir), allowDelete: true });
    assert.ok(appliedEverything(withConsent), JSON.stringify(withConsent.failed));
    await assert.rejects(t.client.flows.get(id), /404|not found/i);
    assert.strictEqual((await readBindings(dir, env, t.sandbox.baseUrl)).resources[flowKey], undefined);
  });

  it('pulls a legacy flow as it is and round-trips it unchanged', async () => {
    const dir = await tempDir('legacy');
    await pull({ ...common(dir), integration: LEGACY });
    const files = await readTree(dir);
    const legacyFlows = [...files].filter(
      ([f, text]) => f.startsWith('flows/') && /"_exportId"/.test(text) && !/pageGenerators/.test(text),
    );
    assert.ok(legacyFlows.length >= 1, 'a flow with top-level _exportId/_importId');
    const [file, text] = legacyFlows[0]!;
    const flow = JSON.parse(text) as Flow;
    assert.match(flow._exportId!, /^exports\//);
    assert.match(flow._importId!, /^imports\//);
    const key = file.slice(0, -'.flow.json'.length);
    const id = (await readBindings(dir, env, t.sandbox.baseUrl)).resources[key]!.id;
    const before = await t.client.flows.get(id);

    await t.clearRequests();
    assert.strictEqual(planExitCode((await makePlan(common(dir))).plan), 0);
    assert.deepStrictEqual(
      (await t.requests()).filter((r) => WRITE_METHODS.has(r.method)),
      [],
    );
    await fs.writeFile(path.join(dir, file), JSON.stringify({ ...flow, description: 'Kept as code' }, null, 2));
    const report = await apply(common(dir));
    assert.ok(appliedEverything(report), JSON.stringify(report.failed));
    const after = await t.client.flows.get(id);
    const { lastModified: _a, description, ...restAfter } = after;
    const { lastModified: _b, description: _old, ...restBefore } = before;
    assert.strictEqual(description, 'Kept as code');
    assert.deepStrictEqual(restAfter, restBefore, 'nothing but the edit changed');
  });

  describe('promotion to a second environment', () => {
    let target: TestSandbox;
    let targetClient: IntegratorClient;
    let dir: string;
    const targetCommon = () => ({
      client: targetClient,
      baseUrl: target.sandbox.baseUrl,
      environment: environmentNameOf(target.sandbox.baseUrl),
      dir,
    });

    before(async () => {
      target = await startTestSandbox({ seed: 'empty' });
      targetClient = target.client;
      dir = await tempDir('promote');
      await pull({ ...common(dir), integration: COMMERCE });
      // The target has its own connections, with its own credentials, of the same names.
      const bindings = await readBindings(dir, env, t.sandbox.baseUrl);
      for (const [key, binding] of Object.entries(bindings.resources)) {
        if (!key.startsWith('connections/')) continue;
        const stored = structuredClone(t.sandbox.services.store.get('connections', binding.id)) as Record<string, unknown>;
        for (const field of ['_id', 'createdAt', 'lastModified']) delete stored[field];
        await targetClient.connections.create(stored);
      }
    });
    after(() => target.close());

    it('binds connections by name, plans creates in dependency order, and exits 2', async () => {
      await target.clearRequests();
      const { plan } = await makePlan(targetCommon());
      assert.strictEqual(planExitCode(plan), 2);
      assert.ok(actions(plan, 'bind').length >= 2, 'the connections are bound');
      assert.deepStrictEqual(actions(plan, 'needs-connection', 'conflict', 'update', 'delete'), []);
      const order = plan.items.map((i) => i.key);
      const at = (prefix: string) => order.findIndex((k) => k.startsWith(prefix));
      const lastOf = (prefix: string) => order.length - 1 - [...order].reverse().findIndex((k) => k.startsWith(prefix));
      assert.ok(lastOf('connections/') < at('integrations/'), 'connections before the integration');
      assert.ok(at('integrations/') < at('flows/'), 'the integration before flows');
      assert.ok(lastOf('scripts/') < at('exports/'), 'scripts before the exports that use them');
      assert.ok(lastOf('exports/') < at('flows/') && lastOf('imports/') < at('flows/'), 'steps before flows');
      assert.deepStrictEqual(
        (await target.requests()).filter((r) => WRITE_METHODS.has(r.method)),
        [],
        'a plan writes nothing',
      );
    });

    it('a missing connection blocks the apply (exit 3), and writes nothing', async () => {
      const other = await tempDir('promote-missing');
      await pull({ ...common(other), integration: OPERATIONS });
      const { plan } = await makePlan({ ...targetCommon(), dir: other });
      assert.ok(actions(plan, 'needs-connection').length >= 1);
      assert.strictEqual(planExitCode(plan), 3);
      await target.clearRequests();
      const report = await apply({ ...targetCommon(), dir: other });
      assert.match(report.refused ?? '', /needs? a connection/);
      assert.deepStrictEqual(
        (await target.requests()).filter((r) => WRITE_METHODS.has(r.method)),
        [],
      );
    });

    it('creates the integration with references re-bound, and a promoted flow runs to completion', async () => {
      const report = await apply({ ...targetCommon(), enableNewFlows: true });
      assert.ok(appliedEverything(report), JSON.stringify(report.failed ?? report.notApplied));
      const bindings = await readBindings(dir, targetCommon().environment, target.sandbox.baseUrl);
      const idOf = (key: string) => bindings.resources[key]!.id;
      const getOrders = await targetClient.exports.get(idOf('exports/shopify-get-orders'));
      assert.strictEqual(getOrders._connectionId, idOf('connections/shopify-store'));
      const flowKey = Object.keys(bindings.resources).find((k) => k.startsWith('flows/') && k.includes('order'))!;
      const flow = await targetClient.flows.get(idOf(flowKey));
      assert.strictEqual(flow._integrationId, idOf('integrations/shopify-netsuite-order-sync'));
      const stepIds = [
        ...(flow.pageGenerators ?? []).map((pg) => pg._exportId),
        ...(flow.pageProcessors ?? []).map((pp) => pp._exportId ?? pp._importId),
      ];
      for (const stepId of stepIds)
        assert.ok(
          Object.values(bindings.resources).some((b) => b.id === stepId),
          `${stepId} is a promoted step`,
        );
      const sourceIds = new Set(Object.values((await readBindings(dir, env, t.sandbox.baseUrl)).resources).map((b) => b.id));
      for (const stepId of stepIds) assert.ok(!sourceIds.has(stepId!), 'no id of the first environment');

      const jobId = await targetClient.jobs.runFlow(flow._id);
      const job = await targetClient.jobs.follow(jobId, { intervalMs: 50, timeoutMs: 20_000 });
      assert.strictEqual(job.status, 'completed');

      await target.clearRequests();
      const again = await apply(targetCommon());
      assert.ok(appliedEverything(again));
      assert.strictEqual(again.applied.length, 0, 'applying again changes nothing');
      assert.deepStrictEqual(
        (await target.requests()).filter((r) => WRITE_METHODS.has(r.method)),
        [],
      );
    });

    it('creates new flows disabled unless asked otherwise', async () => {
      const other = await tempDir('promote-disabled');
      await pull({ ...common(other), integration: COMMERCE });
      const fresh = await startTestSandbox({ seed: 'empty' });
      try {
        for (const [key, binding] of Object.entries((await readBindings(other, env, t.sandbox.baseUrl)).resources)) {
          if (!key.startsWith('connections/')) continue;
          const stored = structuredClone(t.sandbox.services.store.get('connections', binding.id)) as Record<string, unknown>;
          for (const field of ['_id', 'createdAt', 'lastModified']) delete stored[field];
          await fresh.client.connections.create(stored);
        }
        const freshCommon = {
          client: fresh.client,
          baseUrl: fresh.sandbox.baseUrl,
          environment: environmentNameOf(fresh.sandbox.baseUrl),
          dir: other,
        };
        const report = await apply(freshCommon);
        assert.ok(appliedEverything(report), JSON.stringify(report.failed));
        const flows = await fresh.client.flows.listAll();
        assert.ok(flows.length >= 2);
        assert.ok(
          flows.every((f) => f.disabled === true),
          'every new flow is disabled',
        );
        assert.strictEqual(planExitCode((await makePlan(freshCommon)).plan), 0);
      } finally {
        await fresh.close();
      }
    });
  });
});
