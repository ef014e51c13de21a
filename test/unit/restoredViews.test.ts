/**
 * What a view restored after a reload may reopen (src/commands/restoredViewState.ts): its state is
 * stored with the window's tabs, so it is read like any message, and a view is rebuilt only when
 * the key it carries is the key its command builds for the target it names.
 */
import * as assert from 'assert';
import { keyOfReopenTarget, readReopen } from '../../src/commands/restoredViewState';
import { viewKey } from '../../src/identity/viewKeys';

const stateOf = (reopen: object) => ({ reopen: Buffer.from(JSON.stringify(reopen)).toString('base64') });
const restorable = (reopen: object) => {
  const read = readReopen(stateOf(reopen));
  return read !== undefined && keyOfReopenTarget(read) === read.key;
};

describe('views restored after a reload', () => {
  const exportPreview = { command: 'integratorIo.previewExport', envId: 'env-1', kind: 'exports', id: 'e1', name: 'Orders' };

  it('reopen what each view saved: its key is the one its command builds for the target', () => {
    const saved = [
      { ...exportPreview, key: viewKey('export', 'env-1', 'e1') },
      { command: 'integratorIo.previewMapping', key: viewKey('mapping', 'env-1', 'i1'), envId: 'env-1', kind: 'imports', id: 'i1' },
      { command: 'integratorIo.showRecentJobs', key: viewKey('jobs', 'env-1', 'f1'), envId: 'env-1', kind: 'flows', id: 'f1' },
      { command: 'integratorIo.showRecentJobs', key: viewKey('jobs', 'env-1', 'n1'), envId: 'env-1', kind: 'integrations', id: 'n1' },
      {
        command: 'integratorIo.showAuditHistory',
        key: viewKey('audit', 'env-1', 'exports', 'e1'),
        envId: 'env-1',
        kind: 'exports',
        id: 'e1',
      },
      { command: 'integratorIo.showFlowDiagram', key: viewKey('diagram', 'env-1', 'f1'), envId: 'env-1', kind: 'flows', id: 'f1' },
      { command: 'integratorIo.showErrors', key: viewKey('errors', 'env-1', 'f1', 's1'), envId: 'env-1', flowId: 'f1', id: 's1' },
    ];
    for (const reopen of saved) assert.ok(restorable(reopen), JSON.stringify(reopen));
  });

  it('reopen nothing whose key names another view than its target (a planted state)', () => {
    const planted = [
      // Any resource of any environment, the key of something harmless.
      { ...exportPreview, envId: 'env-prod', key: viewKey('export', 'env-1', 'e1') },
      { ...exportPreview, id: 'other', key: viewKey('export', 'env-1', 'e1') },
      { ...exportPreview, key: viewKey('mapping', 'env-1', 'e1') },
      { ...exportPreview, key: 'anything' },
      { command: 'integratorIo.showErrors', key: viewKey('errors', 'env-1', 'f1', 's1'), envId: 'env-1', flowId: 'f2', id: 's1' },
      {
        command: 'integratorIo.showAuditHistory',
        key: viewKey('audit', 'env-1', 'exports', 'e1'),
        envId: 'env-1',
        kind: 'imports',
        id: 'e1',
      },
    ];
    for (const reopen of planted) assert.strictEqual(restorable(reopen), false, JSON.stringify(reopen));
  });

  it('read only a command that opens a view, with the fields it needs', () => {
    const key = viewKey('export', 'env-1', 'e1');
    for (const state of [
      undefined,
      'x',
      { reopen: 'not base64 JSON' },
      stateOf({ ...exportPreview, key, command: 'integratorIo.runFlow' }),
      stateOf({ ...exportPreview, key, command: 'toString' }),
      stateOf({ ...exportPreview, key, command: '__proto__' }),
      stateOf({ ...exportPreview, key, kind: 'secrets' }),
      stateOf({ ...exportPreview, key, id: '' }),
      stateOf({ command: 'integratorIo.showErrors', key, envId: 'env-1', id: 's1' }),
    ])
      assert.strictEqual(readReopen(state), undefined, JSON.stringify(state));
    assert.strictEqual(keyOfReopenTarget({ command: 'hasOwnProperty', key, envId: 'env-1', id: 'e1' }), undefined);
  });
});
