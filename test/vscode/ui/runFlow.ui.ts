/**
 * Runs a flow from the tree's context menu and reads the job view in the webview as a person
 * sees it. The sandbox account is prepared with a hostile export name; it must show as text and
 * run nothing.
 */
import * as assert from 'assert';
import { writeSandboxAccount } from './sandboxAccount';
import { UiTest } from './uiTest';

export const HOSTILE_NAME = `<img src=x onerror="document.title='pwned'"></script><b>Opportunities</b>`;

export const runFlowUiTest: UiTest = {
  name: 'run flow: run from the context menu, follow the job, read the job view',
  prepare(userDataDir) {
    // The local sandbox loads this account on start, so the test controls what it serves.
    writeSandboxAccount(userDataDir, (account) => {
      account.resources.exports.find((e) => e.name === 'Salesforce - Opportunities')!.name = HOSTILE_NAME;
    });
  },
  async run(wb) {
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Integrations');
    await wb.expand('Salesforce - Snowflake Analytics');
    await wb.contextMenu('Salesforce Opportunities to Snowflake', 'Run Flow');

    const frame = await wb.webviewFrame('.job');
    await frame.locator('tr.parent[data-status="completed"]').waitFor({ timeout: 30_000 });
    const rows = await frame.locator('tbody tr').allInnerTexts();
    assert.strictEqual(rows.length, 7, `a run row and six step rows: ${rows.join(' | ')}`);
    assert.ok(
      rows.some((r) => r.includes(HOSTILE_NAME)),
      'the hostile name shows as text',
    );
    assert.strictEqual(await frame.locator('#app img').count(), 0, 'no element was made from a name');
    assert.notStrictEqual(await frame.evaluate('document.title'), 'pwned', 'no script ran');
    assert.match(rows[0]!, /Flow run\s+completed/);
    await wb.screenshot('run-flow', 'media/screenshots/run.png');
  },
};
