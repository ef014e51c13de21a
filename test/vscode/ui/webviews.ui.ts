/**
 * The webviews as a person uses them: the mapping preview, the export preview with Next page,
 * the audit history with its diffs, and a step's errors, each reached from the tree's context
 * menu, read in its frame, and photographed for the README from the plain demo account
 * (hostile values in these views are hostileContent.ui.ts's job).
 */
import * as assert from 'assert';
import { Frame } from 'playwright-core';
import { UiTest } from './uiTest';
import { Workbench } from './workbench';

export const webviewsUiTest: UiTest = {
  name: 'webviews: mapping preview, export preview, audit history and errors from the tree',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.widenSideBar(40);

    await wb.expand('Imports');
    await wb.contextMenu('Slack - Post GitHub Event', 'Preview Import Mapping');
    const mapping = await wb.webviewFrame('.mapping');
    await mapping.locator('pre.output', { hasText: 'sqs_flow' }).waitFor({ timeout: 20_000 });
    assert.strictEqual(await mapping.locator('.mapping tbody tr').count(), 2);
    // The sample records have no timestamp: its mapped field is missing from the output, and marked.
    await mapping.locator('tr.missing', { hasText: 'timestamp' }).getByText('not in output').waitFor();
    assert.strictEqual(await mapping.locator('tr.missing').count(), 1, 'only the missing field is marked');
    await page.mouse.move(900, 700);
    await wb.screenshot('mapping-preview', 'media/screenshots/mapping-preview.png');

    await wb.expand('Exports');
    await wb.contextMenu('Salesforce - Accounts', 'Preview Export');
    const exportFrame = await wb.webviewFrame('table.records');
    await exportFrame.locator('tr.record').first().waitFor();
    const firstCount = await exportFrame.locator('tr.record').count();
    await exportFrame.getByRole('button', { name: 'Next page' }).click();
    await exportFrame.locator('.counter', { hasText: '2 pages' }).waitFor();
    assert.ok((await exportFrame.locator('tr.record').count()) > firstCount, 'the next page adds records');
    await exportFrame.locator('button.json-toggle').first().click();
    // The JSON opens in a row of the table's full width, not squeezed into the last column.
    const json = exportFrame.locator('tr.record-json pre').first();
    await json.waitFor();
    const tableWidth = (await exportFrame.locator('table.records').boundingBox())!.width;
    const jsonWidth = (await json.boundingBox())!.width;
    assert.ok(jsonWidth > tableWidth * 0.9, `the JSON takes the table's width (${jsonWidth} of ${tableWidth} px)`);
    await wb.screenshot('export-preview', 'media/screenshots/export-preview.png');

    await wb.contextMenu('Shopify - Get Orders', 'Show Audit History');
    const audit = await wb.webviewFrame('.entry');
    assert.ok((await audit.locator('.entry').count()) >= 2, 'seeded history');
    await audit.locator('pre.diff .added, .inline-new').first().waitFor();
    const pageSize = await audit.locator('.change[data-field="pageSize"]').innerText();
    assert.match(pageSize, /pageSize: 50 → 20/, 'an inline change reads old → new');
    await wb.screenshot('audit-history', 'media/screenshots/audit.png');

    const errors = await openDemoStepErrors(wb);
    assert.strictEqual(await errors.locator('tr[data-error-id]').count(), 3);
    await page.mouse.move(900, 700); // no row tooltip in the picture
    await wb.screenshot('errors', 'media/screenshots/errors.png');

    // The HTTP request and response behind an error open under its row, and close again.
    const firstError = errors.locator('tr[data-error-id]').first();
    const message = await firstError.locator('td.message').innerText();
    const http = firstError.getByRole('button', { name: 'HTTP' });
    await http.click();
    const request = errors.locator('section.exchange-side[aria-label="Request"]');
    await request.locator('.first-line', { hasText: 'POST https://tstdrv1234567.restlets.api.netsuite.com/' }).waitFor();
    assert.match(await request.locator('pre.headers').innerText(), /authorization: Bearer \*{8}/, 'the credential is masked');
    assert.match(await request.locator('pre.body').innerText(), /"email":/, 'the record that was sent');
    const response = errors.locator('section.exchange-side[aria-label="Response"]');
    assert.strictEqual(await response.locator('.first-line').innerText(), 'Status 422');
    assert.ok(
      (await response.locator('pre.body').innerText()).includes(JSON.stringify(message).slice(1, 40)),
      'the refusal names the error',
    );
    assert.strictEqual(await http.getAttribute('aria-expanded'), 'true');
    await wb.screenshot('errors-http-exchange');
    await http.click();
    await errors.locator('tr.exchange-row').waitFor({ state: 'detached' });
  },
};

/** Opens the errors view of the demo step with open errors, from its context menu in the tree. */
export async function openDemoStepErrors(wb: Workbench): Promise<Frame> {
  // Steps share their names with the exports and imports of the categories: fold those away.
  await wb.collapse('Exports');
  await wb.collapse('Imports');
  await wb.expand('Integrations');
  await wb.expand('Shopify - NetSuite Order Sync');
  await wb.expand('Shopify Orders to NetSuite Sales Orders');
  await wb.contextMenu('NetSuite - Create Sales Orders', 'Show Errors');
  return wb.webviewFrame('tr[data-error-id]');
}
