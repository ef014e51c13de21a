/**
 * The buttons that need an account of their own, clicked as a person clicks them: the errors
 * view's Load more (two errors a page), Retry selected on an error whose data was fixed, the job
 * view's Cancel run (jobs made never to end), and the history's older entries, which load when its
 * end scrolls into view (30 changes, 25 a page).
 */
import * as assert from 'assert';
import { IntegratorClient } from '../../../src/api';
import { startSandbox } from '../../../src/sandbox';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';
import { openDemoStepErrors } from './webviews.ui';

const TOKEN = 'ui-paging-token-8b3f6a91c2';

export const pagingAndCancelUiTest: UiTest = {
  name: 'paging and cancel: Load more in the errors view, Cancel run in the job view, older history on scroll',
  async run(wb) {
    const { page } = wb;
    const sandbox = await startSandbox({ token: TOKEN, seed: 'demo', settings: { errorPageSize: 2 } });
    const client = new IntegratorClient({ baseUrl: sandbox.baseUrl, token: TOKEN });
    try {
      await wb.openViewContainer('integrator.io');
      await wb.addEnvironment({ baseUrl: sandbox.baseUrl, name: 'Paging Account', token: TOKEN, production: false });
      await wb.expand('Paging Account');

      // Errors: the first page holds two of the three; Load more brings the third, from nextPageURL.
      const errors = await openDemoStepErrors(wb);
      const rows = errors.locator('tr[data-error-id]');
      await errors.getByText('2 open errors loaded, more to load').waitFor();
      assert.strictEqual(await rows.count(), 2);
      await errors.getByRole('button', { name: 'Load more' }).click();
      await errors.getByText(/^3 open errors$/).waitFor();
      assert.strictEqual(await rows.count(), 3);
      assert.strictEqual(await errors.getByRole('button', { name: 'Load more' }).count(), 0, 'nothing more to load');
      assert.ok(
        sandbox.services.requestLog.some((r) => r.query.includes('startAtErrorId')),
        'the second page came from nextPageURL',
      );

      // Retry selected on an error whose record was fixed (as its retry data document would): it succeeds and leaves the list.
      const flowId = (await client.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!._id;
      const stepId = (await client.imports.listAll()).find((i) => i.name === 'NetSuite - Create Sales Orders')!._id;
      const fixed = (await client.errors.listAll(flowId, stepId))[0]!;
      const retryData = await client.errors.getRetryData(flowId, stepId, fixed.retryDataKey!);
      await client.errors.updateRetryData(flowId, stepId, fixed.retryDataKey!, {
        ...retryData,
        data: { ...(retryData.data as object), email: 'known.customer@example.com' },
      });
      await errors.locator(`tr[data-error-id="${fixed.errorId}"] input[type="checkbox"]`).check();
      await errors.getByRole('button', { name: 'Retry selected' }).click();
      await errors.locator('.toolbar .muted', { hasText: /Retry completed: 1 succeeded, 0 failed again/ }).waitFor({ timeout: 30_000 });
      assert.strictEqual(await errors.locator(`tr[data-error-id="${fixed.errorId}"]`).count(), 0, 'the fixed error left the list');
      assert.strictEqual(await rows.count(), 2);

      // A run that never ends: the job view's Cancel run cancels it, and the view shows it canceled.
      sandbox.services.faults.current = { ...sandbox.services.faults.current, jobs: 'hang' };
      await wb.contextMenu('Shopify Orders to NetSuite Sales Orders', 'Run Flow');
      const jobs = await wb.webviewFrame('.job-header');
      const cancel = jobs.getByRole('button', { name: 'Cancel run' });
      await cancel.waitFor({ timeout: 30_000 });
      await cancel.click();
      await jobs.locator('tr.parent[data-status="canceled"]').waitFor({ timeout: 30_000 });
      assert.strictEqual(await jobs.getByRole('button', { name: 'Cancel run' }).count(), 0, 'a canceled run offers no Cancel');
      const [job] = await client.jobs.listAll({ _flowId: flowId, status: 'canceled' });
      assert.ok(job, 'the account has the run canceled');
      await page.locator('.notifications-toasts', { hasText: 'canceled' }).first().waitFor({ timeout: 30_000 });

      // History: 30 changes to one export, 25 a page; scrolling to the end loads the older five.
      const exportId = (await client.exports.listAll()).find((e) => e.name === 'Shopify - Get Orders')!._id;
      const full = await client.exports.get(exportId);
      for (let i = 1; i <= 30; i++) await client.exports.update(exportId, { ...full, description: `revision ${i}` });
      await wb.collapse('Integrations');
      await wb.expand('Exports');
      await wb.contextMenu('Shopify - Get Orders', 'Show Audit History');
      const audit = await wb.webviewFrame('.entry');
      const entries = audit.locator('.entry');
      await entries.nth(24).waitFor();
      const firstPage = await entries.count();
      assert.strictEqual(firstPage, 25, 'one page shows first');
      // Scrolls with the wheel, as a person does, until the end of the history has shown.
      await entries.first().hover();
      await waitFor(
        async () => {
          await page.mouse.wheel(0, 3000);
          return (await audit.getByText('End of history.').count()) > 0;
        },
        'the older entries to load as the end scrolls into view',
        30_000,
      );
      assert.ok((await entries.count()) > firstPage, 'older entries loaded on scroll');
      assert.match(await entries.last().innerText(), /^Create/, 'the history goes back to the export being created');
      await wb.screenshot('paging-and-cancel');
    } finally {
      client.dispose();
      await sandbox.close();
    }
  },
};
