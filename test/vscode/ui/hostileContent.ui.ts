/**
 * Hostile content in every webview: markup and script in a mapping's fields and output, in an
 * export's name (its preview, and a step of the job view), in an error's message and source, and
 * in an audited change. Each shows as text; no element is made from it and no script runs. The
 * README's screenshots come from the other UI tests, on the plain demo account.
 */
import * as assert from 'assert';
import { Frame } from 'playwright-core';
import { HOSTILE_NAME } from './runFlow.ui';
import { writeSandboxAccount } from './sandboxAccount';
import { UiTest } from './uiTest';
import { openDemoStepErrors } from './webviews.ui';

const HOSTILE_SCRIPT = `</script><script>document.title='pwned'</script>`;
const HOSTILE_EXPORT = `Accounts ${HOSTILE_NAME}`;

export const hostileContentUiTest: UiTest = {
  name: 'hostile content in the mapping preview, export preview, errors, audit, job and diagram views shows as text',
  prepare(userDataDir) {
    writeSandboxAccount(userDataDir, (account) => {
      const imp = account.resources.imports.find((i) => i.name === 'Slack - Post GitHub Event')!;
      (imp.mapping as { fields: object[] }).fields.push({ generate: HOSTILE_NAME, hardCodedValue: HOSTILE_SCRIPT });
      account.resources.exports.find((e) => e.name === 'Salesforce - Accounts')!.name = HOSTILE_EXPORT;
      const step = account.resources.imports.find((i) => i.name === 'NetSuite - Create Sales Orders')!;
      const error = account.errors.find((e) => e._stepId === step._id && !e.resolvedAt)!;
      error.message = HOSTILE_SCRIPT;
      error.source = HOSTILE_NAME;
      account.resources.exports.find((e) => e.name === 'Salesforce - Opportunities')!.name = HOSTILE_NAME;
      const getOrders = account.resources.exports.find((e) => e.name === 'Shopify - Get Orders')!;
      const entry = account.audit.find((a) => a._resourceId === getOrders._id && a.event === 'update')!;
      entry.fieldChanges.push({ fieldPath: 'description', oldValue: HOSTILE_SCRIPT, newValue: HOSTILE_NAME });
    });
  },
  async run(wb) {
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');

    await wb.expand('Imports');
    await wb.contextMenu('Slack - Post GitHub Event', 'Preview Import Mapping');
    const mapping = await wb.webviewFrame('.mapping');
    await mapping.locator('pre.output', { hasText: 'pwned' }).waitFor({ timeout: 20_000 });
    assert.ok((await mapping.locator('.mapping tbody').innerText()).includes(HOSTILE_NAME), 'the field name shows as text');
    await assertInert(mapping, 'mapping preview');

    await wb.expand('Exports');
    await wb.contextMenu(HOSTILE_EXPORT, 'Preview Export');
    const exportFrame = await wb.webviewFrame('table.records');
    await exportFrame.locator('tr.record').first().waitFor();
    assert.ok((await exportFrame.locator('h1').innerText()).includes(HOSTILE_EXPORT), 'the export name shows as text');
    await assertInert(exportFrame, 'export preview');

    const errors = await openDemoStepErrors(wb);
    const table = await errors.locator('table').first().innerText();
    assert.ok(table.includes(HOSTILE_SCRIPT) && table.includes(HOSTILE_NAME), 'the message and source show as text');
    await assertInert(errors, 'errors view');
    await wb.screenshot('hostile-content');

    await wb.contextMenu('Shopify - Get Orders', 'Show Audit History');
    const audit = await wb.webviewFrame('.entry');
    const description = await audit.locator('.change[data-field="description"]').innerText();
    assert.ok(description.includes(HOSTILE_NAME) && description.includes(HOSTILE_SCRIPT), 'audited values show as text');
    await assertInert(audit, 'audit history');

    await wb.collapse('Integrations');
    await wb.expand('Integrations');
    await wb.expand('Salesforce - Snowflake Analytics');
    await wb.contextMenu('Salesforce Opportunities to Snowflake', 'Run Flow');
    const jobs = await wb.webviewFrame('.job');
    await jobs.locator('tr.parent[data-status="completed"]').waitFor({ timeout: 30_000 });
    const rows = await jobs.locator('tbody tr').allInnerTexts();
    assert.ok(
      rows.some((r) => r.includes(HOSTILE_NAME)),
      'the hostile step name shows as text in the job view',
    );
    await assertInert(jobs, 'job view');

    // The same hostile step name in the flow diagram: a text node of the picture, nothing made from it.
    await wb.contextMenu('Salesforce Opportunities to Snowflake', 'Show Flow Diagram');
    const diagram = await wb.webviewFrame('svg g.node');
    const labels = await diagram.locator('g.node text.label').allTextContents();
    assert.ok(
      labels.some((l) => HOSTILE_NAME.startsWith(l.replace(/…$/, ''))),
      `the hostile step name shows as text in the diagram: ${labels.join(' | ')}`,
    );
    assert.strictEqual(
      await diagram.locator('#app svg image, #app svg foreignObject, #app svg script').count(),
      0,
      'diagram: nothing made from a value',
    );
    await assertInert(diagram, 'flow diagram');
  },
};

async function assertInert(frame: Frame, view: string): Promise<void> {
  assert.strictEqual(await frame.locator('#app img, #app script').count(), 0, `${view}: no element was made from a value`);
  assert.notStrictEqual(await frame.evaluate('document.title'), 'pwned', `${view}: no script ran`);
}
