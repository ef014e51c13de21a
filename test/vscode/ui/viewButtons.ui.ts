/**
 * The buttons of the views, clicked as a person clicks them, and what each then shows: in the
 * errors view Resolve selected, Retry selected and Retry data; the mapping preview's Run; the
 * audit history's Open diff. (Next page and HTTP are clicked in webviews.ui.ts.)
 */
import * as assert from 'assert';
import { Frame } from 'playwright-core';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';
import { openDemoStepErrors } from './webviews.ui';

/** Waits until the frame's text under `selector` matches, with the tests' one waitFor. */
function waitForText(frame: Frame, selector: string, pattern: RegExp, what: string): Promise<string> {
  return waitFor(
    async () => {
      const text = await frame
        .locator(selector)
        .first()
        .innerText()
        .catch(() => '');
      return pattern.test(text) && text;
    },
    what,
    30_000,
  );
}

export const viewButtonsUiTest: UiTest = {
  name: 'view buttons: resolve, retry and retry data in the errors view, Run in the mapping preview, Open diff in the history',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');

    // Errors view: three open errors of the demo step.
    const errors = await openDemoStepErrors(wb);
    const rows = errors.locator('tr[data-error-id]');
    assert.strictEqual(await rows.count(), 3);

    // Nothing selected: Resolve and Retry are disabled. Select all picks every row, and a second
    // click none; one row alone leaves the header box half-checked.
    const resolveButton = errors.getByRole('button', { name: 'Resolve selected' });
    const retryButton = errors.getByRole('button', { name: 'Retry selected' });
    assert.ok(await resolveButton.isDisabled(), 'Resolve is disabled until something is selected');
    assert.ok(await retryButton.isDisabled(), 'Retry is disabled until something is selected');
    const selectAll = errors.getByRole('checkbox', { name: 'Select all loaded errors' });
    await selectAll.check();
    assert.strictEqual(await errors.locator('tr[data-error-id] input[type="checkbox"]:checked').count(), 3);
    assert.match(await errors.locator('.toolbar .muted').innerText(), /^3 selected · 3 open errors$/);
    assert.ok(await resolveButton.isEnabled(), 'Resolve is enabled once errors are selected');
    await selectAll.uncheck();
    assert.strictEqual(await errors.locator('tr[data-error-id] input[type="checkbox"]:checked').count(), 0);
    await rows.nth(2).locator('input[type="checkbox"]').check();
    assert.ok(
      await selectAll.evaluate((box) => (box as unknown as { indeterminate: boolean }).indeterminate),
      'some selected: half-checked',
    );
    await rows.nth(2).locator('input[type="checkbox"]').uncheck();

    // Retry data opens the record behind an error as a document beside the view, named for the
    // step and the error's code.
    const code = (await rows.nth(0).locator('td.code').innerText()).split('\n')[0]!.trim();
    await rows.nth(0).getByRole('button', { name: 'Retry data' }).click();
    await page.locator('.tabs-container .tab', { hasText: `NetSuite - Create Sales Orders – ${code}.retrydata.json` }).waitFor();

    // Resolve selected: the chosen error leaves the list, and the view says so.
    const resolvedId = await rows.nth(1).getAttribute('data-error-id');
    await rows.nth(1).locator('input[type="checkbox"]').check();
    await errors.getByRole('button', { name: 'Resolve selected' }).click();
    await waitForText(errors, '.toolbar .muted', /^Resolved 1\.$/, 'the resolve to be reported');
    assert.strictEqual(await rows.count(), 2);
    assert.strictEqual(await errors.locator(`tr[data-error-id="${resolvedId}"]`).count(), 0, 'the resolved error is gone');

    // Retry selected: the retry runs as a job, followed to its end; the record still fails (its data was not fixed).
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await errors.getByRole('button', { name: 'Retry selected' }).click();
    const retried = await waitForText(errors, '.toolbar .muted', /^Retry (completed|failed)/, 'the retry to finish');
    assert.match(retried, /0 succeeded, 1 failed again\./);
    assert.strictEqual(await rows.count(), 2, 'an error whose data was not fixed stays open');

    // Mapping preview: Run evaluates again and says how long it took.
    await wb.collapse('Integrations');
    await wb.expand('Imports');
    await wb.contextMenu('Slack - Post GitHub Event', 'Preview Import Mapping');
    const mapping = await wb.webviewFrame('.mapping');
    await waitForText(mapping, '.status', /^Evaluated in \d+ ms$/, 'the first evaluation');
    const rendersBefore = Number(await mapping.locator('#app').getAttribute('data-renders'));
    await mapping.locator('textarea').fill('[{"timestamp": "2026-11-30T00:00:00Z"}]');
    await mapping.getByRole('button', { name: 'Run' }).click();
    await waitForText(mapping, 'pre.output', /"timestamp": "2026-11-30T00:00:00Z"/, 'the output of the edited records');
    assert.ok(Number(await mapping.locator('#app').getAttribute('data-renders')) > rendersBefore);
    assert.match(await mapping.locator('.status').innerText(), /^Evaluated in \d+ ms$/);

    // Audit history: Open diff shows the change in VS Code's diff editor.
    await wb.collapse('Imports');
    await wb.expand('Exports');
    await wb.contextMenu('Shopify - Get Orders', 'Show Audit History');
    const audit = await wb.webviewFrame('.entry');
    await audit.locator('.change[data-field="pageSize"]').getByRole('button', { name: 'Open diff' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'pageSize: Maria Ops' }).waitFor();
    await wb.screenshot('view-buttons');
  },
};
