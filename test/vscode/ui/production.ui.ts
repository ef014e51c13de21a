/**
 * A production environment as a person meets it, with the real modal dialog: added through Add
 * Environment (against a sandbox this test starts, marked production), an export edited and
 * saved with Ctrl+S. The question names the export and the environment, its focused (default)
 * button is Show Diff, not the one that writes; a stray Enter writes nothing; only a click on
 * "Save in Production" saves. The tab carries the production badge. Then the errors view's
 * Resolve and Retry: each asks, Cancel writes nothing, "Resolve in Production" resolves.
 */
import * as assert from 'assert';
import { startSandbox } from '../../../src/sandbox';
import { UiTest } from './uiTest';
import { openDemoStepErrors } from './webviews.ui';

const TOKEN = 'ui-production-token-4d1c9e7b2a';

export const productionUiTest: UiTest = {
  name: 'production: the save question names what and where, its default button writes nothing, and Resolve and Retry ask',
  async run(wb) {
    const { page } = wb;
    const sandbox = await startSandbox({ token: TOKEN, seed: 'demo' });
    try {
      await wb.openViewContainer('integrator.io');
      await wb.addEnvironment({ baseUrl: sandbox.baseUrl, name: 'Acme Production', token: TOKEN, production: true });

      await wb.expand('Acme Production');
      await wb.expand('Exports');
      await wb.treeRow('Shopify - Get Orders').click();
      // The document's own tab (the diff opened later has the same file name).
      const tab = page.locator('.tabs-container .tab[data-resource-name="Shopify - Get Orders.export.json"]:not([aria-label*="server"])');
      await tab.waitFor({ timeout: 30_000 });
      const line = page.locator('.editor-instance .view-line', { hasText: '"pageSize": 20' }).first();
      await line.locator('span', { hasText: /^20$/ }).last().dblclick();
      await page.keyboard.type('21');
      await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'attached', timeout: 10_000 });

      await page.keyboard.press('Control+S');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 15_000 });
      const text = await dialog.innerText();
      assert.match(text, /Save export "Shopify - Get Orders" in the PRODUCTION environment "Acme Production"\?/);
      const focused = (await page.locator('.monaco-dialog-box .monaco-button:focus').innerText()).trim();
      assert.strictEqual(focused, 'Show Diff', 'the default button is the one that writes nothing');
      await wb.screenshot('production-question');

      // A stray Enter (the accident that prompted this) opens the diff; nothing is written.
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.tabs-container .tab', { hasText: '(server ↔ yours)' }).first().waitFor({ timeout: 15_000 });
      const stored = sandbox.services.store.list('exports').find((e) => e.name === 'Shopify - Get Orders')!;
      assert.strictEqual(stored.pageSize, 20, 'nothing was written');

      // Not saving is no failure: a quiet word in the status bar, no error toast, the edit kept.
      await page.locator('.statusbar-item', { hasText: 'Not saved: Shopify - Get Orders.export.json keeps your edit' }).waitFor();
      assert.strictEqual(await page.locator('.notifications-toasts', { hasText: 'Failed to save' }).count(), 0, 'no error toast');
      assert.strictEqual((await page.locator('.tabs-container .tab.dirty').count()) > 0, true, 'the document is still dirty');
      // Back in the document's editor, save again.
      await tab.click();
      await page.locator('.editor-instance .view-line', { hasText: '"pageSize": 21' }).first().click();
      await page.keyboard.press('Control+S');
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: 'Save in Production' }).click();
      await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 20_000 });
      const saved = sandbox.services.store.list('exports').find((e) => e.name === 'Shopify - Get Orders')!;
      assert.strictEqual(saved.pageSize, 21, 'saved once the user chose to');
      await wb.screenshot('production-saved');

      // The errors view's Resolve and Retry change the account too: each asks, and Cancel writes nothing.
      const errors = await openDemoStepErrors(wb);
      const rows = errors.locator('tr[data-error-id]');
      assert.strictEqual(await rows.count(), 3);
      const writes = () => sandbox.services.requestLog.filter((r) => r.method !== 'GET').length;
      const writesBefore = writes();
      await rows.nth(0).locator('input[type="checkbox"]').check();
      for (const button of ['Resolve selected', 'Retry selected']) {
        await errors.getByRole('button', { name: button }).click();
        await dialog.waitFor({ timeout: 15_000 });
        assert.match(
          await dialog.innerText(),
          /1 error of step "NetSuite - Create Sales Orders" in the PRODUCTION environment "Acme Production"\?/,
        );
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
      assert.strictEqual(writes(), writesBefore, 'cancelled: nothing was written');
      assert.strictEqual(await rows.count(), 3);
      await errors.getByRole('button', { name: 'Resolve selected' }).click();
      await dialog.getByRole('button', { name: 'Resolve in Production' }).click();
      await errors.locator('.toolbar .muted', { hasText: /^Resolved 1\.$/ }).waitFor({ timeout: 30_000 });
      assert.strictEqual(await rows.count(), 2, 'resolved once the user chose to');
    } finally {
      await sandbox.close();
    }
  },
};
