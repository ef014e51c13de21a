/** Audit history after saves: the right old and new values, diffs for nested values, paging, the diff editor. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { auditDiffUris } from '../../../src/identity';
import { waitFor } from '../../support/waitFor';
import type { AuditState } from '../../../src/webviews/protocol/audit';
import { replaceDocumentText, useDemoEnvironment, openResourceDocument, chosen } from './support';

describe('audit history', () => {
  const demo = useDemoEnvironment('Audit');

  it('shows two saves newest first, with the right old and new values', async () => {
    const exp = (await demo.client.exports.listAll()).find((e) => e.name === 'NetSuite - Inventory Levels')!;
    const document = await openResourceDocument(demo.envId, 'exports', exp._id, exp.name);
    for (const pageSize of [40, 60]) {
      const json = JSON.parse(document.getText()) as Record<string, unknown>;
      json.pageSize = pageSize;
      if (pageSize === 60) json.netsuite = { type: 'search', searches: [{ recordType: 'inventoryitem', savedSearchId: '1777' }] };
      await replaceDocumentText(document, JSON.stringify(json, null, 2));
      assert.ok(await document.save());
      // The editor re-reads the stored version after a save; editing before it has would race it.
      const stored = await demo.client.exports.get(exp._id);
      await waitFor(() => document.getText().includes(stored.lastModified!), 'the editor to show the stored version');
    }
    const state = await vscode.commands.executeCommand<AuditState>(
      'integratorIo.showAuditHistory',
      chosen({
        envId: demo.envId,
        kind: 'exports',
        id: exp._id,
        name: exp.name,
      }),
    );
    const [second, first] = state.entries;
    assert.strictEqual(second!.event, 'update');
    assert.strictEqual(second!.source, 'api');
    assert.match(second!.who, /Sandbox Developer/);
    const pageSize2 = second!.changes.find((c) => c.fieldPath === 'pageSize')!;
    assert.deepStrictEqual(pageSize2, { fieldPath: 'pageSize', mode: 'inline', oldText: '40', newText: '60' });
    const netsuite = second!.changes.find((c) => c.fieldPath === 'netsuite')!;
    assert.strictEqual(netsuite.mode, 'lines');
    if (netsuite.mode === 'lines') {
      assert.ok(netsuite.lines.some((l) => l.kind === 'removed' && l.text.includes('"1501"')));
      assert.ok(netsuite.lines.some((l) => l.kind === 'added' && l.text.includes('"1777"')));
    }
    assert.deepStrictEqual(
      first!.changes,
      [{ fieldPath: 'pageSize', mode: 'inline', newText: '40' }],
      'oldValue absent when a field is first set',
    );
  });

  it('loads older entries a page at a time, to the creation', async () => {
    const exp = (await demo.client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!;
    const full = await demo.client.exports.get(exp._id);
    for (let i = 0; i < 30; i++) await demo.client.exports.update(exp._id, { ...full, description: `revision ${i}` });
    const first = await vscode.commands.executeCommand<AuditState>(
      'integratorIo.showAuditHistory',
      chosen({
        envId: demo.envId,
        kind: 'exports',
        id: exp._id,
        name: exp.name,
      }),
    );
    assert.strictEqual(first.entries.length, 25);
    assert.ok(first.hasMore);
    const all = await vscode.commands.executeCommand<AuditState>(
      'integratorIo.showAuditHistory',
      chosen({ envId: demo.envId, kind: 'exports', id: exp._id, name: exp.name }),
      { pages: 5 },
    );
    assert.strictEqual(all.hasMore, false);
    assert.strictEqual(all.entries[all.entries.length - 1]!.event, 'create');
    assert.strictEqual(all.entries[0]!.changes[0]!.fieldPath, 'description');
  });
});

describe('audit diffs after a reload', () => {
  const demo = useDemoEnvironment('Audit Restore');
  const tabsShowing = (uri: vscode.Uri) =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.toString() === uri.toString());

  it('fetches a diff side nobody handed over (as VS Code restores it) again from the account; one whose entry is gone closes', async () => {
    const exp = (await demo.client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!;
    const full = await demo.client.exports.get(exp._id);
    await demo.client.exports.update(exp._id, { ...full, description: 'before the reload' });
    await demo.client.exports.update(exp._id, { ...full, description: 'after the reload' });
    const [latest] = (await demo.client.exports.audit(exp._id, { limit: 1 }).next()).value as { _id: string }[];
    const about = { envId: demo.envId, kind: 'exports', resourceId: exp._id };
    // Never opened from the view in this window: the texts are not in memory, as after a reload.
    const { before, after } = auditDiffUris(about, latest!._id, 'description');
    await vscode.commands.executeCommand('vscode.diff', before, after, 'description (restored)');
    assert.strictEqual((await vscode.workspace.openTextDocument(before)).getText(), 'before the reload');
    assert.strictEqual((await vscode.workspace.openTextDocument(after)).getText(), 'after the reload');
    assert.strictEqual(tabsShowing(before).length, 1, 'the restored diff stays open, with its text');
    await vscode.window.tabGroups.close(tabsShowing(before));

    // An entry the account no longer has (or an environment since removed): the tab closes, not an empty diff.
    const gone = auditDiffUris(about, 'ffffffffffffffffffffffff', 'description');
    await vscode.commands.executeCommand('vscode.diff', gone.before, gone.after, 'description (gone)');
    await waitFor(() => tabsShowing(gone.before).length === 0, 'the diff of a missing entry to close');
  });
});
