/**
 * What a user must notice at any side-bar width: open errors and production. In a narrow side
 * bar (descriptions cut off) the rows still carry their marks, as decorations at the row's end:
 * a red count of open errors on flows and steps, a red "P" on a production environment and a
 * "P" on every row in it. The job view's open-errors line opens the errors view, and every view
 * of production says so in its tab.
 */
import * as assert from 'assert';
import { Locator } from 'playwright-core';
import { startSandbox } from '../../../src/sandbox';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

const TOKEN = 'ui-noticing-token-7e2b9c4d1f';

/** What badgeOf uses in the page (the test project has no DOM types). */
interface PageGlobals {
  getComputedStyle(element: unknown, pseudo: string): { content: string };
}

/** The badge VS Code draws after a row's label (a file decoration), as text. */
async function badgeOf(row: Locator): Promise<string> {
  const content = await row
    .locator('.monaco-icon-label')
    .first()
    .evaluate((label) => (globalThis as unknown as PageGlobals).getComputedStyle(label, '::after').content);
  return content === 'none' ? '' : content.replace(/^"|"$/g, '');
}

export const noticingUiTest: UiTest = {
  name: 'noticing: open errors and production marked on rows at a narrow width; the job view opens the errors',
  async run(wb) {
    const { page } = wb;
    const sandbox = await startSandbox({ token: TOKEN, seed: 'demo' });
    try {
      await wb.openViewContainer('integrator.io');
      await wb.addEnvironment({ baseUrl: sandbox.baseUrl, name: 'Acme Production', token: TOKEN, production: true });
      await wb.widenSideBar(-110); // narrow: descriptions are cut off
      await wb.expand('Acme Production');
      await wb.expand('Integrations');
      await wb.expand('Shopify - NetSuite Order Sync');

      const environment = wb.treeRow('Acme Production');
      await waitFor(async () => (await badgeOf(environment)) === 'P', 'the production environment to carry a P');
      assert.match((await environment.locator('.label-description').innerText()).trim(), /^PRODUCTION/);
      const flow = wb.treeRow('Shopify Orders to NetSuite Sales Orders');
      // Decorations arrive a moment after their rows.
      await waitFor(async () => (await badgeOf(flow)) === '3', 'the flow to show its open errors as a badge');
      assert.match((await flow.getAttribute('aria-label')) ?? '', /3 open errors/, 'and says so to a screen reader');

      await wb.expand('Shopify Orders to NetSuite Sales Orders');
      const failing = wb.treeRow('NetSuite - Create Sales Orders');
      await waitFor(async () => (await badgeOf(failing)) === '3', 'the failing step to show its open errors');
      assert.strictEqual(await badgeOf(wb.treeRow('Shopify - Get Orders')), 'P', 'a row without errors still shows production');
      const sideBarWidth = (await page.locator('.part.sidebar').boundingBox())!.width;
      assert.ok(sideBarWidth < 260, `the side bar is narrow (${sideBarWidth} px)`);
      await wb.screenshot('noticing-narrow', 'media/screenshots/noticing.png');

      // The job view names production in its tab; its open-errors line opens that step's errors.
      await wb.contextMenu('Shopify Orders to NetSuite Sales Orders', 'Show Recent Jobs');
      const tabs = page.locator('.tabs-container .tab');
      await tabs.filter({ hasText: '⚠ PROD · Recent runs: Shopify Orders to NetSuite Sales Orders (Acme Production)' }).waitFor();
      const runs = await wb.webviewFrame('.job');
      // A run that completed with errors says so, as integrator.io's own dashboard does: never a green "completed".
      await runs.locator('.badge.status-completed-with-errors', { hasText: 'completed with errors' }).first().waitFor();
      await wb.screenshot('noticing-runs');
      await runs.getByRole('button', { name: /3 open errors from this run: Show Errors/ }).click();
      await tabs.filter({ hasText: '⚠ PROD · Errors: NetSuite - Create Sales Orders (Acme Production)' }).waitFor();
      const errors = await wb.webviewFrame('tr[data-error-id]');
      assert.strictEqual(await errors.locator('tr[data-error-id]').count(), 3);
      // A step's error count in the table opens the same view.
      await tabs.filter({ hasText: 'Recent runs' }).click();
      await runs.locator('tr.child button.link', { hasText: '3' }).first().click();
      await tabs.filter({ hasText: 'Errors: NetSuite - Create Sales Orders' }).and(page.locator('.tab.active')).waitFor();
    } finally {
      await sandbox.close();
    }
  },
};
