/**
 * Drives the explorer through the UI: opens the view, starts the sandbox from the command
 * palette, expands an integration and a flow, checks what a person sees, and saves a screenshot.
 */
import * as assert from 'assert';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

export const explorerUiTest: UiTest = {
  name: 'explorer: start the sandbox from the palette and browse a flow',
  async run(wb) {
    await wb.openViewContainer('integrator.io');
    await wb.page.getByRole('button', { name: 'Start Local Sandbox' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('explorer-welcome', 'media/screenshots/explorer-welcome.png');

    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.treeRow('Local Sandbox').waitFor({ timeout: 30_000 });
    await wb.expand('Integrations');
    // A click on a row with children expands it, as in every VS Code tree, and opens nothing.
    for (const label of ['Shopify - NetSuite Order Sync', 'Shopify Orders to NetSuite Sales Orders']) {
      const row = wb.treeRow(label);
      await row.locator('.label-name').click();
      await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true', `"${label}" to expand on a click`, 15_000);
    }
    assert.strictEqual(await wb.page.locator('.tabs-container .tab').count(), 0, 'no document opened on a click that expands');
    for (const step of [
      'Shopify - Get Orders',
      'NetSuite - Customer Lookup',
      'NetSuite - Create Sales Orders',
      'Shopify - Tag Order as Synced',
    ]) {
      await wb.treeRow(step).waitFor({ timeout: 15_000 });
    }
    const description = await wb.treeRow('NetSuite - Customer Lookup').locator('.label-description').textContent();
    assert.strictEqual(description?.trim(), 'lookup · NetSuite');
    // Nothing of an environment is in front yet (the tree names its own): the status bar names none.
    const status = await wb.page.locator('.statusbar-item', { hasText: /^\s*integrator\.io\s*$/ }).count();
    assert.ok(status > 0, 'the status bar shows the neutral item');
    // Opening a row with children is its inline Open action.
    const flowRow = wb.treeRow('Shopify Orders to NetSuite Sales Orders');
    await flowRow.hover();
    await flowRow.getByRole('button', { name: 'Open' }).click();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Shopify Orders to NetSuite Sales Orders' }).waitFor();
    // The flow's document in front belongs to the sandbox, and the status bar says so.
    await wb.page.locator('.statusbar-item', { hasText: 'Local Sandbox' }).first().waitFor();
    // The settings editor in front belongs to no environment: the status bar names none.
    await wb.runCommand('Preferences: Open Settings (UI)');
    await wb.page.locator('.settings-editor').first().waitFor();
    await wb.page
      .locator('.statusbar-item', { hasText: /^\s*integrator\.io\s*$/ })
      .first()
      .waitFor();
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('View: Close All Editors');
    await wb.expand('Connections');
    await wb.treeRow('Bank SFTP').waitFor();
    await wb.widenSideBar();
    await wb.screenshot('explorer', 'media/screenshots/explorer.png');
  },
};
