/**
 * A folder document is hostile input, and JSON.parse keeps a `__proto__` key as an own field.
 * Every copy the engine makes of a document keeps it as data: a copy that turned it into the
 * object's prototype would leave it out of the hash a plan compares and out of what an apply
 * sends, while still answering property reads.
 */
import * as assert from 'assert';
import { JsonObject } from '../../src/api/types';
import { canonicalJson, contentHash } from '../../src/iac/canonical';
import { toFolderDocument } from '../../src/iac/folderForm';
import { idsToKeys, keysToIds, mapReferences } from '../../src/iac/references';

const parsed = (text: string) => JSON.parse(text) as JsonObject;
const HOSTILE = '{"name": "n", "__proto__": {"_connectionId": "connections/a", "polluted": true}}';

function assertKeptAsData(copy: JsonObject, what: string): void {
  assert.strictEqual(Object.getPrototypeOf(copy), Object.prototype, `${what}: the prototype is untouched`);
  assert.ok(Object.hasOwn(copy, '__proto__'), `${what}: __proto__ is an own field`);
  assert.strictEqual((copy as { polluted?: unknown }).polluted, undefined, `${what}: nothing is inherited from it`);
}

describe('a __proto__ key in a folder document', () => {
  it('is written and hashed as data by the canonical form', () => {
    const doc = parsed(HOSTILE);
    const json = canonicalJson(doc);
    assert.match(json, /"__proto__": \{/);
    assert.deepStrictEqual(JSON.parse(json), doc);
    assert.notStrictEqual(contentHash(json), contentHash(canonicalJson(parsed('{"name": "n"}'))), 'the hash sees it');
  });

  it('is copied as data when references are rewritten, and its references with it', () => {
    assertKeptAsData(
      mapReferences(parsed(HOSTILE), () => undefined),
      'mapReferences',
    );
    const { doc, unbound } = keysToIds(parsed(HOSTILE), (key) => (key === 'connections/a' ? 'a'.repeat(24) : undefined));
    assertKeptAsData(doc, 'keysToIds');
    assert.deepStrictEqual(unbound, []);
    assert.strictEqual(JSON.stringify(doc), `{"name":"n","__proto__":{"_connectionId":"${'a'.repeat(24)}","polluted":true}}`);
    assertKeptAsData(idsToKeys(parsed(HOSTILE), new Map()), 'idsToKeys');
  });

  it('is kept as data in the folder form of an account document', () => {
    assertKeptAsData(toFolderDocument('exports', parsed(HOSTILE)), 'toFolderDocument');
  });
});
