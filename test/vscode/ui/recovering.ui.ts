/**
 * Recovering from mistakes as a person makes them. Add Environment checks the token as soon as
 * it is entered: an address nobody answers sends the user back to the address (the token kept),
 * a refused token is asked for again in place, and the name offers the host. Then a save the
 * API refuses (422) marks the field it names, on its line in the document and in Problems, and
 * the document keeps the edit; the corrected save goes through and says so in the status bar.
 */
import * as assert from 'assert';
import { startSandbox } from '../../../src/sandbox';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

const TOKEN = 'ui-recovering-token-3a8f6d2c9b';

export const recoveringUiTest: UiTest = {
  name: "recovering: Add Environment's early token check, a 422's field marked in the document, a save confirmed",
  async run(wb) {
    const { page } = wb;
    const sandbox = await startSandbox({ token: TOKEN, seed: 'demo' });
    try {
      await wb.openViewContainer('integrator.io');
      const quickInput = page.locator('.quick-input-widget');
      const input = quickInput.locator('input');
      const title = (text: string) => quickInput.locator('.quick-input-title', { hasText: text }).waitFor({ timeout: 30_000 });
      const message = () => quickInput.locator('.quick-input-message').innerText();

      await wb.runCommand('integrator.io: Add Environment');
      await quickInput.locator('.monaco-list-row', { hasText: 'Custom base URL' }).first().click();
      await title('(2/5): address');
      // A port nobody listens on.
      const wrongUrl = sandbox.baseUrl.replace(/:\d+/, ':9');
      await input.fill(wrongUrl);
      await page.keyboard.press('Enter');
      await title('(3/5): token');
      await input.fill(TOKEN);
      await page.keyboard.press('Enter');
      // Unreachable: back to the address, with what was typed, and the token kept.
      await title('(2/5): address');
      await waitFor(async () => /Could not reach 127\.0\.0\.1:9/.test(await message()), 'the address to be questioned');
      assert.strictEqual(await input.inputValue(), wrongUrl, 'the address typed is kept to correct');
      await input.fill(sandbox.baseUrl);
      await page.keyboard.press('Enter');
      // The kept token is checked against the corrected address without being asked again.
      await title('(4/5): name');
      const host = new URL(sandbox.baseUrl).host;
      assert.strictEqual(await input.inputValue(), host, 'the name offered is the host');
      await page.keyboard.press('Escape');

      // A refused token is asked for again in place, before any other question.
      await wb.runCommand('integrator.io: Add Environment');
      await quickInput.locator('.monaco-list-row', { hasText: 'Custom base URL' }).first().click();
      await title('(2/5): address');
      await input.fill(sandbox.baseUrl);
      await page.keyboard.press('Enter');
      await title('(3/5): token');
      await input.fill('not-the-token-0000');
      await page.keyboard.press('Enter');
      await waitFor(async () => /\(401\)/.test(await message()), 'the refused token to be said in place');
      await title('(3/5): token');
      await wb.screenshot('add-environment-token-refused');
      await input.fill(TOKEN);
      await page.keyboard.press('Enter');
      await title('(4/5): name');
      await input.fill('Acme Dev');
      await page.keyboard.press('Enter');
      await title('(5/5)');
      await quickInput.locator('.monaco-list-row', { hasText: 'Development or sandbox account' }).first().click();
      await wb.treeRow('Acme Dev').waitFor();

      // A save the API refuses: the field is marked on its line, the edit stays.
      await wb.expand('Acme Dev');
      await wb.expand('Exports');
      await wb.treeRow('Shopify - Get Orders').click();
      await page.locator('.tabs-container .tab', { hasText: 'Shopify - Get Orders.export.json' }).waitFor();
      const adaptorLine = page.locator('.editor-instance .view-line', { hasText: '"adaptorType": "HTTPExport"' }).first();
      await adaptorLine.locator('span', { hasText: 'HTTPExport' }).last().dblclick();
      await page.keyboard.type('HttpExport');
      // The schema marks the value first (a warning); Ctrl+S then asks, and Save Anyway sends it.
      await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 20_000 });
      await page.keyboard.press('Control+S');
      const question = page.locator('.monaco-dialog-box');
      await question.waitFor({ timeout: 20_000 });
      assert.match(await question.innerText(), /Shopify - Get Orders\.export\.json has 1 problem its schema reports: save anyway\?/);
      await wb.screenshot('save-schema-question');
      await question.getByRole('button', { name: 'Save Anyway', exact: true }).click();
      await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 20_000 });
      await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: '`adaptorType` must be one of' }).first();
      await problem.waitFor();
      const where = await problem.innerText();
      assert.match(where, /integrator\.io \(422\)/, `the problem names its source: ${where}`);
      // On the adaptorType line: the Problems row's line number is that line's.
      const line = await lineNumberOf(wb.page, '"adaptorType": "HttpExport"');
      assert.match(where, new RegExp(`\\[Ln ${line}, Col \\d+\\]`), `the problem is on line ${line}: ${where}`);
      assert.ok((await page.locator('.tabs-container .tab.dirty').count()) > 0, 'the document keeps the edit (dirty)');
      await wb.screenshot('save-refused-field', 'media/screenshots/save-refused.png');

      // Corrected and saved: the marks go, and the status bar says it was saved.
      await page.locator('.tabs-container .tab', { hasText: 'Shopify - Get Orders.export.json' }).click();
      await page
        .locator('.editor-instance .view-line', { hasText: '"adaptorType": "HttpExport"' })
        .locator('span', { hasText: 'HttpExport' })
        .last()
        .dblclick();
      await page.keyboard.type('HTTPExport');
      // A valid value: once the schema's mark is gone, Ctrl+S saves without a question.
      await waitFor(async () => (await page.locator('.editor-instance .squiggly-warning').count()) === 0, 'the schema mark to clear');
      await page.keyboard.press('Control+S');
      await page.locator('.statusbar-item', { hasText: 'Saved export "Shopify - Get Orders" in Acme Dev' }).waitFor({ timeout: 20_000 });
      await waitFor(async () => (await page.locator('.editor-instance .squiggly-error').count()) === 0, 'the field marks to clear');
    } finally {
      await sandbox.close();
    }
  },
};

/** The editor's line number of the first line holding `text` (line numbers sit level with their lines). */
async function lineNumberOf(page: import('playwright-core').Page, text: string): Promise<number> {
  const line = page.locator('.editor-instance .view-line', { hasText: text }).first();
  const top = await line.evaluate((e) => (e as unknown as { style: { top: string } }).style.top);
  const numbers = page.locator('.editor-instance .margin-view-overlays > div');
  const count = await numbers.count();
  for (let i = 0; i < count; i++) {
    const candidate = numbers.nth(i);
    if ((await candidate.evaluate((e) => (e as unknown as { style: { top: string } }).style.top)) === top)
      return Number((await candidate.innerText()).trim());
  }
  throw new Error(`no line number beside "${text}"`);
}
