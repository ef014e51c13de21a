/**
 * The sandbox as its own process and as a file: the command line, loopback binding, clean stop
 * on SIGTERM, atomic persistence and reload.
 */
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IntegratorClient } from '../../src/api';
import { startSandbox } from '../../src/sandbox';
import { TEST_TOKEN } from '../support/sandbox';

const SANDBOX_JS = path.join(__dirname, '../../../dist/sandbox.js');

/** Starts dist/sandbox.js and resolves with its printed base URL. */
function spawnSandbox(args: string[]): Promise<{ child: ChildProcess; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SANDBOX_JS, '--port', '0', '--token', TEST_TOKEN, '--quiet', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^(http:\/\/\S+)\n/.exec(out);
      if (line) resolve({ child, baseUrl: line[1]! });
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${err}`)));
  });
}

/** The sandbox's data file, as the sandbox writes it. */
function readAccount(file: string): { resources: Record<string, { _id: string }[]> } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { resources: Record<string, { _id: string }[]> };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('sandbox process and data file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints its loopback base URL, serves the API, and stops cleanly on SIGTERM', async () => {
    assert.ok(fs.existsSync(SANDBOX_JS), 'run `npm run build` first');
    const { child, baseUrl } = await spawnSandbox(['--seed', 'empty']);
    assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const client = new IntegratorClient({ baseUrl, token: TEST_TOKEN });
    assert.deepStrictEqual(await client.integrations.listAll(), []);
    client.dispose();
    const exited = exitOf(child);
    child.kill('SIGTERM');
    assert.strictEqual(await exited, 0);
  });

  it('keeps the account in its data file across restarts', async () => {
    const dataFile = path.join(dir, 'account.json');
    const first = await spawnSandbox(['--data', dataFile, '--seed', 'demo']);
    const client = new IntegratorClient({ baseUrl: first.baseUrl, token: TEST_TOKEN });
    const created = await client.integrations.create({ name: 'Survives a restart' });
    client.dispose();
    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    await exited;
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary file left behind');
    const saved = readAccount(dataFile);
    assert.ok(saved.resources.integrations!.some((i) => i._id === created._id));

    const second = await spawnSandbox(['--data', dataFile]);
    const again = new IntegratorClient({ baseUrl: second.baseUrl, token: TEST_TOKEN });
    assert.strictEqual((await again.integrations.get(created._id)).name, 'Survives a restart');
    assert.ok((await again.flows.listAll()).length >= 8, 'the seeded account came back, not a new seed');
    again.dispose();
    second.child.kill('SIGTERM');
    await exitOf(second.child);
  });

  it('has every acknowledged write on disk, even when killed without warning', async () => {
    const dataFile = path.join(dir, 'account.json');
    const { child, baseUrl } = await spawnSandbox(['--data', dataFile, '--seed', 'empty']);
    const client = new IntegratorClient({ baseUrl, token: TEST_TOKEN });
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.scripts.create({ name: `Script ${i}`, content: '// x' }).then((s) => s._id)),
    );
    client.dispose();
    const exited = exitOf(child);
    child.kill('SIGKILL');
    await exited;
    const saved = readAccount(dataFile);
    const onDisk = new Set(saved.resources.scripts!.map((s) => s._id));
    assert.ok(
      ids.every((id) => onDisk.has(id)),
      'an acknowledged create is missing from the file',
    );
  });

  it('refuses to start without a token, with the usage text', async () => {
    const child = spawn(process.execPath, [SANDBOX_JS, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, INTEGRATOR_SANDBOX_TOKEN: '' },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    assert.strictEqual(await exitOf(child), 2);
    assert.match(err, /A token is required/);
    assert.match(err, /Usage:/);
  });

  it('starts in-process on a free port bound to 127.0.0.1', async () => {
    const sandbox = await startSandbox({ token: TEST_TOKEN, seed: 'large:250' });
    try {
      assert.match(sandbox.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TEST_TOKEN });
      const flows = await client.flows.listAll({ limit: 100 });
      assert.strictEqual(flows.length, 250);
      assert.strictEqual((await client.exports.listAll()).length, 250);
      assert.strictEqual((await client.imports.listAll()).length, 250);
      assert.strictEqual((await client.connections.listAll()).length, 250);
      client.dispose();
    } finally {
      await sandbox.close();
    }
  });
});
