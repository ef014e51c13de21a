/**
 * Secrets as the real API treats them: masked on every read; a field sent back as exactly
 * "******" keeps the stored secret (PUT, JSON Patch, sub-resource PUT); a mask where nothing is
 * stored is a 422 naming the field. And the sandbox's list of secret fields is the schemas' list.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { IntegratorApiError } from '../../src/api';
import { JsonObject } from '../../src/api/types';
import { SECRET_MASK, SECRET_PATHS } from '../../src/sandbox/kinds';
import { masksWithoutSecret } from '../../src/documents/documentText';
import { RESOURCE_KINDS } from '../../src/model/resourceKinds';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const SCHEMAS = path.join(__dirname, '../../../media/schemas');

/** Dot paths of every property a schema marks `writeOnly` (the JSON Schema word for a secret). */
function writeOnlyPaths(schema: unknown, prefix = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as { properties?: Record<string, unknown>; writeOnly?: boolean };
  const found: string[] = node.writeOnly && prefix ? [prefix] : [];
  for (const [key, child] of Object.entries(node.properties ?? {})) found.push(...writeOnlyPaths(child, prefix ? `${prefix}.${key}` : key));
  return found;
}

async function refusal(promise: Promise<unknown>): Promise<IntegratorApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof IntegratorApiError) return err;
    throw err;
  }
  assert.fail('expected the API to refuse');
}

describe('secrets', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(() => t.close());
  const connection = async (name: string) => (await t.client.connections.listAll()).find((c) => c.name === name)!;

  it('the sandbox masks exactly the fields the schemas mark writeOnly', () => {
    for (const { kind, schema } of Object.values(RESOURCE_KINDS)) {
      if (!schema) continue;
      const fromSchema = writeOnlyPaths(JSON.parse(fs.readFileSync(path.join(SCHEMAS, schema), 'utf8'))).sort();
      assert.deepStrictEqual(fromSchema, [...(SECRET_PATHS[kind] ?? [])].sort(), `${kind}: schema writeOnly fields vs SECRET_PATHS`);
    }
  });

  it('masks OAuth tokens as recorded real payloads do', async () => {
    const salesforce = (await connection('Salesforce')).salesforce as JsonObject;
    assert.strictEqual(salesforce.bearerToken, SECRET_MASK);
    assert.strictEqual(salesforce.refreshToken, SECRET_MASK);
    assert.strictEqual(salesforce.packagedOAuth, true, 'other fields stay readable');
  });

  it('a PUT of the fetched document with its masks keeps the stored secret', async () => {
    const sftp = await connection('Bank SFTP');
    const before = await t.client.connectionActions.ping(sftp._id);
    assert.strictEqual(before.ok, false, 'the demo SFTP connection has an expired password');
    const fetched = await t.client.connections.get(sftp._id);
    assert.strictEqual((fetched.ftp as JsonObject).password, SECRET_MASK);
    await t.client.connections.update(sftp._id, { ...fetched, name: 'Bank SFTP (renamed)' });
    const after = await t.client.connectionActions.ping(sftp._id);
    assert.deepStrictEqual(after, before, 'the ping still uses the stored (expired) password');
    const audit = await t.client.transport.request<{ fieldChanges: { fieldPath: string }[] }[]>({ path: `/connections/${sftp._id}/audit` });
    assert.deepStrictEqual(
      audit.body[0]!.fieldChanges.map((c) => c.fieldPath),
      ['name'],
      'only the name changed',
    );
  });

  it('a new value replaces the secret, and is masked again on read', async () => {
    const sftp = await connection('Bank SFTP (renamed)');
    const fetched = await t.client.connections.get(sftp._id);
    await t.client.connections.update(sftp._id, { ...fetched, ftp: { ...(fetched.ftp as JsonObject), password: 'fresh-password' } });
    assert.deepStrictEqual(await t.client.connectionActions.ping(sftp._id), { ok: true });
    assert.strictEqual(((await t.client.connections.get(sftp._id)).ftp as JsonObject).password, SECRET_MASK);
  });

  it('an OAuth connection edited with its masks untouched keeps both tokens', async () => {
    const sf = await connection('Salesforce');
    const fetched = await t.client.connections.get(sf._id);
    await t.client.connections.update(sf._id, { ...fetched, name: 'Salesforce (edited)' });
    const stored = t.sandbox.services.store.get('connections', sf._id)!.salesforce as JsonObject;
    assert.strictEqual(stored.bearerToken, 'sf-access-demo');
    assert.strictEqual(stored.refreshToken, 'sf-refresh-demo');
  });

  it('the distributed config of an export keeps its masked bearer token', async () => {
    const exp = (await t.client.exports.listAll())[0]!;
    await t.client.transport.request({ method: 'PUT', path: `/exports/${exp._id}/distributed`, body: { bearerToken: 'dist-secret' } });
    const read = await t.client.transport.request<JsonObject>({ path: `/exports/${exp._id}/distributed` });
    assert.strictEqual(read.body.bearerToken, SECRET_MASK);
    await t.client.transport.request({ method: 'PUT', path: `/exports/${exp._id}/distributed`, body: { ...read.body, disabled: true } });
    const stored = t.sandbox.services.store.get('exports', exp._id)!.distributed as JsonObject;
    assert.strictEqual(stored.bearerToken, 'dist-secret');
    assert.strictEqual(stored.disabled, true);
  });

  it('creating with a mask is a 422 that names the field, and creates nothing', async () => {
    const count = (await t.client.connections.listAll()).length;
    const err = await refusal(
      t.client.connections.create({ name: 'Copied', type: 'ftp', ftp: { type: 'sftp', hostURI: 'h.example.com', password: SECRET_MASK } }),
    );
    assert.strictEqual(err.status, 422);
    assert.ok(
      err.errors.some((e) => e.field === 'ftp.password' && /no stored secret/.test(e.message)),
      JSON.stringify(err.errors),
    );
    assert.strictEqual((await t.client.connections.listAll()).length, count);
  });

  it('a mask in a field that had no secret is a 422 on update too', async () => {
    const sf = await connection('Salesforce (edited)');
    const fetched = await t.client.connections.get(sf._id);
    const err = await refusal(t.client.connections.update(sf._id, { ...fetched, rest: { bearerToken: SECRET_MASK } }));
    assert.strictEqual(err.status, 422);
    assert.deepStrictEqual(
      err.errors.map((e) => e.field),
      ['rest.bearerToken'],
    );
    assert.strictEqual((await t.client.connections.get(sf._id)).name, 'Salesforce (edited)');
  });
});

describe('which masks a document may send back', () => {
  const opened = { name: 'c', ftp: { password: SECRET_MASK }, rest: { bearerToken: SECRET_MASK } };
  it('an existing resource: only masks that were not there when it was opened', () => {
    assert.deepStrictEqual(masksWithoutSecret({ ...opened, name: 'renamed' }, opened), []);
    assert.deepStrictEqual(masksWithoutSecret({ ...opened, http: { encrypted: SECRET_MASK } }, opened), ['http.encrypted']);
  });
  it('a new resource: every mask', () => {
    assert.deepStrictEqual(masksWithoutSecret(opened, undefined), ['ftp.password', 'rest.bearerToken']);
  });
});
