/**
 * Runs a flow from the tree's context menu and reads the job view in the webview as a person
 * sees it, on the plain demo account (its screenshot is the README's; hostile names in the job
 * view are hostileContent.ui.ts's job).
 */
import * as assert from 'assert';
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
    await wb.screenshot('run-flow', 'media/screenshots/run.png');
  },
};
