/**
 * Runs a flow from the tree's context menu and reads the job view in the webview as a person
 * sees it, on the plain demo account (its screenshot is the README's; hostile names in the job
 * view are hostileContent.ui.ts's job).
 */
import * as assert from 'assert';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

export const HOSTILE_NAME = `<img src=x onerror="document.title='pwned'"></script><b>Opportunities</b>`;

export const runFlowUiTest: UiTest = {
  name: 'run flow: run from the context menu, follow the job, read the job view',
  async run(wb) {
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Integrations');
    await wb.expand('Salesforce - Snowflake Analytics');
    // An enabled flow's menu offers Disable Flow, not Enable Flow.
    await wb.treeRow('Salesforce Opportunities to Snowflake').click({ button: 'right' });
    await wb.page.getByRole('menuitem', { name: 'Disable Flow', exact: true }).waitFor();
    assert.strictEqual(await wb.page.getByRole('menuitem', { name: 'Enable Flow', exact: true }).count(), 0);
    await wb.page.keyboard.press('Escape');
    const openErrors = async () =>
      Number(/(\d+) open errors?/.exec(await wb.treeRow('Salesforce Opportunities to Snowflake').innerText())?.[1] ?? 0);
    const errorsBefore = await openErrors();
    await wb.contextMenu('Salesforce Opportunities to Snowflake', 'Run Flow');

    const frame = await wb.webviewFrame('.job');
    await frame.locator('tr.parent[data-status="completed"]').waitFor({ timeout: 30_000 });
    const rows = await frame.locator('tbody tr').allInnerTexts();
    assert.strictEqual(rows.length, 7, `a run row and six step rows: ${rows.join(' | ')}`);
    assert.ok(
      rows.some((r) => r.includes('Salesforce - Opportunities')),
      'steps are named after their exports and imports',
    );
    assert.match(rows[0]!, /Flow run\s+completed/);
    // The run's new errors reach the flow's row in the tree without expanding it again.
    const runErrors = Number(/completed with errors\s+\S+ m?s\s+\d+\s+\d+\s+(\d+)/.exec(rows[0]!)?.[1] ?? 0);
    assert.ok(runErrors > 0, `the demo flow's run has errors: ${rows[0]}`);
    await waitFor(async () => (await openErrors()) > errorsBefore, 'the flow row’s open errors to follow the run', 20_000);
    await wb.screenshot('run-flow', 'media/screenshots/run.png');

    // From the palette, with no flow in front: a pick of the flows, each with its integration.
    await wb.runCommand('integrator.io: Run Flow');
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Salesforce Accounts to Snowflake' }).first();
    await row.waitFor({ timeout: 20_000 });
    assert.match(await row.innerText(), /Salesforce - Snowflake Analytics/);
    await row.click();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Run: Salesforce Accounts to Snowflake' }).waitFor({ timeout: 30_000 });
  },
};
