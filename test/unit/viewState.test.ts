/**
 * The state rule every webview shares (`src/webviews/protocol/envelope.ts`): patches applied one
 * after the other equal their merge applied once (a request's reply carries the merge), and
 * messages from a page are read strictly.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { applyPatch, mergePatches, patchOf, readHostMessage, readPageMessage, StatePatch } from '../../src/webviews/protocol/envelope';
import { onShownErrors, readErrorsAction } from '../../src/webviews/protocol/errors';

const KEYS = ['a', 'b', 'c', 'list'];
const value = fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.array(fc.integer(), { maxLength: 3 }));
const patch: fc.Arbitrary<StatePatch> = fc.record(
  {
    set: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 3 }),
    unset: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 2 }),
    append: fc.dictionary(fc.constantFrom(...KEYS), fc.array(fc.integer(), { maxLength: 3 }), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
const state = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 });

describe('webview state and messages', () => {
  it('a merged patch has the effect of its parts in order (property-based)', () => {
    fc.assert(
      fc.property(state, patch, patch, (s, first, second) => {
        assert.deepStrictEqual(applyPatch(s, mergePatches(first, second)), applyPatch(applyPatch(s, first), second));
      }),
      { numRuns: 2000 },
    );
  });

  it('undefined in a change removes the key, and nothing else changes', () => {
    const next = applyPatch({ title: 't', busy: 'Loading…', errors: [1] }, patchOf({ busy: undefined, message: 'Done.' }));
    assert.deepStrictEqual(next, { title: 't', errors: [1], message: 'Done.' });
  });

  it('reads only the actions a view knows, with the fields it expects', () => {
    const read = (m: unknown) => readPageMessage(m, readErrorsAction);
    assert.deepStrictEqual(read({ kind: 'action', action: { type: 'resolve', errorIds: ['1'] } }), {
      kind: 'action',
      action: { type: 'resolve', errorIds: ['1'] },
    });
    assert.deepStrictEqual(read({ kind: 'request', id: 7, action: { type: 'more', extra: 'dropped' } }), {
      kind: 'request',
      id: 7,
      action: { type: 'more' },
    });
    for (const bad of [
      null,
      'ready',
      { kind: 'action', action: { type: 'resolve', errorIds: 'all' } },
      { kind: 'action', action: { type: 'runCommand', command: 'workbench.action.openSettings' } },
      { kind: 'request', id: 'x', action: { type: 'more' } },
      { kind: 'action', action: { type: 'editRetryData', retryDataKey: 'k'.repeat(500) } },
    ])
      assert.strictEqual(read(bad), undefined, JSON.stringify(bad));
  });

  it('the errors view acts only on the errors it shows: ids a forged message adds are dropped, one naming none is ignored', () => {
    const error = (errorId: string, retryDataKey?: string) => ({
      errorId,
      occurredAt: '2024-01-01T00:00:00.000Z',
      source: 'application',
      code: 'X',
      message: 'm',
      ...(retryDataKey ? { retryDataKey } : {}),
    });
    const state = { errors: [error('e1', 'k1'), error('e2', 'k2'), error('e3')] };
    const on = (action: Parameters<typeof onShownErrors>[0]) => onShownErrors(action, state);
    assert.deepStrictEqual(on({ type: 'resolve', errorIds: ['e1', 'hidden', 'e3'] }), { type: 'resolve', errorIds: ['e1', 'e3'] });
    assert.strictEqual(on({ type: 'resolve', errorIds: ['hidden'] }), undefined);
    assert.deepStrictEqual(on({ type: 'resolve', errorIds: [] }), { type: 'resolve', errorIds: [] }, 'nothing selected: the view says so');
    assert.deepStrictEqual(on({ type: 'retry', retryDataKeys: ['k2', 'hiddenKey'] }), { type: 'retry', retryDataKeys: ['k2'] });
    assert.strictEqual(on({ type: 'retry', retryDataKeys: ['hiddenKey', 'e1'] }), undefined, 'an error id is no retry data key');
    assert.deepStrictEqual(on({ type: 'editRetryData', retryDataKey: 'k1' }), { type: 'editRetryData', retryDataKey: 'k1' });
    assert.strictEqual(on({ type: 'editRetryData', retryDataKey: 'victimKey' }), undefined);
    assert.deepStrictEqual(on({ type: 'showHttp', errorId: 'e3' }), { type: 'showHttp', errorId: 'e3' });
    assert.strictEqual(on({ type: 'showHttp', errorId: 'hidden' }), undefined);
    assert.deepStrictEqual(on({ type: 'more' }), { type: 'more' });
    assert.strictEqual(onShownErrors({ type: 'resolve', errorIds: ['e1'] }, { errors: [] }), undefined, 'an empty list shows nothing');
  });

  it("reads the host's patches and replies, and nothing else a page's window receives", () => {
    const patch = { set: { title: 't' }, unset: ['busy'], append: { rows: [1] } };
    assert.deepStrictEqual(readHostMessage({ kind: 'patch', patch }), { kind: 'patch', patch });
    assert.deepStrictEqual(readHostMessage({ kind: 'reply', id: 3, patch, error: 'No.', hostMs: 1.5, filler: 'xx' }), {
      kind: 'reply',
      id: 3,
      patch,
      error: 'No.',
      hostMs: 1.5,
    });
    assert.deepStrictEqual(readHostMessage({ kind: 'reply', id: 4 }), { kind: 'reply', id: 4 });
    for (const bad of [
      null,
      'patch',
      { kind: 'patch' },
      { kind: 'patch', patch: { set: [1] } },
      { kind: 'patch', patch: { unset: 'busy' } },
      { kind: 'patch', patch: { append: { rows: 1 } } },
      { kind: 'reply', id: '4' },
      { kind: 'reply', id: 4, patch: 'all' },
      { kind: 'action', action: { type: 'more' } },
    ])
      assert.strictEqual(readHostMessage(bad), undefined, JSON.stringify(bad));
  });
});
