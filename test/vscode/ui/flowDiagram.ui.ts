/**
 * The flow diagram in the real VS Code: opened from a flow's row, it shows the demo flow's steps
 * in order (a router flow too, with its branches), each step a button with an accessible name that
 * Tab and the arrow keys reach; a click on a step opens its document, a click on its open errors
 * the errors view, and its context menu offers what the tree does (Preview Mapping and Run Hook… here);
 * Copy as Mermaid names every step; two processors swapped in the unsaved document redraw in that order.
 */
import * as assert from 'assert';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

export const flowDiagramUiTest: UiTest = {
  name: 'flow diagram: from a flow row, the steps in order; a click opens a step; a router flow shows its branches',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Integrations');
    await wb.expand('Shopify - NetSuite Order Sync');
    await wb.contextMenu('Shopify Orders to NetSuite Sales Orders', 'Show Flow Diagram');
    await page
      .locator('.tabs-container .tab', { hasText: 'Diagram: Shopify Orders to NetSuite Sales Orders' })
      .waitFor({ timeout: 30_000 });
    const frame = await wb.webviewFrame('svg g.node');
    const labels = await frame.locator('g.node text.label').allTextContents();
    assert.deepStrictEqual(labels, [
      'Shopify - Get Orders',
      'NetSuite - Customer Lookup',
      'NetSuite - Create Sales Orders',
      'Shopify - Tag Order as Synced',
    ]);
    // Every step is a button Tab reaches, named for a screen reader.
    const buttons = frame.locator('g.node[role="button"][tabindex="0"]');
    assert.strictEqual(await buttons.count(), 4);
    assert.match((await buttons.first().getAttribute('aria-label')) ?? '', /^Open Shopify - Get Orders, source · HTTP · Shopify Store/);
    // Live counts: the latest run's, and the open errors of the step that has them.
    const openText = frame.locator('g.node', { hasText: 'NetSuite - Create Sales Orders' }).locator('text.counts.open-errors');
    await openText.waitFor({ timeout: 20_000 });
    const openBefore = Number(/(\d+) open/.exec((await openText.textContent()) ?? '')?.[1]);
    assert.ok(openBefore > 0, 'the step with open errors says how many');
    // What each step holds comes from its document: the source's hook, the import's hook and mapping.
    await frame.locator('g.node', { hasText: 'Shopify - Get Orders' }).locator('text.marks', { hasText: 'hooks: preSavePage' }).waitFor();
    await frame.locator('g.node', { hasText: 'NetSuite - Create Sales Orders' }).locator('text.marks', { hasText: 'mapping' }).waitFor();
    // The whole flow in view for the README's picture, then back to actual size.
    await frame.getByRole('button', { name: 'Fit to Width' }).click();
    await page.mouse.move(900, 600); // no tooltip of the tree in the picture
    await wb.screenshot('flow-diagram', 'media/screenshots/flow-diagram.png');
    await frame.getByRole('button', { name: 'Actual Size' }).click();

    // Keyboard: → follows the flow, Tab goes on to the next step, each focused step is the one named.
    const focusedStep = () => frame.locator('g.node:focus text.label').textContent({ timeout: 5_000 });
    await buttons.first().focus();
    await page.keyboard.press('ArrowRight');
    assert.strictEqual(await focusedStep(), 'NetSuite - Customer Lookup');
    await page.keyboard.press('Tab');
    assert.strictEqual(await focusedStep(), 'NetSuite - Create Sales Orders');
    await page.keyboard.press('ArrowLeft');
    assert.strictEqual(await focusedStep(), 'NetSuite - Customer Lookup');

    // The step's context menu is the tree's: Preview Mapping opens the import's mapping preview.
    await frame.locator('g.node', { hasText: 'NetSuite - Create Sales Orders' }).locator('rect').click({ button: 'right' });
    for (const item of ['Open', 'Show Errors', 'Run Hook…', 'Show Audit History'])
      await page.getByRole('menuitem', { name: item, exact: true }).waitFor({ timeout: 10_000 });
    assert.strictEqual(
      await page.getByRole('menuitem', { name: 'Preview Export', exact: true }).count(),
      0,
      'an import offers no export preview',
    );
    await page.getByRole('menuitem', { name: 'Preview Mapping', exact: true }).hover();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'Mapping: NetSuite - Create Sales Orders' }).waitFor({ timeout: 30_000 });

    // Run Hook… from the picture runs the import's preMap as Run Hook… above its function does.
    await page.locator('.tabs-container .tab', { hasText: 'Diagram: Shopify Orders to NetSuite Sales Orders' }).click();
    await frame.locator('g.node', { hasText: 'NetSuite - Create Sales Orders' }).locator('rect').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Run Hook…', exact: true }).hover();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'NetSuite - Build Sales Order Lines.js' }).waitFor({ timeout: 30_000 });
    const hook = await wb.webviewFrame('.verdict', 60_000);
    await hook.locator('.verdict.ok', { hasText: 'The result fits the contract.' }).waitFor({ timeout: 60_000 });

    // A click on a step's open errors opens its errors view.
    await page.locator('.tabs-container .tab', { hasText: 'Diagram: Shopify Orders to NetSuite Sales Orders' }).click();
    await openText.click();
    await page.locator('.tabs-container .tab', { hasText: 'Errors: NetSuite - Create Sales Orders' }).waitFor({ timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Diagram: Shopify Orders to NetSuite Sales Orders' }).click();
    // A click on a step opens its document.
    await frame.locator('g.node', { hasText: 'NetSuite - Customer Lookup' }).locator('rect').click();
    await page.locator('.tabs-container .tab', { hasText: 'NetSuite - Customer Lookup.export.json' }).waitFor({ timeout: 20_000 });

    // Copy as Mermaid puts a chart on the clipboard that names every step.
    const clipboard = () => page.evaluate<string>('navigator.clipboard.readText()');
    await page.locator('.tabs-container .tab', { hasText: 'Diagram: Shopify Orders to NetSuite Sales Orders' }).click();
    await frame.getByRole('button', { name: 'Copy as Mermaid' }).click();
    await waitFor(async () => (await clipboard()).startsWith('flowchart LR'), 'the chart on the clipboard', 10_000);
    const chart = await clipboard();
    for (const step of [
      'Shopify - Get Orders',
      'NetSuite - Customer Lookup',
      'NetSuite - Create Sales Orders',
      'Shopify - Tag Order as Synced',
    ])
      assert.strictEqual(chart.split(`"${step}<br/>`).length - 1, 1, `${step} once in the chart`);

    // An edit in the flow's document (two processors swapped, pasted, not saved) redraws in the new order.
    await wb.contextMenu('Shopify Orders to NetSuite Sales Orders', 'Open');
    const flowTab = page.locator('.tabs-container .tab', { hasText: 'Shopify Orders to NetSuite Sales Orders.flow.json' });
    await flowTab.waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .view-lines', { hasText: 'pageProcessors' }).first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    await waitFor(async () => (await clipboard()).includes('"pageProcessors"'), 'the flow document copied', 10_000);
    const flow = JSON.parse(await clipboard()) as { pageProcessors: unknown[] };
    flow.pageProcessors = [flow.pageProcessors[0], flow.pageProcessors[2], flow.pageProcessors[1]];
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(JSON.stringify(flow, null, 2))})`);
    await page.keyboard.press('ControlOrMeta+V');
    await page.locator('.tabs-container .tab.dirty', { hasText: 'Shopify Orders to NetSuite Sales Orders.flow.json' }).waitFor();
    await waitFor(
      async () =>
        (await frame.locator('g.node text.label').allTextContents()).join(' | ') ===
        'Shopify - Get Orders | NetSuite - Customer Lookup | Shopify - Tag Order as Synced | NetSuite - Create Sales Orders',
      'the picture in the edited order',
      10_000,
    );
    await page.locator('.tabs-container .tab.dirty', { hasText: 'Shopify Orders to NetSuite Sales Orders.flow.json' }).waitFor();
    await wb.runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: 10_000 });

    // After a run the counts follow: this flow's runs leave new open errors on that step.
    await wb.contextMenu('Shopify Orders to NetSuite Sales Orders', 'Run Flow');
    const jobs = await wb.webviewFrame('.job');
    await jobs.locator('tr.parent[data-status="completed"]').waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Diagram: Shopify Orders to NetSuite Sales Orders' }).click();
    await waitFor(
      async () => Number(/(\d+) open/.exec((await openText.textContent()) ?? '')?.[1]) > openBefore,
      'the diagram’s open errors to follow the run',
      20_000,
    );

    // A router flow: the router, both branches named, each branch's step.
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.expand('Operations & Alerts');
    await wb.contextMenu('Zendesk Tickets Router', 'Show Flow Diagram');
    await page.locator('.tabs-container .tab', { hasText: 'Diagram: Zendesk Tickets Router' }).waitFor({ timeout: 30_000 });
    const router = await wb.webviewFrame('g.node.router');
    assert.deepStrictEqual(await router.locator('text.edge-label').allTextContents(), [
      'Urgent: priority equals urgent',
      'Everything else',
    ]);
    await router.locator('g.node', { hasText: 'Slack - Urgent Ticket Alert' }).waitFor();
    // The README's dark picture: theme colours only, so the picture follows the theme.
    await wb.setTheme('Dark Modern');
    await router.getByRole('button', { name: 'Fit to Width' }).click();
    await page.mouse.move(900, 600);
    await wb.screenshot('flow-diagram-dark', 'media/screenshots/flow-diagram-dark.png');
  },
};
