/** The engine's pure parts: keys from names, references in every place they hide, the apply order, and what an apply acts on. */
import * as assert from 'assert';
import { canonicalJson } from '../../src/iac/canonical';
import { dependencyOrder } from '../../src/iac/dependencyOrder';
import { mergeForUpdate, toFolderDocument } from '../../src/iac/folderForm';
import { assignKeys, slugify } from '../../src/iac/keys';
import { Plan } from '../../src/iac/plan';
import { effectOf, PlanAction, PlanItem } from '../../src/iac/planItem';
import { idsToKeys, keysToIds, referencedKeys } from '../../src/iac/references';
import { appliedCount, changeCount } from '../../src/iac/report';

const id = (n: number) => n.toString(16).padStart(24, 'a');

describe('integration as code: keys, references and order', () => {
  it('makes readable keys, and resolves collisions by id order, keeping keys already bound', () => {
    assert.strictEqual(slugify('Shopify - Get Orders'), 'shopify-get-orders');
    assert.strictEqual(slugify('Café  Crème / Ünïcode!'), 'cafe-creme-unicode');
    assert.strictEqual(slugify('***'), 'unnamed');
    const resources = [
      { kind: 'exports' as const, id: id(3), name: 'Get Orders' },
      { kind: 'exports' as const, id: id(1), name: 'Get Orders' },
      { kind: 'exports' as const, id: id(2), name: 'get orders' },
    ];
    const fresh = assignKeys(resources, new Map());
    assert.deepStrictEqual(
      [id(1), id(2), id(3)].map((i) => fresh.get(i)),
      ['exports/get-orders', 'exports/get-orders-2', 'exports/get-orders-3'],
    );
    const reordered = assignKeys([...resources].reverse(), new Map());
    assert.deepStrictEqual(reordered, fresh, 'the order the account lists them in does not matter');
    const kept = assignKeys(resources, new Map([[id(3), 'exports/get-orders']]), new Set(['exports/get-orders-2']));
    assert.strictEqual(kept.get(id(3)), 'exports/get-orders', 'a bound key stays');
    assert.strictEqual(kept.get(id(1)), 'exports/get-orders-3', 'a key held by a file of the folder is skipped');
  });

  it('turns ids into keys in routers, hooks, lookups, file definitions and legacy flows, and back', () => {
    const keyOfId = new Map([
      [id(1), 'exports/a'],
      [id(2), 'imports/b'],
      [id(3), 'scripts/c'],
      [id(4), 'connections/d'],
      [id(5), 'filedefinitions/e'],
    ]);
    const flow = {
      _exportId: id(1),
      _importId: id(2),
      _connectorId: id(9),
      routers: [
        { id: 'r1', branches: [{ pageProcessors: [{ type: 'import', _importId: id(2), hooks: { postSubmit: { _scriptId: id(3) } } }] }] },
      ],
      _registeredConnectionIds: [id(4)],
      file: { fileDefinition: { _fileDefinitionId: id(5) } },
      _asyncHelperId: id(8),
    };
    const keyed = idsToKeys(flow, keyOfId);
    assert.deepStrictEqual(keyed, {
      _exportId: 'exports/a',
      _importId: 'imports/b',
      _connectorId: id(9),
      routers: [
        {
          id: 'r1',
          branches: [{ pageProcessors: [{ type: 'import', _importId: 'imports/b', hooks: { postSubmit: { _scriptId: 'scripts/c' } } }] }],
        },
      ],
      _registeredConnectionIds: ['connections/d'],
      file: { fileDefinition: { _fileDefinitionId: 'filedefinitions/e' } },
      _asyncHelperId: id(8),
    });
    assert.deepStrictEqual(referencedKeys(keyed).sort(), ['connections/d', 'exports/a', 'filedefinitions/e', 'imports/b', 'scripts/c']);
    const idOfKey = new Map([...keyOfId].map(([i, k]) => [k, i]));
    assert.deepStrictEqual(
      keysToIds(keyed, (k) => idOfKey.get(k)),
      { doc: flow, unbound: [] },
    );
    assert.deepStrictEqual(keysToIds(keyed, () => undefined).unbound.sort(), [
      'connections/d',
      'exports/a',
      'filedefinitions/e',
      'imports/b',
      'imports/b',
      'scripts/c',
    ]);
  });

  it('leaves server fields, environment switches and masks out of the folder, and puts them back for a PUT', () => {
    const account = {
      _id: id(1),
      name: 'Flow',
      lastModified: '2026-01-01T00:00:00.000Z',
      disabled: true,
      http: { auth: { token: { token: '******', location: 'header' } } },
    };
    const folder = toFolderDocument('flows', account);
    assert.deepStrictEqual(folder, { name: 'Flow', http: { auth: { token: { location: 'header' } } } });
    assert.deepStrictEqual(mergeForUpdate('flows', { ...folder, name: 'Renamed' }, account), { ...account, name: 'Renamed' });
    assert.strictEqual(
      canonicalJson({ b: 1, a: { d: [2, 1], c: null } }),
      '{\n  "a": {\n    "c": null,\n    "d": [\n      2,\n      1\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('orders creation by references, and names a cycle', () => {
    const order = dependencyOrder(
      new Map([
        ['flows/f', ['integrations/i', 'exports/e', 'imports/m']],
        ['exports/e', ['connections/c', 'scripts/s']],
        ['imports/m', ['connections/c']],
        ['integrations/i', ['connections/c']],
        ['scripts/s', []],
        ['connections/c', []],
      ]),
    );
    assert.deepStrictEqual(order, ['connections/c', 'integrations/i', 'scripts/s', 'exports/e', 'imports/m', 'flows/f']);
    assert.throws(
      () =>
        dependencyOrder(
          new Map([
            ['exports/a', ['imports/b']],
            ['imports/b', ['exports/a']],
          ]),
        ),
      /cycle.*exports\/a, imports\/b/,
    );
  });

  it('says once what an apply does with each item, and counts a promotion by it', () => {
    const item = (action: PlanAction, differs?: boolean): PlanItem => ({
      key: `exports/${action}-${String(differs)}`,
      kind: 'exports',
      action,
      reason: '',
      ...(differs === undefined ? {} : { differs }),
    });
    const items = [
      item('create'),
      item('update'),
      item('delete'),
      item('bind'),
      item('adopt', true),
      item('adopt', false),
      item('needs-connection'),
      item('remote-change'),
      item('conflict'),
      item('unchanged'),
    ];
    assert.deepStrictEqual(items.map(effectOf), [
      'create',
      'update',
      'delete',
      'bind',
      'update',
      'bind',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const plan: Plan = { environment: 'e', baseUrl: 'u', items, problems: [], warnings: [], connectionChanges: [], ambiguous: [] };
    assert.strictEqual(changeCount(plan), '3 changes (1 to create, 2 to update); 2 already there, bound as they are');
    const applied = items.filter((i) => effectOf(i) !== undefined).map((i) => ({ item: i }));
    assert.strictEqual(appliedCount({ plan, applied, notApplied: [] }), '4 changes, 2 bound as they were');
  });
});
