/**
 * Workspace trust as VS Code expects it: a pulled folder opened untrusted (Restricted Mode).
 * The explorer and pulling work; a pulled script's lens says it needs trust and its click is
 * refused, and an edit of the folder is not applied, each with VS Code's own "Manage Workspace
 * Trust" way out. Trusting the folder there turns the lens into Run Hook…, which then runs.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { UiTest } from './uiTest';

let userDataDir = '';

/** The export as the local sandbox stored it (its data file holds every acknowledged write). */
function storedPageSize(): unknown {
  const file = path.join(userDataDir, 'User/globalStorage/integrator-io-community.integrator-io/sandbox/account.json');
  const exports = (JSON.parse(fs.readFileSync(file, 'utf8')) as { resources: Record<string, Record<string, unknown>[]> }).resources.exports;
  return exports?.find((e) => e.name === 'Shopify - Get Orders')?.pageSize;
}

export const restrictedModeUiTest: UiTest = {
  name: 'restricted mode: an untrusted pulled folder runs no script and applies nothing, with Manage Workspace Trust',
  restrictedMode: true,
  prepare(dir) {
    userDataDir = dir;
  },
  async run(wb) {
    const { page } = wb;
    const workspace = path.join(path.dirname(userDataDir), 'workspace');
    const folder = path.join(workspace, 'shopify-netsuite-order-sync');
    // The explorer and a pull (account → folder) work in Restricted Mode.
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Integrations');
    await wb.contextMenu('Shopify - NetSuite Order Sync', 'Pull Integration to Folder…');
    const dialog = page.locator('.quick-input-widget');
    await dialog.locator('input').waitFor({ state: 'visible' });
    await dialog.locator('.quick-input-action .monaco-button', { hasText: 'Pull Here' }).click();
    await page.locator('.notifications-toasts', { hasText: 'Pulled "Shopify - NetSuite Order Sync"' }).waitFor({ timeout: 30_000 });
    assert.ok(fs.existsSync(path.join(folder, 'scripts/shopify-skip-test-orders.js')));

    // The pulled script: its lens says it needs trust, and its click is refused with the way out.
    await openFile(wb, 'shopify-skip-test-orders.js');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Run Hook… needs a trusted workspace' }).first();
    await lens.waitFor({ timeout: 30_000 });
    assert.strictEqual(await page.locator('.codelens-decoration a', { hasText: 'Debug Hook…' }).count(), 0, 'no Debug Hook… lens');
    await wb.screenshot('restricted-mode-lens');
    await lens.click();
    const refusal = page.locator('.notifications-toasts .notification-toast', {
      hasText: 'Running a script from a workspace folder needs a trusted workspace',
    });
    await refusal.waitFor({ timeout: 20_000 });
    await refusal.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).waitFor();
    assert.strictEqual(await page.locator('.tabs-container .tab', { hasText: 'preSavePage.json' }).count(), 0, 'no sample made');
    assert.strictEqual(await page.locator('.tabs-container .tab', { hasText: 'Hook: preSavePage' }).count(), 0, 'nothing ran');
    await refusal
      .locator('.codicon-notifications-clear')
      .click()
      .catch(() => undefined);

    // An edit of the folder, saved: Source Control shows it, and ✓ is refused; the account keeps its value.
    await openFile(wb, 'shopify-get-orders.export.json');
    const line = page.locator('.editor-instance .view-line', { hasText: '"pageSize": 20' }).first();
    await line.waitFor({ timeout: 30_000 });
    await line.locator('span', { hasText: /^20$/ }).last().dblclick();
    await page.keyboard.type('25');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 10_000 });
    await wb.openViewContainer('Source Control');
    await page.locator('.scm-view .monaco-list-row', { hasText: 'shopify-get-orders.export.json' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.part.sidebar .action-label[aria-label="Apply to Environment"]').first().click();
    const applyRefusal = page.locator('.notifications-toasts .notification-toast', {
      hasText: 'Applying shopify-netsuite-order-sync to "Local Sandbox" needs a trusted workspace',
    });
    await applyRefusal.waitFor({ timeout: 20_000 });
    await wb.screenshot('restricted-mode-apply');
    assert.strictEqual(storedPageSize(), 20, 'the edit was not applied');

    // VS Code's way out: the button opens its Workspace Trust editor; trusting there brings the lenses back.
    await applyRefusal.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).click();
    const trustEditor = page.locator('.workspace-trust-editor');
    await trustEditor.waitFor({ timeout: 20_000 });
    await trustEditor
      .locator('.monaco-button', { hasText: /^Trust$/ })
      .first()
      .click();
    await trustEditor.getByText('You trust this folder').waitFor({ timeout: 20_000 });
    await wb.screenshot('restricted-mode-trusted');
    await page.locator('.monaco-modal-editor-block .codicon-close, .monaco-modal-editor-block [aria-label^="Close"]').first().click();
    await trustEditor.waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('.tabs-container .tab', { hasText: 'shopify-skip-test-orders.js' }).first().click();
    await page
      .locator('.codelens-decoration a', { hasText: /^\S* ?Run Hook…$/ })
      .first()
      .click({ timeout: 30_000 });
    const view = await wb.webviewFrame('.verdict.ok', 30_000);
    assert.match(
      await view.locator('.subtitle').innerText(),
      /^shopify-skip-test-orders\.js as the preSavePage hook of Shopify - Get Orders/,
    );
  },
};

async function openFile(wb: Parameters<UiTest['run']>[0], name: string): Promise<void> {
  await wb.page.keyboard.press('Control+P');
  await wb.page.locator('.quick-input-widget input').fill(name);
  await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().click();
  await wb.page.locator('.tabs-container .tab', { hasText: name }).first().waitFor();
}
