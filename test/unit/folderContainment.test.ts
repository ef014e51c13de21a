/**
 * A pulled folder is changed by pull requests, so each attack here is what a hostile pull request
 * (or a hostile name in a shared account) would do, run through `node dist/cli.js` against a real
 * sandbox. Each test checks what the user sees (exit code, the problem naming the path) and that
 * the attack did nothing: the canary is in no script of the account, the file outside the folder
 * is untouched, the other integration's export is unchanged, and no write request was made.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { environmentNameOf } from '../../src/iac/bindings';
import { slugify } from '../../src/iac/keys';
import { makePlan, planExitCode } from '../../src/iac/plan';
import { pull } from '../../src/iac/pull';
import { EnvironmentInfo } from '../../src/environments/environment';
import { bindingNameIn } from '../../src/sourceControl/folderEnvironment';
import { runCli } from '../support/cli';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const COMMERCE = 'Shopify - NetSuite Order Sync';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface BindingFileJson {
  baseUrl: string;
  resources: Record<string, { id: string; hash: string; lastModified?: string }>;
}

describe('a pulled folder stays a folder', () => {
  let t: TestSandbox;
  let url: string;
  let env: string;
  /** A folder outside every pulled folder, holding the canary file a link points at. */
  let outside: string;
  let canaryFile: string;
  const canary = `CANARY-${process.pid}-${Date.now()}`;

  const tempDir = (name: string) => fs.mkdtemp(path.join(os.tmpdir(), `iac-contain-${name}-`));
  const bindingFile = (dir: string, name = env) => path.join(dir, '.integrator-io', `${name}.json`);
  const readBindingFile = async (dir: string, name = env) =>
    JSON.parse(await fs.readFile(bindingFile(dir, name), 'utf8')) as BindingFileJson;
  const writes = async () => (await t.requests()).filter((r) => WRITE_METHODS.has(r.method));
  const scriptsHoldingCanary = () =>
    t.sandbox.services.store.list('scripts').filter((s) => typeof s.content === 'string' && s.content.includes(canary));
  const pulled = async (name: string) => {
    const dir = await tempDir(name);
    const run = await runCli(['pull', '--url', url, '--integration', COMMERCE, '--dir', dir]);
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    return dir;
  };
  /** A script file of a pulled folder, folder-relative. */
  const someScript = async (dir: string) => {
    const name = (await fs.readdir(path.join(dir, 'scripts'))).find((n) => n.endsWith('.js'));
    assert.ok(name, 'the integration has a script');
    return `scripts/${name}`;
  };

  before(async () => {
    t = await startTestSandbox();
    url = t.sandbox.baseUrl;
    env = environmentNameOf(url);
    outside = await tempDir('outside');
    canaryFile = path.join(outside, 'canary.txt');
    await fs.writeFile(canaryFile, `module.exports = '${canary}';\n`);
  });
  after(() => t.close());

  it('names every field a connection update changes, with both values, in the plan and its --json', async () => {
    const dir = await pulled('endpoint');
    const file = path.join(dir, 'connections', 'shopify-store.connection.json');
    const pulledText = await fs.readFile(file, 'utf8');
    const write = (doc: unknown) => fs.writeFile(file, JSON.stringify(doc, null, 2));
    const doc = JSON.parse(pulledText) as Record<string, unknown> & { http: Record<string, unknown> };
    const was = doc.http.baseURI as string;
    const NOTE = "A connection's settings decide where its credentials go: check that these changes are meant.";
    // The base URI itself; then what a template in it reads, a data center list, an agent, a
    // dotted key that could pass for a path: each is named, none is missed.
    const attacks: Array<[string, (d: typeof doc) => void, string]> = [
      [
        'base URI',
        (d) => (d.http.baseURI = 'https://collector.example.net/steal'),
        `http.baseURI changes from ${JSON.stringify(was)} to "https://collector.example.net/steal"`,
      ],
      [
        'a value a template reads',
        (d) => (d.settings = { store: 'evil.example/x?' }),
        'settings.store changes from (none) to "evil.example/x?"',
      ],
      [
        'an array of addresses',
        (d) => (d.http.dataCenterURLs = ['https://evil.example']),
        'http.dataCenterURLs[0] changes from (none) to "https://evil.example"',
      ],
      ['an agent', (d) => (d._agentId = '0123456789abcdef01234567'), '_agentId changes from (none) to "0123456789abcdef01234567"'],
      ['a dotted key', (d) => (d['http.auth'] = { type: 'basic' }), '["http.auth"].type changes from (none) to "basic"'],
    ];
    for (const [what, change, said] of attacks) {
      const attacked = JSON.parse(pulledText) as typeof doc;
      change(attacked);
      await write(attacked);
      const plan = await runCli(['plan', '--url', url, '--dir', dir]);
      assert.strictEqual(plan.code, 2, `${what}: ${plan.stdout}${plan.stderr}`);
      assert.ok(plan.stdout.includes(`warning: connections/shopify-store: ${said}\n`), `${what}: ${plan.stdout}`);
      assert.ok(plan.stdout.includes(`warning: ${NOTE}`), what);
    }
    await write({ ...doc, http: { ...doc.http, baseURI: 'https://collector.example.net/steal' } });
    const json = await runCli(['plan', '--url', url, '--dir', dir, '--json']);
    assert.deepStrictEqual((JSON.parse(json.stdout) as { connectionChanges: unknown }).connectionChanges, [
      { key: 'connections/shopify-store', path: 'http.baseURI', from: JSON.stringify(was), to: '"https://collector.example.net/steal"' },
    ]);
    // Its name and its offline switch move nothing: no warning.
    await write({ ...doc, name: 'Shopify Store (renamed)', offline: true });
    const quiet = await runCli(['plan', '--url', url, '--dir', dir]);
    assert.strictEqual(quiet.code, 2, quiet.stdout);
    assert.doesNotMatch(quiet.stdout, /decide where its credentials go/);
  });

  it('never uploads what a script file linked to a file outside the folder points at, in plan, apply or pull-remote', async () => {
    const dir = await pulled('file-link');
    const script = await someScript(dir);
    await fs.rm(path.join(dir, script));
    await fs.symlink(canaryFile, path.join(dir, script));
    assert.ok((await fs.lstat(path.join(dir, script))).isSymbolicLink(), 'the attack is in place');
    assert.match(await fs.readFile(path.join(dir, script), 'utf8'), new RegExp(canary), 'followed, the link would read the canary');

    await t.clearRequests();
    const plan = await runCli(['plan', '--url', url, '--dir', dir]);
    assert.strictEqual(plan.code, 3, plan.stdout + plan.stderr);
    assert.match(plan.stdout, new RegExp(`problem: ${script.replace('.', '\\.')} is a symbolic link`));
    const applied = await runCli(['apply', '--url', url, '--dir', dir, '--yes', '--integration', COMMERCE]);
    assert.strictEqual(applied.code, 3, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /Nothing applied: .*is a symbolic link/);
    const remote = await runCli(['pull-remote', '--url', url, '--dir', dir]);
    assert.strictEqual(remote.code, 3, remote.stdout + remote.stderr);
    assert.match(remote.stderr, /is a symbolic link/);
    assert.deepStrictEqual(await writes(), [], 'nothing was sent to the account');
    assert.deepStrictEqual(scriptsHoldingCanary(), [], 'the canary is in no script of the account');
    assert.match(await fs.readFile(canaryFile, 'utf8'), new RegExp(canary), 'the file outside is untouched');
  });

  it('neither writes through a linked scripts/ folder on pull nor reads it on apply', async () => {
    const target = await tempDir('linked-scripts-target');
    await fs.writeFile(path.join(target, 'keep.txt'), 'kept\n');
    const fresh = await tempDir('folder-link-pull');
    await fs.symlink(target, path.join(fresh, 'scripts'));
    const pulling = await runCli(['pull', '--url', url, '--integration', COMMERCE, '--dir', fresh]);
    assert.strictEqual(pulling.code, 3, pulling.stdout + pulling.stderr);
    assert.match(pulling.stderr, /problem: scripts is a symbolic link/);
    assert.deepStrictEqual(await fs.readdir(target), ['keep.txt'], 'nothing was written through the link');
    assert.deepStrictEqual((await fs.readdir(fresh)).sort(), ['scripts'], 'and nothing else was written either');

    // A pulled folder whose scripts/ a pull request replaced by a link to scripts carrying the canary.
    const dir = await pulled('folder-link-apply');
    const script = await someScript(dir);
    const planted = await tempDir('planted-scripts');
    for (const name of await fs.readdir(path.join(dir, 'scripts')))
      await fs.copyFile(path.join(dir, 'scripts', name), path.join(planted, name));
    await fs.writeFile(path.join(planted, path.basename(script)), await fs.readFile(canaryFile, 'utf8'));
    await fs.rm(path.join(dir, 'scripts'), { recursive: true });
    await fs.symlink(planted, path.join(dir, 'scripts'));
    await t.clearRequests();
    const applied = await runCli(['apply', '--url', url, '--dir', dir, '--yes', '--integration', COMMERCE]);
    assert.strictEqual(applied.code, 3, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /problem: scripts is a symbolic link/);
    assert.deepStrictEqual(await writes(), []);
    assert.deepStrictEqual(scriptsHoldingCanary(), []);
  });

  it('refuses a link in .integrator-io, for the binding file and for the folder itself', async () => {
    const dir = await pulled('bindings-link');
    const copy = path.join(outside, 'bindings-copy.json');
    await fs.copyFile(bindingFile(dir), copy);
    const before = await fs.readFile(copy, 'utf8');
    await fs.rm(bindingFile(dir));
    await fs.symlink(copy, bindingFile(dir));
    const plan = await runCli(['plan', '--url', url, '--dir', dir, '--env', env]);
    assert.strictEqual(plan.code, 3, plan.stdout + plan.stderr);
    assert.match(plan.stdout + plan.stderr, new RegExp(`\\.integrator-io/${env.replace(/\./g, '\\.')}\\.json is a symbolic link`));
    const pulling = await runCli(['pull', '--url', url, '--integration', COMMERCE, '--dir', dir, '--env', env, '--force']);
    assert.strictEqual(pulling.code, 3, pulling.stdout + pulling.stderr);
    assert.strictEqual(await fs.readFile(copy, 'utf8'), before, 'the file outside is untouched');

    const linkedDir = await tempDir('linked-bindings-dir');
    const fresh = await tempDir('bindings-dir-link');
    await fs.symlink(linkedDir, path.join(fresh, '.integrator-io'));
    const again = await runCli(['pull', '--url', url, '--integration', COMMERCE, '--dir', fresh]);
    assert.strictEqual(again.code, 3, again.stdout + again.stderr);
    assert.match(again.stderr, /problem: \.integrator-io is a symbolic link/);
    assert.deepStrictEqual(await fs.readdir(linkedDir), [], 'no binding file was written through the link');
  });

  it('refuses binding keys that are paths, and pull writes and deletes nothing outside the folder', async () => {
    const dir = await pulled('dotdot');
    const victim = path.join(outside, 'victim.flow.json');
    await fs.writeFile(victim, 'outside the folder\n');
    const bindings = await readBindingFile(dir);
    const someId = Object.values(bindings.resources)[0]!.id;
    // Before this fix, pull removed the file of a key the account no longer has: here, a file outside.
    const key = `flows/../${path.relative(dir, outside).split(path.sep).join('/')}/victim`;
    assert.ok(path.resolve(dir, `${key}.flow.json`) === victim, 'the key names the file outside');
    bindings.resources[key] = { id: someId.replace(/.$/, (c) => (c === '0' ? '1' : '0')), hash: 'x' };
    await fs.writeFile(bindingFile(dir), JSON.stringify(bindings, null, 2));

    const pulling = await runCli(['pull', '--url', url, '--integration', COMMERCE, '--dir', dir, '--force']);
    assert.strictEqual(pulling.code, 3, pulling.stdout + pulling.stderr);
    assert.match(pulling.stderr, new RegExp(`\\.integrator-io/.*\\.json binds "flows/\\.\\./\\.\\./.*victim", which is not a logical key`));
    assert.strictEqual(await fs.readFile(victim, 'utf8'), 'outside the folder\n', 'the file outside is still there, unchanged');
    const plan = await runCli(['plan', '--url', url, '--dir', dir]);
    assert.strictEqual(plan.code, 3);
    assert.match(plan.stdout, /not a logical key/);
  });

  describe('bindings that point at another integration', () => {
    let victimId: string;
    let victimBefore: Record<string, unknown>;

    before(async () => {
      const dir = await pulled('owned-ids');
      const own = new Set(Object.values((await readBindingFile(dir)).resources).map((b) => b.id));
      const victim = t.sandbox.services.store.list('exports').find((e) => !own.has(e._id) && typeof e.name === 'string');
      assert.ok(victim, 'the sandbox has an export outside the integration');
      victimId = victim._id;
      victimBefore = structuredClone(victim);
    });

    it('refuses an update through a forged id, naming the binding and the export the account names', async () => {
      const dir = await pulled('forged-update');
      const bindings = await readBindingFile(dir);
      const key = Object.keys(bindings.resources).find((k) => k.startsWith('exports/'))!;
      bindings.resources[key]!.id = victimId;
      await fs.writeFile(bindingFile(dir), JSON.stringify(bindings, null, 2));
      const file = path.join(dir, `${key}.export.json`);
      const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      await fs.writeFile(file, JSON.stringify({ ...doc, description: 'overwritten through a forged binding' }, null, 2));

      await t.clearRequests();
      const plan = await runCli(['plan', '--url', url, '--dir', dir]);
      assert.strictEqual(plan.code, 3, plan.stdout + plan.stderr);
      assert.ok(
        plan.stdout.includes(
          `binds ${key} to ${victimId}, the export "${String(victimBefore.name)}", which is not part of integration "${COMMERCE}"`,
        ),
        plan.stdout,
      );
      const applied = await runCli(['apply', '--url', url, '--dir', dir, '--yes', '--integration', COMMERCE]);
      assert.strictEqual(applied.code, 3, applied.stdout + applied.stderr);
      assert.deepStrictEqual(await writes(), []);
      assert.deepStrictEqual(
        t.sandbox.services.store.get('exports', victimId),
        victimBefore,
        'the other integration’s export is unchanged',
      );
    });

    it('refuses --delete through a forged id: nothing outside the integration is deleted', async () => {
      const dir = await pulled('forged-delete');
      const bindings = await readBindingFile(dir);
      bindings.resources['exports/not-in-the-folder'] = { id: victimId, hash: '0000000000000000' };
      if (typeof victimBefore.lastModified === 'string')
        bindings.resources['exports/not-in-the-folder'].lastModified = victimBefore.lastModified;
      await fs.writeFile(bindingFile(dir), JSON.stringify(bindings, null, 2));
      await t.clearRequests();
      const applied = await runCli(['apply', '--url', url, '--dir', dir, '--yes', '--integration', COMMERCE, '--delete']);
      assert.strictEqual(applied.code, 3, applied.stdout + applied.stderr);
      assert.match(applied.stdout, /binds exports\/not-in-the-folder to .*which is not part of integration/);
      assert.doesNotMatch(applied.stdout, /- delete\s+exports\/not-in-the-folder/);
      assert.deepStrictEqual(await writes(), []);
      assert.ok(t.sandbox.services.store.get('exports', victimId), 'the other integration’s export still exists');
    });

    it('refuses a binding file that points the folder at another integration, and an unattended apply that names none', async () => {
      const dir = await pulled('rebound-integration');
      const store = t.sandbox.services.store;
      const other = store
        .list('integrations')
        .find((i) => i.name !== COMMERCE && store.list('flows').some((f) => f._integrationId === i._id));
      assert.ok(other, 'the sandbox has another integration with flows');
      const otherFlow = store.list('flows').find((f) => f._integrationId === other._id)!;
      const otherExportId = (otherFlow.pageGenerators as { _exportId?: string }[] | undefined)?.find((g) => g._exportId)?._exportId;
      assert.ok(otherExportId, 'its flow has an export');
      const otherExportBefore = structuredClone(store.get('exports', otherExportId));
      const bindings = await readBindingFile(dir);
      const integrationKey = Object.keys(bindings.resources).find((k) => k.startsWith('integrations/'))!;
      const exportKey = Object.keys(bindings.resources).find((k) => k.startsWith('exports/'))!;
      // The pull request's binding file: the folder's integration and one export bound to the other integration's.
      bindings.resources[integrationKey] = { ...bindings.resources[integrationKey]!, id: other._id, hash: 'x' };
      bindings.resources[exportKey] = { ...bindings.resources[exportKey]!, id: otherExportId, hash: 'x' };
      await fs.writeFile(bindingFile(dir), JSON.stringify(bindings, null, 2));
      const file = path.join(dir, `${exportKey}.export.json`);
      const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      await fs.writeFile(file, JSON.stringify({ ...doc, description: 'overwritten through a rebound integration' }, null, 2));

      await t.clearRequests();
      const unnamed = await runCli(['apply', '--url', url, '--dir', dir, '--yes', '--delete']);
      assert.strictEqual(unnamed.code, 1, unnamed.stdout + unnamed.stderr);
      assert.match(unnamed.stderr, /apply --yes needs --integration/);
      const named = await runCli(['apply', '--url', url, '--dir', dir, '--yes', '--delete', '--integration', COMMERCE]);
      assert.strictEqual(named.code, 3, named.stdout + named.stderr);
      assert.ok(
        named.stdout.includes(`binds this folder to the integration "${String(other.name)}" (${String(other._id)}), not to "${COMMERCE}"`),
        named.stdout,
      );
      const plan = await runCli(['plan', '--url', url, '--dir', dir, '--integration', COMMERCE]);
      assert.strictEqual(plan.code, 3, plan.stdout + plan.stderr);
      assert.deepStrictEqual(await writes(), []);
      assert.deepStrictEqual(store.get('exports', otherExportId), otherExportBefore, 'the other integration’s export is unchanged');
      assert.ok(store.get('flows', otherFlow._id), 'the other integration’s flow still exists');
    });

    it('names what an update changes as the account names it', async () => {
      const dir = await pulled('account-name');
      const key = Object.keys((await readBindingFile(dir)).resources).find((k) => k.startsWith('exports/'))!;
      const file = path.join(dir, `${key}.export.json`);
      const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      await fs.writeFile(file, JSON.stringify({ ...doc, name: 'Harmless tidy-up' }, null, 2));
      const plan = await runCli(['plan', '--url', url, '--dir', dir]);
      assert.strictEqual(plan.code, 2, plan.stdout + plan.stderr);
      assert.ok(
        plan.stdout.includes(
          `~ update             ${key} ("${String(doc.name)}"): changed in the folder (renamed to "Harmless tidy-up" in the folder)`,
        ),
        plan.stdout,
      );
      assert.match(plan.stdout, new RegExp(`^Plan for .*, integration "${COMMERCE}" \\(`, 'm'));
    });
  });

  it('prints names with their control characters removed: a flow’s name cannot erase plan lines', async () => {
    const dir = await pulled('control');
    const integrationId = Object.entries((await readBindingFile(dir)).resources).find(([k]) => k.startsWith('integrations/'))![1].id;
    const hostile = 'Nightly\x1b[2K\x1b[1A\r\u009b2K sync\u202e\u2066 \x07done\x7f';
    const flow = await t.client.flows.create({ name: hostile, _integrationId: integrationId, disabled: true });
    assert.strictEqual((await t.client.flows.get(flow._id)).name, hostile, 'the account holds the hostile name');

    const plan = await runCli(['plan', '--url', url, '--dir', dir]);
    assert.strictEqual(plan.code, 0, plan.stdout + plan.stderr);
    assert.doesNotMatch(
      plan.stdout,
      // eslint-disable-next-line no-control-regex -- the characters that must not be printed
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
      'no control character reaches the terminal',
    );
    assert.match(plan.stdout, /< remote change\s+flows\/\S+ \("Nightly sync done"\): added in the account/);
    const lines = plan.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^Plan for /, 'the header is still the first line');
    assert.match(lines.at(-1)!, /changed in the account/, 'the summary is the last line');
    await t.client.flows.delete(flow._id);
  });

  it('names files so that Windows can open them: no device names, no trailing dots or spaces', async () => {
    const dir = await pulled('devices-base');
    const integrationId = Object.entries((await readBindingFile(dir)).resources).find(([k]) => k.startsWith('integrations/'))![1].id;
    const created: string[] = [];
    for (const name of ['CON', 'nul', 'Com1', 'LPT9. ', 'aux.']) {
      created.push((await t.client.flows.create({ name, _integrationId: integrationId, disabled: true }))._id);
    }
    const fresh = await tempDir('devices');
    const run = await runCli(['pull', '--url', url, '--integration', COMMERCE, '--dir', fresh]);
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    const flows = await fs.readdir(path.join(fresh, 'flows'));
    for (const slug of ['con-1', 'nul-1', 'com1-1', 'lpt9-1', 'aux-1'])
      assert.ok(flows.includes(`${slug}.flow.json`), `${slug} in ${flows.join(', ')}`);
    for (const name of flows) {
      assert.doesNotMatch(name.split('.')[0]!, /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i, name);
      assert.doesNotMatch(name, /[. ]$/, name);
    }
    assert.strictEqual(slugify('PRN'), 'prn-1');
    for (const id of created) await t.client.flows.delete(id);
  });

  describe('one rule for binding names in VS Code and the CLI', () => {
    const sandboxEnv = (name: string): EnvironmentInfo => ({ id: `env-${name}`, name, production: false, kind: 'account' });

    it('a folder pulled by the CLI is planned by VS Code’s Source Control with nothing to do', async () => {
      const dir = await pulled('cli-then-vscode');
      const vscodeEnv = sandboxEnv('Local Sandbox');
      // The name Source Control and the extension's commands compare the folder under (integrationSourceControl.ts).
      const name = bindingNameIn(dir, vscodeEnv, url, [vscodeEnv]);
      assert.strictEqual(name, env, 'the CLI’s binding file, found by its base URL');
      const { plan } = await makePlan({ client: t.client, baseUrl: url, environment: name, dir });
      assert.strictEqual(planExitCode(plan), 0, JSON.stringify(plan.items.filter((i) => i.action !== 'unchanged')));
      assert.ok(plan.items.length > 10 && plan.items.every((i) => i.action === 'unchanged'));
    });

    it('a folder pulled in VS Code is planned by the CLI with nothing to do, and --env is asked for when two files match', async () => {
      const dir = await tempDir('vscode-then-cli');
      const vscodeEnv = sandboxEnv('Acme Dev');
      // The extension's pull (folderCommands.ts) names the binding file this way.
      await pull({
        client: t.client,
        baseUrl: url,
        environment: bindingNameIn(dir, vscodeEnv, url, [vscodeEnv]),
        integration: COMMERCE,
        dir,
      });
      assert.deepStrictEqual(await fs.readdir(path.join(dir, '.integrator-io')), ['acme-dev.json']);

      const integrationsBefore = t.sandbox.services.store.list('integrations').length;
      const plan = await runCli(['plan', '--url', url, '--dir', dir]);
      assert.strictEqual(plan.code, 0, plan.stdout + plan.stderr);
      assert.match(plan.stdout, /^Plan for acme-dev .*\n {2}nothing to do/);
      const applied = await runCli(['apply', '--url', url, '--dir', dir, '--yes', '--integration', COMMERCE]);
      assert.strictEqual(applied.code, 0, applied.stdout + applied.stderr);
      assert.match(applied.stdout, /0 applied\./);
      assert.strictEqual(t.sandbox.services.store.list('integrations').length, integrationsBefore, 'no second integration');

      await fs.copyFile(path.join(dir, '.integrator-io', 'acme-dev.json'), path.join(dir, '.integrator-io', 'acme-staging.json'));
      const ambiguous = await runCli(['plan', '--url', url, '--dir', dir]);
      assert.strictEqual(ambiguous.code, 1, ambiguous.stdout + ambiguous.stderr);
      assert.match(ambiguous.stderr, /2 binding files record .* \(acme-dev, acme-staging\): name one with --env/);
      assert.strictEqual((await runCli(['plan', '--url', url, '--dir', dir, '--env', 'acme-staging'])).code, 0);
    });
  });
});
