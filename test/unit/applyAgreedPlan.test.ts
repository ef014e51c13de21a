/**
 * An apply writes only the plan a person agreed to: when the folder changes between the plan
 * shown and the apply (a git pull, a checkout, another tool) in a way the plan's actions do not
 * show, such as a connection's base URI, nothing is written. Against a real sandbox, with its
 * store as the witness of what reached the account.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { apply } from '../../src/iac/apply';
import { environmentNameOf, readBindings } from '../../src/iac/bindings';
import { makePlan } from '../../src/iac/plan';
import { pull } from '../../src/iac/pull';
import { main } from '../../src/cli/main';
import { CliIo } from '../../src/cli/io';
import { startTestSandbox, TestSandbox, TEST_TOKEN } from '../support/sandbox';

const COMMERCE = 'Shopify - NetSuite Order Sync';
const CHANGED_SINCE = /the folder or the account changed since the plan was shown: plan again/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Pulled {
  dir: string;
  file: string;
  /** The connection's id in the sandbox. */
  id: string;
  doc: Record<string, unknown> & { http: Record<string, unknown> };
}

describe('apply applies only the plan agreed to', () => {
  let t: TestSandbox;
  let env: string;
  const common = (dir: string) => ({ client: t.client, baseUrl: t.sandbox.baseUrl, environment: env, dir });
  const storedBaseUri = (id: string) => {
    const http = t.sandbox.services.store.list('connections').find((c) => c._id === id)?.http;
    return (http as { baseURI?: unknown } | undefined)?.baseURI;
  };
  const writes = async () => (await t.requests()).filter((r) => WRITE_METHODS.has(r.method));

  before(async () => {
    t = await startTestSandbox();
    env = environmentNameOf(t.sandbox.baseUrl);
  });
  after(() => t.close());

  /** A fresh pull, and the Shopify connection's file in it (named after the connection, which a test may have renamed). */
  async function pulledConnection(name: string): Promise<Pulled> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), `iac-agreed-${name}-`));
    await pull({ ...common(dir), integration: COMMERCE });
    const fileName = (await fs.readdir(path.join(dir, 'connections'))).find((f) => f.startsWith('shopify-store'));
    assert.ok(fileName, 'the pull wrote the Shopify connection');
    const file = path.join(dir, 'connections', fileName);
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Pulled['doc'];
    const key = `connections/${fileName.replace(/\.connection\.json$/, '')}`;
    const id = (await readBindings(dir, env, t.sandbox.baseUrl)).resources[key]?.id;
    assert.ok(id, `${key} is bound`);
    return { dir, file, id, doc };
  }

  const write = (file: string, doc: unknown) => fs.writeFile(file, JSON.stringify(doc, null, 2));

  it("refuses when a connection's base URI changed after the plan shown, which named only its rename", async () => {
    const { dir, file, id, doc } = await pulledConnection('toctou');
    const before = storedBaseUri(id);
    await write(file, { ...doc, name: 'Shopify Store (renamed)' });
    const { plan: agreed } = await makePlan(common(dir));
    assert.deepStrictEqual(agreed.connectionChanges, [], 'the plan agreed to changes no connection setting');
    await write(file, { ...doc, name: 'Shopify Store (renamed)', http: { ...doc.http, baseURI: 'https://collector.example.net/steal' } });
    await t.clearRequests();
    const report = await apply({ ...common(dir), expected: agreed });
    assert.match(report.refused ?? '', CHANGED_SINCE);
    assert.deepStrictEqual(report.applied, []);
    assert.deepStrictEqual(await writes(), [], 'nothing reached the account');
    assert.strictEqual(storedBaseUri(id), before);
  });

  it('refuses when an update agreed to would now write other content, and applies it once planned again', async () => {
    const { dir, file, id, doc } = await pulledConnection('content');
    await write(file, { ...doc, name: 'Shopify Store (agreed)' });
    const { plan: agreed } = await makePlan(common(dir));
    await write(file, { ...doc, name: 'Shopify Store (not shown)' });
    const refused = await apply({ ...common(dir), expected: agreed });
    assert.match(refused.refused ?? '', CHANGED_SINCE);
    assert.notStrictEqual(t.sandbox.services.store.list('connections').find((c) => c._id === id)?.name, 'Shopify Store (not shown)');

    const { plan: seen } = await makePlan(common(dir));
    const applied = await apply({ ...common(dir), expected: seen });
    assert.strictEqual(applied.refused, undefined);
    assert.strictEqual(t.sandbox.services.store.list('connections').find((c) => c._id === id)?.name, 'Shopify Store (not shown)');
  });

  it('the CLI refuses (exit 3) when the folder changed while its [y/N] question waited', async () => {
    const { dir, file, id, doc } = await pulledConnection('cli');
    const before = storedBaseUri(id);
    await write(file, { ...doc, name: 'Shopify Store (cli)' });
    const shown: string[] = [];
    const io: CliIo = {
      out: (s) => shown.push(s),
      err: (s) => shown.push(s),
      env: { INTEGRATOR_IO_TOKEN: TEST_TOKEN },
      ask: async () => {
        await write(file, { ...doc, name: 'Shopify Store (cli)', http: { ...doc.http, baseURI: 'https://cli.example.net/steal' } });
        return 'y';
      },
    };
    const code = await main(['apply', '--url', t.sandbox.baseUrl, '--dir', dir, '--env', env], io);
    assert.strictEqual(code, 3, shown.join('\n'));
    assert.match(shown.join('\n'), CHANGED_SINCE);
    assert.strictEqual(storedBaseUri(id), before);
  });
});
