/**
 * The `integrator-io` command as a CI job runs it: `node dist/cli.js …` in its own process, the
 * token in INTEGRATOR_IO_TOKEN, against a real sandbox; what it prints and its exit codes.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jsonFileOf } from '../../src/iac/layout';
import { environmentNameOf } from '../../src/iac/bindings';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

const CLI_JS = path.join(__dirname, '../../../dist/cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = { INTEGRATOR_IO_TOKEN: TEST_TOKEN }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_JS, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('integrator-io command line', () => {
  let t: TestSandbox;
  let dir: string;
  let url: string;

  before(async () => {
    t = await startTestSandbox();
    url = t.sandbox.baseUrl;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iac-cli-'));
  });
  after(() => t.close());

  it('refuses to run without INTEGRATOR_IO_TOKEN, and refuses a token argument', async () => {
    const none = await cli(['plan', '--url', url, '--dir', dir], {});
    assert.strictEqual(none.code, 1);
    assert.match(none.stderr, /INTEGRATOR_IO_TOKEN/);
    const argument = await cli(['plan', '--url', url, '--dir', dir, '--token', TEST_TOKEN]);
    assert.strictEqual(argument.code, 1);
    assert.match(argument.stderr, /never taken as an argument/);
    assert.ok(!argument.stderr.includes(TEST_TOKEN) && !argument.stdout.includes(TEST_TOKEN), 'the token is not echoed');
  });

  it('pulls by exact name, plans 0 for an unchanged folder, 2 after an edit, and applies it', async () => {
    const pulled = await cli(['pull', '--url', url, '--integration', 'Shopify - NetSuite Order Sync', '--dir', dir]);
    assert.strictEqual(pulled.code, 0, pulled.stderr);
    assert.match(pulled.stdout, /Pulled "Shopify - NetSuite Order Sync" \(16 resources\)/);
    await fs.access(path.join(dir, '.integrator-io', `${environmentNameOf(url)}.json`));

    const unchanged = await cli(['plan', '--url', url, '--dir', dir]);
    assert.strictEqual(unchanged.code, 0, unchanged.stdout + unchanged.stderr);
    assert.match(unchanged.stdout, /nothing to do/);

    const file = path.join(dir, 'imports/shopify-tag-order-as-synced.import.json');
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(file, JSON.stringify({ ...doc, description: 'Tags the order once it is in NetSuite' }, null, 2));
    const changed = await cli(['plan', '--url', url, '--dir', dir, '--json']);
    assert.strictEqual(changed.code, 2);
    const plan = JSON.parse(changed.stdout) as { items: { key: string; action: string }[]; exitCode: number };
    assert.deepStrictEqual(
      plan.items.filter((i) => i.action !== 'unchanged').map((i) => `${i.action} ${i.key}`),
      ['update imports/shopify-tag-order-as-synced'],
    );

    const refused = await cli(['apply', '--url', url, '--dir', dir]);
    assert.strictEqual(refused.code, 1, 'no terminal to ask and no --yes: nothing applied');
    assert.match(refused.stderr, /--yes/);
    assert.strictEqual((await cli(['plan', '--url', url, '--dir', dir])).code, 2, 'still to apply');

    const unnamed = await cli(['apply', '--url', url, '--dir', dir, '--yes']);
    assert.strictEqual(unnamed.code, 1, 'an unattended apply names the integration it may change');
    assert.match(unnamed.stderr, /apply --yes needs --integration/);
    const applied = await cli(['apply', '--url', url, '--dir', dir, '--yes', '--integration', 'Shopify - NetSuite Order Sync']);
    assert.strictEqual(applied.code, 0, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /done\s+~ update\s+imports\/shopify-tag-order-as-synced/);
    assert.match(applied.stdout, /1 applied\./);
    assert.strictEqual((await cli(['plan', '--url', url, '--dir', dir])).code, 0);
  });

  it('exits 3 on a conflict, and names it', async () => {
    const key = 'exports/netsuite-inventory-levels';
    const bindings = JSON.parse(await fs.readFile(path.join(dir, '.integrator-io', `${environmentNameOf(url)}.json`), 'utf8')) as {
      resources: Record<string, { id: string }>;
    };
    const id = bindings.resources[key]!.id;
    const remote = await t.client.exports.get(id);
    await t.client.exports.update(id, { ...remote, pageSize: 11 });
    const file = path.join(dir, jsonFileOf(key));
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(file, JSON.stringify({ ...doc, pageSize: 12 }, null, 2));
    const plan = await cli(['plan', '--url', url, '--dir', dir]);
    assert.strictEqual(plan.code, 3);
    assert.match(plan.stdout, /! conflict\s+exports\/netsuite-inventory-levels/);
    const apply = await cli(['apply', '--url', url, '--dir', dir, '--yes', '--integration', 'Shopify - NetSuite Order Sync']);
    assert.strictEqual(apply.code, 3);
    assert.match(apply.stdout, /Nothing applied/);
    assert.strictEqual((await t.client.exports.get(id)).pageSize, 11);
  });

  it('explains a wrong URL or folder without a stack trace', async () => {
    const bad = await cli(['plan', '--url', 'http://example.com/v1', '--dir', dir]);
    assert.strictEqual(bad.code, 1);
    assert.match(bad.stderr, /Plain http:\/\/ is only allowed for this machine/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
    const unknown = await cli(['pull', '--url', url, '--integration', 'No Such Integration', '--dir', dir]);
    assert.strictEqual(unknown.code, 1);
    assert.match(unknown.stderr, /No integration has the id or exact name "No Such Integration"/);
  });
});
