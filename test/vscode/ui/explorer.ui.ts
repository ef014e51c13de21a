/**
 * Drives the explorer through the UI: opens the view, starts the sandbox from the command
 * palette, expands an integration and a flow, checks what a person sees, and saves a screenshot.
 */
import * as assert from 'assert';
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
    await wb.expand('Shopify - NetSuite Order Sync');
    await wb.expand('Shopify Orders to NetSuite Sales Orders');
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
    const status = await wb.page.locator('.statusbar-item', { hasText: 'Local Sandbox' }).count();
    assert.ok(status > 0, 'the status bar shows the active environment');
    await wb.expand('Connections');
    await wb.treeRow('Bank SFTP').waitFor();
    await wb.widenSideBar();
    await wb.screenshot('explorer', 'media/screenshots/explorer.png');
  },
};
