/**
 * Integration as code in the real VS Code, as a person does it: pull an integration from its row
 * into the workspace, edit an export's file, see the change in the Source Control view, open its
 * diff with the account, and apply it with ✓. Screenshots of each step.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

let userDataDir = '';

/** The export as the local sandbox stored it (its data file holds every acknowledged write). */
function storedExport(name: string): Record<string, unknown> | undefined {
  const file = path.join(userDataDir, 'User/globalStorage/integrator-io-community.integrator-io/sandbox/account.json');
  if (!fs.existsSync(file)) return undefined;
  const account = JSON.parse(fs.readFileSync(file, 'utf8')) as { resources: { exports: Record<string, unknown>[] } };
  return account.resources.exports.find((e) => e.name === name);
}

export const integrationAsCodeUiTest: UiTest = {
  name: 'integration as code: pull to the workspace, see a change in Source Control, open its diff, apply it',
  prepare(dir) {
    userDataDir = dir;
  },
  async run(wb) {
    const { page } = wb;
    const workspace = path.join(path.dirname(userDataDir), 'workspace');
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Integrations');
    await wb.contextMenu('Shopify - NetSuite Order Sync', 'Pull Integration to Folder…');
    // VS Code's folder dialog (the simple one in a browser) opens on the workspace folder: accept it.
    const dialog = page.locator('.quick-input-widget');
    await dialog.locator('input').waitFor({ state: 'visible' });
    await dialog.locator('.quick-input-action .monaco-button', { hasText: 'Pull Here' }).click();
    await page
      .locator('.notifications-toasts', { hasText: 'Pulled "Shopify - NetSuite Order Sync" (16 resources)' })
      .waitFor({ timeout: 30_000 });
    const folder = path.join(workspace, 'shopify-netsuite-order-sync');
    assert.ok(fs.existsSync(path.join(folder, 'exports/shopify-get-orders.export.json')), 'the files are in the workspace');

    // Edit the export's file in the editor, as a person does.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('shopify-get-orders.export.json');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'shopify-get-orders.export.json' }).first().click();
    const line = page.locator('.editor-instance .view-line', { hasText: '"pageSize": 20' }).first();
    await line.waitFor({ timeout: 30_000 });
    await line.locator('span', { hasText: /^20$/ }).last().dblclick();
    await page.keyboard.type('25');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 10_000 });

    await wb.openViewContainer('Source Control');
    const entry = page.locator('.scm-view .monaco-list-row', { hasText: 'shopify-get-orders.export.json' });
    await entry.first().waitFor({ timeout: 30_000 });
    await page.locator('.scm-view .monaco-list-row', { hasText: 'Changes to Apply' }).first().waitFor();
    await wb.widenSideBar(120);
    await wb.screenshot('iac-source-control', 'media/screenshots/integration-as-code.png');

    await entry.first().click();
    await page
      .locator('.tabs-container .tab', { hasText: 'exports/shopify-get-orders: Local Sandbox ↔ folder' })
      .waitFor({ timeout: 20_000 });
    await page.locator('.monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert').first().waitFor({ timeout: 20_000 });
    await wb.screenshot('iac-diff');
    assert.strictEqual(storedExport('Shopify - Get Orders')?.pageSize, 20, 'nothing applied before ✓');

    await page.locator('.part.sidebar .action-label[aria-label="Apply to Environment"]').first().click();
    await page.locator('.notifications-toasts', { hasText: 'Applied 1 change to "Local Sandbox".' }).waitFor({ timeout: 30_000 });
    await entry.first().waitFor({ state: 'detached', timeout: 20_000 });
    await waitFor(() => storedExport('Shopify - Get Orders')?.pageSize === 25, 'the account to hold the edit', 10_000);
    await wb.screenshot('iac-applied');
  },
};
