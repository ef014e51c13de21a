/**
 * Finding and coming back, as on a user's first day: Find Resource searches the whole account
 * (nothing expanded yet) and says what it searched; the pick opens and is revealed. Then a
 * window reload brings back the tree as it was expanded and the views that were open.
 */
import * as assert from 'assert';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';
import { Workbench } from './workbench';

export const findAndRestoreUiTest: UiTest = {
  name: 'find and restore: Find Resource searches the account; a reload restores the tree and the views',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.treeRow('Local Sandbox').waitFor({ timeout: 30_000 });
    // The view's title names the extension once, not "integrator.io: Explorer".
    const heading = page.locator('.part.sidebar .composite.title h2');
    assert.strictEqual((await heading.textContent())?.trim(), 'integrator.io');

    // Nothing is expanded: the connection is found in the account, not among loaded rows.
    assert.strictEqual(await wb.treeRow('Bank SFTP').count(), 0, 'the connections are not loaded yet');
    await wb.runCommand('integrator.io: Find Resource');
    const quickInput = page.locator('.quick-input-widget');
    await quickInput.locator('.quick-input-title', { hasText: /Searched \d+ resources \(every kind\) in Local Sandbox/ }).waitFor();
    await quickInput.locator('input').fill('bank');
    const hit = quickInput.locator('.monaco-list-row', { hasText: 'Bank SFTP' });
    await hit.waitFor();
    assert.match((await hit.textContent()) ?? '', /connection/, 'the result says its kind');
    await wb.screenshot('find-resource', 'media/screenshots/find-resource.png');
    await hit.click();
    await page.locator('.tabs-container .tab', { hasText: 'Bank SFTP.connection.json' }).waitFor();
    await waitFor(
      async () => (await wb.treeRow('Bank SFTP').getAttribute('aria-selected')) === 'true',
      'the pick to be revealed and selected',
    );

    // A flow's step, a recent-runs view and an audit history, then a reload.
    await wb.expand('Integrations');
    await wb.expand('Shopify - NetSuite Order Sync');
    await wb.expand('Shopify Orders to NetSuite Sales Orders');
    await wb.contextMenu('Shopify Orders to NetSuite Sales Orders', 'Show Recent Jobs');
    await (await wb.webviewFrame('.job')).locator('.job').first().waitFor();
    await wb.contextMenu('Shopify - Get Orders', 'Show Audit History');
    const audit = await wb.webviewFrame('.entry');
    await audit.locator('.entry').first().waitFor();
    // And one field change in the diff editor: a restored diff must show its text again.
    const change = audit.locator('.entry .change').first();
    const field = (await change.getAttribute('data-field'))!;
    await change.getByRole('button', { name: 'Open diff' }).click();
    const diffTab = page.locator('.tabs-container .tab', { hasText: `${field}:` });
    await diffTab.waitFor({ timeout: 20_000 });
    const diffText = await modifiedText(wb);
    assert.ok(diffText.trim(), 'the diff shows the new value');
    await diffTab.dblclick(); // kept open, not a preview the next editor would replace
    // The browser workbench writes its state when idle; wait until both are written. (The diff is
    // not among them: this VS Code does not keep editors of an extension's read-only documents.)
    let editors: string[] = [];
    await waitFor(
      async () =>
        (editors = await restorableEditors(wb)) &&
        (await wb.storedState('integrator-io-community.integrator-io')).some((v) => v.includes('integratorIo.explorer.expanded')) &&
        ['integratorIo.jobs', 'integratorIo.audit'].every((type) => editors.includes(type)),
      'the tree and the views to be in the stored state',
      30_000,
    );
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });

    // The tree comes back expanded down to the flow's steps, without a click.
    await wb.treeRow('Shopify - Get Orders').waitFor({ timeout: 30_000 });
    for (const label of ['Integrations', 'Shopify - NetSuite Order Sync', 'Shopify Orders to NetSuite Sales Orders', 'Connections'])
      assert.strictEqual(await wb.treeRow(label).getAttribute('aria-expanded'), 'true', `"${label}" is expanded again`);
    // Both views are back, rebuilt from the account.
    const tabs = page.locator('.tabs-container .tab');
    await tabs.filter({ hasText: 'Recent runs: Shopify Orders to NetSuite Sales Orders' }).waitFor();
    await tabs.filter({ hasText: 'History: Shopify - Get Orders' }).waitFor();
    await tabs.filter({ hasText: 'History: Shopify - Get Orders' }).click();
    const history = await wb.webviewFrame('.entry');
    await history.locator('.entry', { hasText: 'Maria Ops' }).first().waitFor();
    await tabs.filter({ hasText: 'Recent runs' }).click();
    const runs = await wb.webviewFrame('.job');
    assert.ok((await runs.locator('.job').count()) > 0, 'the recent runs are listed again');
    await wb.screenshot('restored-after-reload', 'media/screenshots/recent-runs.png');
    // An audit diff comes back with its text (fetched again from the account), or not at all: never empty.
    if (await diffTab.count()) {
      await diffTab.click();
      await waitFor(async () => (await modifiedText(wb)) === diffText, 'the restored diff to show its text', 30_000);
    }
  },
};

/** The new side of the diff editor in front, as it reads. */
async function modifiedText(wb: Workbench): Promise<string> {
  const lines = wb.page.locator('.monaco-diff-editor .editor.modified .view-line');
  await lines.first().waitFor({ timeout: 20_000 });
  return (await lines.allInnerTexts()).join('\n');
}

/** The view types of the webview tabs in the stored editor state that carry the state to reopen them. */
async function restorableEditors(wb: Workbench): Promise<string[]> {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const { id, value } = node as { id?: unknown; value?: unknown };
    if (id === 'workbench.editors.webviewInput' && typeof value === 'string') {
      const input = JSON.parse(value) as { providedId?: string; state?: string };
      if (input.providedId && input.state?.includes('reopen')) found.push(input.providedId);
    }
    Object.values(node).forEach(visit);
  };
  for (const stored of await wb.storedState('memento/workbench.parts.editor')) visit(JSON.parse(stored));
  return found;
}
