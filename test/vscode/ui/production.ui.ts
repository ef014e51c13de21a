/**
 * A production environment as a person meets it, with the real modal dialog: added through Add
 * Environment (against a sandbox this test starts, marked production), an export edited and
 * saved with Ctrl+S. The question names the export and the environment, its focused (default)
 * button is Show Diff, not the one that writes; a stray Enter writes nothing; only a click on
 * "Save in Production" saves. The tab carries the production badge.
 */
import * as assert from 'assert';
import { startSandbox } from '../../../src/sandbox';
import { UiTest } from './uiTest';

const TOKEN = 'ui-production-token-4d1c9e7b2a';

export const productionUiTest: UiTest = {
  name: 'production: the save question names what and where, and its default button writes nothing',
  async run(wb) {
    const { page } = wb;
    const sandbox = await startSandbox({ token: TOKEN, seed: 'demo' });
    try {
      await wb.openViewContainer('integrator.io');
      await wb.runCommand('integrator.io: Add Environment');
      const quickInput = page.locator('.quick-input-widget');
      const pick = async (text: string) => {
        await quickInput.locator('.monaco-list-row', { hasText: text }).first().click();
      };
      const answer = async (text: string) => {
        const input = quickInput.locator('input');
        await input.waitFor({ state: 'visible' });
        await input.fill(text);
        await page.keyboard.press('Enter');
      };
      await pick('Custom base URL');
      await answer(sandbox.baseUrl);
      await quickInput.locator('.quick-input-title', { hasText: '(2/4)' }).waitFor();
      await answer('Acme Production');
      await quickInput.locator('.quick-input-title', { hasText: '(3/4)' }).waitFor();
      await answer(TOKEN);
      await quickInput.locator('.quick-input-title', { hasText: '(4/4)' }).waitFor();
      await pick('Production account');

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

      // The first save has ended (not saved); back in the document's editor, save again.
      await page.locator('.notifications-toasts', { hasText: 'was cancelled' }).first().waitFor({ timeout: 15_000 });
      await tab.click();
      await page.locator('.editor-instance .view-line', { hasText: '"pageSize": 21' }).first().click();
      await page.keyboard.press('Control+S');
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: 'Save in Production' }).click();
      await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 20_000 });
      const saved = sandbox.services.store.list('exports').find((e) => e.name === 'Shopify - Get Orders')!;
      assert.strictEqual(saved.pageSize, 21, 'saved once the user chose to');
      await wb.screenshot('production-saved');
    } finally {
      await sandbox.close();
    }
  },
};
