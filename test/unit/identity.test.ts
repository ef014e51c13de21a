/**
 * Every URI of ours and every view key (src/identity): what is built parses back to what it was
 * built from, and a parser answers undefined, never throws, for what it did not build: another
 * scheme, empty or extra parts, an id of `..`, encoded slashes, broken percent-encoding.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { accountVersionUriParts, parseAccountVersionUri } from '../../src/identity/accountVersionUris';
import { auditDiffUriParts, parseAuditDiffUri } from '../../src/identity/auditUris';
import {
  documentOfRemoteParts,
  environmentIdOf,
  isAccountId,
  isDraft,
  parseResourceUri,
  remoteCopyParts,
  resourceNameOf,
  resourceUriParts,
  sameResource,
} from '../../src/identity/resourceUris';
import { parseRetryDataUri, retryDataUriParts } from '../../src/identity/retryDataUris';
import { parseRowUri, rowUriParts } from '../../src/identity/rowUris';
import { ACCOUNT_VERSION_SCHEME, AUDIT_SCHEME, RESOURCE_SCHEME, RETRY_DATA_SCHEME, ROW_SCHEME } from '../../src/identity/schemes';
import { UriParts, uriParts } from '../../src/identity/uriParts';
import { environmentOfKey, folderDiagramViewKey, parseViewKey, templateViewKey, viewKey } from '../../src/identity/viewKeys';
import { ALL_KINDS, ResourceKind } from '../../src/model/resourceKinds';

const envId = fc.stringMatching(/^[a-z0-9-]{1,24}$/);
/** Any well-formed text (names from an account may be in any script). */
const text = (constraints: { minLength?: number; maxLength: number }) => fc.string({ unit: 'grapheme', ...constraints });
/** What an id may be: anything a path segment can hold, but not a step up. */
const id = text({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('/') && s !== '.' && s !== '..');
const kind = fc.constantFrom(...ALL_KINDS);
const anyText = text({ maxLength: 40 });
/** Every parser, for hostile input: none may throw. */
const PARSERS: ((uri: UriParts) => unknown)[] = [
  parseResourceUri,
  parseRetryDataUri,
  parseAuditDiffUri,
  parseAccountVersionUri,
  parseRowUri,
  environmentIdOf,
];

describe('identity: resource documents', () => {
  it('parse back to the environment, kind and id they were built from, whatever the names', () => {
    fc.assert(
      fc.property(envId, anyText, kind, id, fc.option(anyText, { nil: undefined }), (env, envName, k, resourceId, name) => {
        const uri = resourceUriParts({ id: env, name: envName }, k, resourceId, name);
        assert.deepStrictEqual(parseResourceUri(uri), { envId: env, kind: k, id: resourceId });
        assert.deepStrictEqual(parseResourceUri(remoteCopyParts(uri, 5)), { envId: env, kind: k, id: resourceId }, 'the server copy');
        assert.deepStrictEqual(documentOfRemoteParts(remoteCopyParts(uri, 5)), uri);
        assert.strictEqual(environmentIdOf(uri), env);
        assert.ok(sameResource(uri, resourceUriParts({ id: env, name: 'renamed' }, k, resourceId, 'renamed too')));
      }),
    );
  });

  it('carry the name in the file name, with the kind’s suffix', () => {
    const env = { id: 'env-1', name: 'Dev/Test' };
    const exp = resourceUriParts(env, 'exports', '55e1', 'Orders to NetSuite');
    assert.strictEqual(exp.path, '/Dev∕Test/exports/55e1/Orders to NetSuite.export.json');
    assert.strictEqual(
      resourceUriParts(env, 'filedefinitions', 'f1', 'Layout').path,
      '/Dev∕Test/filedefinitions/f1/Layout.filedefinition.json',
    );
    assert.strictEqual(resourceUriParts(env, 'scripts', 's1', 'Skip.js').path, '/Dev∕Test/scripts/s1/Skip.js.js');
    assert.strictEqual(resourceNameOf(exp), 'Orders to NetSuite');
    assert.strictEqual(resourceNameOf(resourceUriParts(env, 'scripts', 's1', 'Skip.js')), 'Skip.js');
    assert.strictEqual(resourceNameOf(resourceUriParts(env, 'flows', 'f1', '')), 'f1', 'no name: the id');
  });

  it('refuse other schemes, other shapes, unknown kinds and ids that step up', () => {
    const at = (path: string, scheme = RESOURCE_SCHEME, authority = 'env-1') => parseResourceUri(uriParts(scheme, { authority, path }));
    assert.ok(at('/Dev/exports/55e1/x.export.json'));
    assert.strictEqual(at('/Dev/exports/55e1/x.export.json', RETRY_DATA_SCHEME), undefined);
    assert.strictEqual(at('/Dev/exports/55e1/x.export.json', 'file'), undefined);
    assert.strictEqual(at('/Dev/exports/55e1/x.export.json', RESOURCE_SCHEME, ''), undefined, 'no environment');
    assert.strictEqual(at('/Dev/exports/../x.export.json'), undefined);
    assert.strictEqual(at('/Dev/exports/./x.export.json'), undefined);
    assert.strictEqual(at('/Dev/exports//x.export.json'), undefined, 'an empty id');
    assert.strictEqual(at('/Dev//exports/55e1/x.export.json'), undefined, 'an empty part');
    assert.strictEqual(at('/Dev/exports/55e1/x.export.json/'), undefined);
    assert.strictEqual(at('Dev/exports/55e1/x.export.json'), undefined, 'a relative path');
    assert.strictEqual(at('/Dev/exports/a/b/x.export.json'), undefined, 'a decoded %2F is one part too many');
    assert.deepStrictEqual(at('/Dev/exports/a%2Fb/x.export.json')?.id, 'a%2Fb', 'a literal %2F stays text of the id');
    for (const k of ['__proto__', 'constructor', 'toString', 'Exports', 'apis'])
      assert.strictEqual(at(`/Dev/${k}/55e1/x.json`), undefined, `kind ${k}`);
  });
});

describe('identity: ids the account gives', () => {
  it('are refused when they start like a draft’s or step up (a URI would read them as a draft, or as another path)', () => {
    assert.ok(isAccountId('5f0c1a2b3c4d5e6f70819201'));
    assert.ok(isAccountId('renew-1'));
    for (const id of ['new-0123', 'new-', '..', '.', '']) assert.strictEqual(isAccountId(id), false, id);
    assert.ok(isDraft({ envId: 'env-1', kind: 'exports', id: 'new-0123' }), 'what a draft is does not change');
  });
});

describe('identity: retry data', () => {
  it('parses back to the error it was built for, with a label or without', () => {
    fc.assert(
      fc.property(envId, id, id, id, fc.option(anyText, { nil: undefined }), (env, flowId, stepId, retryDataKey, label) => {
        const ref = { envId: env, flowId, stepId, retryDataKey };
        assert.deepStrictEqual(parseRetryDataUri(retryDataUriParts({ ...ref, label })), ref);
        assert.strictEqual(environmentIdOf(retryDataUriParts(ref)), env);
      }),
    );
  });

  it('reads the shape the tests and older tabs use, and refuses others', () => {
    const at = (path: string, scheme = RETRY_DATA_SCHEME) => parseRetryDataUri(uriParts(scheme, { authority: 'env-1', path }));
    assert.deepStrictEqual(at('/f/s/k.retrydata.json'), { envId: 'env-1', flowId: 'f', stepId: 's', retryDataKey: 'k' });
    assert.deepStrictEqual(at('/f/s/k/Step – CODE.retrydata.json')?.retryDataKey, 'k');
    assert.strictEqual(at('/f/s/k.retrydata.json', RESOURCE_SCHEME), undefined);
    assert.strictEqual(at('/f/k.retrydata.json'), undefined);
    assert.strictEqual(at('/f/s/k/label/more.retrydata.json'), undefined, 'one part too many');
    assert.strictEqual(at('/f/../k.retrydata.json'), undefined);
    assert.strictEqual(at('/../s/k.retrydata.json'), undefined);
    assert.strictEqual(at('/f/s/...retrydata.json'), undefined, 'a key of `..`');
    assert.strictEqual(at('/f/s/.retrydata.json'), undefined, 'an empty key');
    assert.strictEqual(at('/f/s/k/label'), undefined, 'no suffix');
    assert.strictEqual(at('/f/s/%2E%2E/label.retrydata.json'), undefined, 'a key of `..`, encoded');
    assert.strictEqual(at('/f/s/%E0%A4%A/label.retrydata.json'), undefined, 'broken percent-encoding');
  });

  it('never name another error: a "/" in a part, with an empty label or none, stays in that part', () => {
    const victim = { envId: 'env-1', flowId: 'F', stepId: 'S', retryDataKey: 'victimKey' };
    for (const label of ['', undefined, 'Step – CODE']) {
      const slashKey = { ...victim, retryDataKey: 'victimKey/x' };
      assert.deepStrictEqual(parseRetryDataUri(retryDataUriParts({ ...slashKey, label })), slashKey, `label ${String(label)}`);
      const shifted = { envId: 'env-1', flowId: 'F/S2', stepId: 'K2', retryDataKey: 'k' };
      assert.deepStrictEqual(parseRetryDataUri(retryDataUriParts({ ...shifted, label })), shifted, `label ${String(label)}`);
    }
  });

  it('always carry a label (the key when none is given), and ordinary ids as they are', () => {
    const ref = { envId: 'env-1', flowId: '5f0c1a2b3c4d5e6f70819201', stepId: '5f0c1a2b3c4d5e6f70819202', retryDataKey: '0123abcd' };
    const ids = '/5f0c1a2b3c4d5e6f70819201/5f0c1a2b3c4d5e6f70819202/0123abcd';
    assert.strictEqual(retryDataUriParts({ ...ref, label: 'Step – CODE' }).path, `${ids}/Step – CODE.retrydata.json`);
    assert.strictEqual(retryDataUriParts({ ...ref, label: '' }).path, `${ids}/0123abcd.retrydata.json`);
    assert.strictEqual(retryDataUriParts(ref).path, `${ids}/0123abcd.retrydata.json`);
    const slash = retryDataUriParts({ ...ref, retryDataKey: 'a/b' }).path;
    assert.ok(slash.endsWith('/a%2Fb/a∕b.retrydata.json'), slash);
  });
});

describe('identity: audit diff sides', () => {
  const fieldPath = text({ minLength: 1, maxLength: 40 });

  it('parse back to the entry and field they show, whatever the field path holds', () => {
    fc.assert(
      fc.property(envId, kind, id, id, fieldPath, (env, k, resourceId, entryId, field) => {
        const { before, after } = auditDiffUriParts({ envId: env, kind: k, resourceId }, entryId, field);
        const side = { envId: env, kind: k, resourceId, entryId, fieldPath: field };
        assert.deepStrictEqual(parseAuditDiffUri(before), side);
        assert.deepStrictEqual(parseAuditDiffUri(after), side);
        assert.notDeepStrictEqual(before, after);
      }),
    );
  });

  it('encode every part, dots alone too, so no part reads as a step up', () => {
    const { before } = auditDiffUriParts({ envId: 'env-1', kind: 'exports', resourceId: 'r1' }, 'e1', '../a/b');
    assert.strictEqual(before.path, '/exports/r1/e1/..%2Fa%2Fb/before.json');
    const dots = auditDiffUriParts({ envId: 'env-1', kind: 'exports', resourceId: 'r1' }, 'e1', '..').before;
    assert.strictEqual(dots.path, '/exports/r1/e1/%2E%2E/before.json');
    assert.strictEqual(parseAuditDiffUri(dots)?.fieldPath, '..');
  });

  it('refuses other kinds, ids that step up, broken encoding and other shapes', () => {
    const at = (path: string, authority = 'env-1') => parseAuditDiffUri(uriParts(AUDIT_SCHEME, { authority, path }));
    assert.ok(at('/exports/r1/e1/name/before.json'));
    assert.strictEqual(at('/exports/r1/e1/name/before.json', ''), undefined, 'no environment');
    assert.strictEqual(at('/secrets/r1/e1/name/before.json'), undefined);
    assert.strictEqual(at('/__proto__/r1/e1/name/before.json'), undefined);
    assert.strictEqual(at('/exports/%2E%2E/e1/name/before.json'), undefined, 'a resource id of `..`, encoded');
    assert.strictEqual(at('/exports/../e1/name/before.json'), undefined);
    assert.strictEqual(at('/exports/r1/e1/%E0%A4%A/before.json'), undefined, 'broken percent-encoding');
    assert.strictEqual(at('/exports/r1/e1/name/middle.json'), undefined);
    assert.strictEqual(at('/exports/r1/e1/name/x/before.json'), undefined);
    assert.strictEqual(at('/exports/r1/name/before.json'), undefined);
  });
});

describe('identity: account versions of pulled files', () => {
  it('parse back to the file, environment and plan', () => {
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 5 }), envId, fc.nat(), (steps, env, version) => {
        const ref = { filePath: `/${steps.join('/')}`, envId: env, version };
        assert.deepStrictEqual(parseAccountVersionUri(accountVersionUriParts(ref)), ref);
      }),
    );
  });

  it('refuse no environment, no plan, and paths that are no folder’s file', () => {
    const at = (path: string, query = 'env-1', fragment = '2') =>
      parseAccountVersionUri(uriParts(ACCOUNT_VERSION_SCHEME, { path, query, fragment }));
    assert.deepStrictEqual(at('/w/orders/exports/a.export.json'), {
      filePath: '/w/orders/exports/a.export.json',
      envId: 'env-1',
      version: 2,
    });
    assert.strictEqual(at('/w/a.json', ''), undefined);
    assert.strictEqual(at('/w/a.json', 'env-1', ''), undefined);
    assert.strictEqual(at('/w/a.json', 'env-1', 'x'), undefined);
    assert.strictEqual(at('/w/orders/../../etc/passwd'), undefined);
    assert.strictEqual(at('/w//a.json'), undefined);
    assert.strictEqual(at('w/a.json'), undefined);
    assert.strictEqual(parseAccountVersionUri(uriParts('file', { path: '/w/a.json', query: 'env-1', fragment: '2' })), undefined);
  });
});

describe('identity: explorer row marks', () => {
  it('parse back to the row and its marks', () => {
    const marks = fc.record({
      errors: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
      production: fc.constantFrom(undefined, true, 'environment' as const),
    });
    fc.assert(
      fc.property(text({ minLength: 1, maxLength: 60 }), marks, (rowId, { errors, production }) => {
        const uri = rowUriParts(rowId, { errors, production });
        if (!errors && !production) return assert.strictEqual(uri, undefined, 'no marks: no URI');
        assert.deepStrictEqual(parseRowUri(uri!), { rowId, ...(errors ? { errors } : {}), ...(production ? { production } : {}) });
      }),
    );
  });

  it('read nothing from marks they would not write', () => {
    const at = (path: string, query: string, scheme = ROW_SCHEME) => parseRowUri(uriParts(scheme, { path, query }));
    assert.deepStrictEqual(at('/env%2Fflows%2F1', 'errors=abc&production=yes'), { rowId: 'env/flows/1' });
    assert.deepStrictEqual(at('/r', 'errors=-3'), { rowId: 'r' });
    assert.deepStrictEqual(at('/r', 'errors=1e400'), { rowId: 'r' });
    assert.deepStrictEqual(at('/r', 'errors=2.5'), { rowId: 'r' });
    assert.strictEqual(at('/r', 'errors=3', 'file'), undefined);
    assert.strictEqual(at('/%E0%A4%A', 'errors=3'), undefined);
    assert.strictEqual(at('/a/b', 'errors=3'), undefined);
    assert.strictEqual(at('/', 'errors=3'), undefined);
  });
});

describe('identity: view keys', () => {
  it('keep their format byte for byte for ordinary ids, so views restored after a reload still match', () => {
    assert.strictEqual(viewKey('errors', 'env-1', 'f1', 's1'), 'errors:env-1:f1:s1');
    assert.strictEqual(
      viewKey('audit', 'env-0a1b2c3d4e5f', 'exports', '5f0c1a2b3c4d5e6f70819201'),
      'audit:env-0a1b2c3d4e5f:exports:5f0c1a2b3c4d5e6f70819201',
    );
    assert.strictEqual(viewKey('hook', 'local', 'scripts/a', 'preSavePage'), 'hook:local:scripts/a:preSavePage');
    assert.strictEqual(templateViewKey('env-1', 'exports', 'e1', ['http', 'body', 0]), 'template:env-1:exports/e1#http.body.0');
    assert.strictEqual(folderDiagramViewKey('env-1', '/home/me/orders', 'flows/a'), 'diagram:env-1:/home/me/orders:flows/a');
  });

  it('parse back to the view, the environment and each part, colons and all', () => {
    assert.deepStrictEqual(parseViewKey(folderDiagramViewKey('env-1', 'C:\\work', 'flows/a')), {
      view: 'diagram',
      envId: 'env-1',
      what: ['C:\\work', 'flows/a'],
    });
    fc.assert(
      fc.property(
        fc.constantFrom('errors', 'diagram', 'run', 'jobs', 'audit' as const),
        envId,
        fc.array(anyText, { maxLength: 3 }),
        (view, env, what) => {
          assert.deepStrictEqual(parseViewKey(viewKey(view, env, ...what)), { view, envId: env, what });
          assert.strictEqual(environmentOfKey(viewKey(view, env, ...what)), env);
        },
      ),
    );
  });

  it('differ for different targets, whatever their ids hold', () => {
    assert.notStrictEqual(viewKey('errors', 'env-1', 'flowA:x', 'step'), viewKey('errors', 'env-1', 'flowA', 'x:step'));
    assert.notStrictEqual(viewKey('errors', 'env-1', 'f%3Ax', 's'), viewKey('errors', 'env-1', 'f:x', 's'));
    assert.notStrictEqual(
      templateViewKey('env-1', 'imports', 'i', ['http', 'a.b']),
      templateViewKey('env-1', 'imports', 'i', ['http', 'a', 'b']),
      'a field whose name holds "." is not the path through two fields',
    );
    assert.notStrictEqual(templateViewKey('env-1', 'imports', 'i#x', ['y']), templateViewKey('env-1', 'imports', 'i', ['x#y']));
    assert.notStrictEqual(
      viewKey('diagram', 'env-1', '/home/me/repo#flows/orders'),
      folderDiagramViewKey('env-1', '/home/me/repo', 'flows/orders'),
      "an account flow's id never takes a folder diagram's key",
    );
    assert.notStrictEqual(
      viewKey('diagram', 'env-1', '/home/me/repo:flows/orders'),
      folderDiagramViewKey('env-1', '/home/me/repo', 'flows/orders'),
    );
    const part = fc.string({ maxLength: 6 });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), fc.array(part, { minLength: 1, maxLength: 3 }), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        assert.notStrictEqual(viewKey('errors', 'env-1', ...a), viewKey('errors', 'env-1', ...b));
      }),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), fc.array(part, { minLength: 1, maxLength: 3 }), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        assert.notStrictEqual(templateViewKey('env-1', 'exports', 'e', a), templateViewKey('env-1', 'exports', 'e', b));
      }),
    );
  });

  it('refuse what no view’s key can be', () => {
    for (const key of [
      '',
      'errors',
      'errors:',
      'errors::f',
      'nope:env-1:f',
      ':env-1',
      '__proto__:env-1',
      'toString:env-1:x',
      'errors:env-1:%2F',
      'errors:env%:f',
    ])
      assert.strictEqual(parseViewKey(key), undefined, key);
  });
});

describe('identity: hostile URIs', () => {
  it('no builder throws on half a surrogate pair (an account’s text may hold one), and what it builds parses', () => {
    const half = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(half, half, (name, part) => {
        assert.ok(parseResourceUri(resourceUriParts({ id: 'env-1', name }, 'exports', 'e1', name)));
        assert.ok(parseAuditDiffUri(auditDiffUriParts({ envId: 'env-1', kind: 'exports', resourceId: 'r1' }, 'e1', part).before));
        assert.ok(parseRowUri(rowUriParts(part, { errors: 1 })!));
        assert.ok(parseRetryDataUri(retryDataUriParts({ envId: 'env-1', flowId: 'f', stepId: 's', retryDataKey: 'k', label: name })));
      }),
    );
  });

  it('no parser throws, whatever the parts', () => {
    const scheme = fc.constantFrom(
      RESOURCE_SCHEME,
      RETRY_DATA_SCHEME,
      AUDIT_SCHEME,
      ACCOUNT_VERSION_SCHEME,
      ROW_SCHEME,
      'integrator-io-remote',
      'file',
    );
    const path = fc.array(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('..', '.', '', '%', '%2F', '%E0%A4%A', '__proto__', 'exports')),
      { maxLength: 7 },
    );
    fc.assert(
      fc.property(
        scheme,
        fc.string({ maxLength: 10 }),
        path,
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 5 }),
        (s, authority, steps, query, fragment) => {
          const uri = uriParts(s, { authority, path: `/${steps.join('/')}`, query, fragment });
          for (const parse of PARSERS) parse(uri);
        },
      ),
    );
  });
});

describe("package.json's menu conditions on a resource document", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
    contributes: { menus: Record<string, { command: string; when?: string }[]> };
  };
  /** The regular expressions the conditions test an integrator-io document's path with. */
  const conditions = Object.values(manifest.contributes.menus)
    .flat()
    .flatMap((item) => {
      const match = /resourceScheme == integrator-io && resourcePath =~ \/(.+?)\/(?= \|\||$)/.exec(item.when ?? '');
      return match ? [{ command: item.command, pattern: new RegExp(match[1]!) }] : [];
    });
  const pathOf = (envName: string, kind: ResourceKind) => resourceUriParts({ id: 'env-1', name: envName }, kind, 'abc123', 'Orders').path;

  it('read the kind from the path, whatever the environment is called', () => {
    assert.ok(conditions.length >= 10, `found ${conditions.length} conditions`);
    for (const { command, pattern } of conditions) {
      const kinds = (['flows', 'integrations', 'connections', 'imports', 'exports'] as const).filter((kind) =>
        pattern.test(pathOf('Demo', kind)),
      );
      assert.ok(kinds.length > 0, `${command}: ${pattern} matches some kind`);
      // An environment named after a kind does not give its documents that kind's buttons.
      for (const envName of ['flows', 'connections', 'imports', 'exports', 'integrations'])
        for (const kind of ['exports', 'imports', 'connections', 'flows', 'scripts'] as const)
          assert.strictEqual(
            pattern.test(pathOf(envName, kind)),
            kinds.includes(kind as (typeof kinds)[number]),
            `${command} on ${kind} in "${envName}"`,
          );
    }
  });
});
