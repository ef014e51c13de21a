/**
 * The one table of resource kinds (src/model/resourceKinds.ts) and what must agree with it: the
 * sandbox serves every kind under the same collection and names it with the same word, each
 * schema it names exists and package.json attaches it to the kind's files, and integration as
 * code orders every kind once.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { IAC_KINDS, jsonFileOf, keyOfFile } from '../../src/iac/layout';
import { ALL_KINDS, documentSuffix, isResourceKind, RESOURCE_KINDS } from '../../src/model/resourceKinds';
import { SANDBOX_KINDS, SINGULAR } from '../../src/sandbox/kinds';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const ROOT = path.join(__dirname, '../../..');

describe('the table of resource kinds', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(() => t.close());

  it('the sandbox serves every kind of the table, through the table’s collection', async () => {
    for (const info of Object.values(RESOURCE_KINDS)) {
      const { kind } = info;
      assert.ok(
        SANDBOX_KINDS.some((k) => k === kind),
        `the sandbox lists ${kind}`,
      );
      const listed = await info.collection(t.client).listAll({ include: ['name'] });
      assert.ok(listed.length > 0, `the demo account has ${kind}`);
    }
  });

  it('the sandbox names each kind, in audit entries, with the word of its files', () => {
    for (const { kind, fileSuffix } of Object.values(RESOURCE_KINDS)) {
      const sandboxKind = SANDBOX_KINDS.find((k) => k === kind);
      assert.strictEqual(sandboxKind && SINGULAR[sandboxKind], fileSuffix, kind);
    }
  });

  it('every schema it names exists, and package.json attaches exactly those to the kinds’ files', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation: { fileMatch: string; url: string }[] };
    };
    const attached = manifest.contributes.jsonValidation.map((v) => `${v.fileMatch} → ${v.url}`).sort();
    const expected = Object.values(RESOURCE_KINDS)
      .filter((info) => info.schema)
      .map(({ fileSuffix, schema }) => `*.${fileSuffix}.json → ./media/schemas/${schema}`)
      .sort();
    assert.deepStrictEqual(attached, expected);
    for (const { schema } of Object.values(RESOURCE_KINDS))
      if (schema) assert.ok(fs.existsSync(path.join(ROOT, 'media/schemas', schema)), schema);
  });

  it('a document and a pulled folder’s file of a kind end the same way (scripts: code in the document)', () => {
    for (const kind of ALL_KINDS) {
      const key = `${kind}/orders`;
      assert.strictEqual(keyOfFile(jsonFileOf(key)), key, kind);
      if (kind !== 'scripts') assert.ok(jsonFileOf(key).endsWith(documentSuffix(kind)), kind);
    }
    assert.strictEqual(documentSuffix('scripts'), '.js');
  });

  it('integration as code orders every kind once', () => {
    assert.deepStrictEqual([...IAC_KINDS].sort(), [...ALL_KINDS].sort());
  });

  it('knows a kind only by its own name', () => {
    assert.ok(ALL_KINDS.every(isResourceKind));
    for (const text of ['__proto__', 'constructor', 'toString', 'Exports', 'export', 'apis', '', undefined, 3])
      assert.strictEqual(isResourceKind(text), false, String(text));
  });
});
