/**
 * The sandbox runs inside the extension host, which every installed extension shares, so a
 * request must never reach `Object.prototype`. Property-based: arbitrary paths (prototype
 * segments mixed in) and documents are thrown at every path helper, JSON Patch, projections and
 * both mappers. Then the requests an outside review used, over HTTP; bad input gets a 4xx,
 * never a 500; a failed write changes nothing; the data file is private.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IntegratorApiError } from '../../src/api';
import { SandboxError } from '../../src/sandbox/apiError';
import { deletePath, getPath, JsonObject, setPath } from '../../src/sandbox/json';
import { applyPatch } from '../../src/sandbox/jsonPatch';
import { project } from '../../src/sandbox/listing';
import { mapRecords } from '../../src/sandbox/mapping';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

/** What Object.prototype holds now, to compare after the fact. */
function prototypeSnapshot(): Map<string, unknown> {
  return new Map(
    Object.getOwnPropertyNames(Object.prototype).map((name) => [name, Object.getOwnPropertyDescriptor(Object.prototype, name)?.value]),
  );
}

function assertPrototypeUnchanged(before: Map<string, unknown>): void {
  const after = prototypeSnapshot();
  assert.deepStrictEqual([...after.keys()].sort(), [...before.keys()].sort(), 'Object.prototype gained or lost properties');
  for (const [name, value] of before) assert.strictEqual(after.get(name), value, `Object.prototype.${name} was replaced`);
  assert.strictEqual(({} as Record<string, unknown>).x, undefined);
}

/** Runs `action`; a SandboxError with a 4xx is an acceptable answer, anything else is not. */
function refusedOrDone(action: () => unknown): void {
  try {
    action();
  } catch (err) {
    if (err instanceof SandboxError && err.status >= 400 && err.status < 500) return;
    throw err;
  }
}

const segment = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'a', 'hasOwnProperty', 'toString', 'x'),
  fc.nat(3).map(String),
  fc.string({ maxLength: 6 }),
);
const dotPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
const pointer = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => '/' + parts.join('/'));
/** Documents that may carry `__proto__` as an own key, as JSON.parse makes them. */
const document = fc
  .jsonValue({ maxDepth: 3 })
  .chain((value) =>
    fc.constantFrom(value, JSON.parse(`{"__proto__": {"polluted": true}, "name": "n", "a": ${JSON.stringify(value ?? null)}}`)),
  )
  .map((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : { value }));

describe('sandbox safety', () => {
  it('no path, patch, projection or mapping reaches Object.prototype (property-based)', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(document, dotPath, dotPath, pointer, fc.jsonValue({ maxDepth: 2 }), (original, path1, path2, ptr, value) => {
        // Each helper gets its own copy, as each request parses its own body.
        const text = JSON.stringify(original);
        const doc = () => JSON.parse(text) as JsonObject;
        refusedOrDone(() => getPath(doc(), path1));
        refusedOrDone(() => setPath(doc(), path1, value));
        refusedOrDone(() => deletePath(doc(), path2));
        refusedOrDone(() => applyPatch(doc(), [{ op: 'add', path: ptr, value }]));
        refusedOrDone(() => applyPatch(doc(), [{ op: 'copy', from: ptr, path: '/a' }]));
        refusedOrDone(() => applyPatch(doc(), [{ op: 'remove', path: ptr }]));
        refusedOrDone(() => project(doc(), { include: [path1] }));
        refusedOrDone(() => project(doc(), { exclude: [path2] }));
        refusedOrDone(() => mapRecords({ mappings: [{ generate: path1, extract: `$.${path2}`, status: 'Active' }] }, [doc()], 422));
        refusedOrDone(() => mapRecords({ mapping: { fields: [{ generate: path1, extract: path2 }] } }, [doc()], 422));
        assertPrototypeUnchanged(before);
      }),
      { numRuns: 400 },
    );
  });

  describe('over HTTP', () => {
    let t: TestSandbox;
    let dataDir: string;
    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-safety-'));
      t = await startTestSandbox({ dataFile: path.join(dataDir, 'account.json') });
    });
    after(async () => {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    async function status(
      request: Parameters<TestSandbox['client']['transport']['request']>[0],
    ): Promise<{ status: number; body: unknown }> {
      try {
        const answer = await t.clientWith({ maxRetries: 0 }).transport.request(request);
        return { status: answer.status, body: answer.body };
      } catch (err) {
        if (err instanceof IntegratorApiError) return { status: err.status, body: err.errors };
        throw err;
      }
    }

    it('refuses prototype paths with a 400 and keeps answering normally', async () => {
      const before = prototypeSnapshot();
      const integration = (await t.client.integrations.listAll())[0]!;
      const flow = (await t.client.flows.listAll())[0]!;
      await t.client.integrations.update(integration._id, {
        ...(await t.client.integrations.get(integration._id)),
        ...(JSON.parse('{"__proto__": {"x": "polluted"}}') as JsonObject),
      });
      assert.strictEqual((await status({ path: '/integrations', query: { include: '__proto__.x' } })).status, 400);
      assert.strictEqual((await status({ path: '/flows', query: { exclude: '__proto__.hasOwnProperty' } })).status, 400);
      const patched = await status({
        method: 'PATCH',
        path: `/flows/${flow._id}`,
        body: [{ op: 'add', path: '/name/__proto__/text', value: 'owned' }],
      });
      assert.strictEqual(patched.status, 400);
      const imp = await t.client.imports.get((await t.client.imports.listAll())[0]!._id);
      const map = (mapping: JsonObject) =>
        status({
          method: 'POST',
          path: `/connections/${imp._connectionId as string}/import/map`,
          body: { import: { ...imp, mappings: undefined, mapping: undefined, ...mapping }, data: [{ id: 1 }] },
        });
      // Mapper 1.0 walks dotted paths: refused. Mapper 2.0's generate is one field name: written as an own key.
      const v1 = await map({ mapping: { fields: [{ generate: '__proto__.x', extract: 'id' }] } });
      assert.strictEqual(v1.status, 400, JSON.stringify(v1.body));
      const v2 = await map({ mappings: [{ generate: '__proto__', extract: '$.id', status: 'Active' }] });
      assert.strictEqual(v2.status, 400, JSON.stringify(v2.body));
      assertPrototypeUnchanged(before);
      // Every later request still answers as before: lists, and a 401 for a wrong token.
      assert.ok((await t.client.flows.listAll()).length > 0);
      const unauthorised = await fetch(`${t.sandbox.baseUrl}/flows`, { headers: { Authorization: 'Bearer wrong' } });
      assert.strictEqual(unauthorised.status, 401);
      assert.match(await unauthorised.text(), /unauthorized/);
    });

    it('answers bad dates and state keys with a 4xx, never a 500', async () => {
      for (const [request, expected] of [
        [{ path: '/audit', query: { from: 'garbage' } }, 400],
        [{ path: '/jobs', query: { createdAt_lte: 'not-a-date' } }, 400],
        [{ method: 'PUT', path: '/state/__proto__', body: { a: 1 } }, 400],
        [{ method: 'PUT', path: '/state/constructor', body: { a: 1 } }, 400],
        [{ path: '/state/toString' }, 404],
      ] as const) {
        const answer = await status(request);
        assert.strictEqual(answer.status, expected, `${JSON.stringify(request)} → ${answer.status}`);
      }
    });

    it('a write whose commit fails changes nothing, and no audit entry is left', async () => {
      const exp = (await t.client.exports.listAll())[0]!;
      const before = await t.client.exports.get(exp._id);
      const auditBefore = t.sandbox.services.store.data.audit.length;
      // A directory where the data file should be: the next write's rename fails (root ignores
      // permission bits, so a read-only folder would not do).
      const file = path.join(dataDir, 'account.json');
      fs.renameSync(file, `${file}.aside`);
      fs.mkdirSync(file);
      try {
        const answer = await status({ method: 'PUT', path: `/exports/${exp._id}`, body: { ...before, name: 'Never stored' } });
        assert.strictEqual(answer.status, 500);
      } finally {
        fs.rmdirSync(file);
        fs.renameSync(`${file}.aside`, file);
      }
      assert.strictEqual((await t.client.exports.get(exp._id)).name, before.name);
      assert.strictEqual(t.sandbox.services.store.data.audit.length, auditBefore);
      assert.deepStrictEqual(
        fs.readdirSync(dataDir).filter((n) => n.endsWith('.tmp')),
        [],
        'no temporary file is left behind',
      );
    });

    it('keeps the data file readable by its owner only, and clears stale temporary files on load', async () => {
      const file = path.join(dataDir, 'account.json');
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
      const stale = `${file}.999999.1.tmp`;
      fs.writeFileSync(stale, '{}');
      const second = await startTestSandbox({ dataFile: path.join(dataDir, 'account.json') });
      await second.close();
      assert.ok(!fs.existsSync(stale));
    });
  });
});
