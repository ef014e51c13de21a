/**
 * Integration as code in the real VS Code, as a person does it: pull an integration from its row
 * into the workspace, edit an export's file, see the change in the Source Control view, open its
 * diff with the account, and apply it with ✓. Screenshots of each step.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { IntegratorClient } from '../../../src/api';
import { startSandbox } from '../../../src/sandbox';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

let userDataDir = '';

/** The export as the local sandbox stored it (its data file holds every acknowledged write). */
function storedExport(name: string): Record<string, unknown> | undefined {
  return stored('exports').find((e) => e.name === name);
}

function stored(kind: 'exports' | 'connections'): Record<string, unknown>[] {
  const file = path.join(userDataDir, 'User/globalStorage/integrator-io-community.integrator-io/sandbox/account.json');
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { resources: Record<string, Record<string, unknown>[]> }).resources[kind] ?? [];
}

/** Six characters, as a custom server's or a test token may be: Add Environment takes what the server takes. */
const STAGING_TOKEN = 'Zq7-x9';

export const integrationAsCodeUiTest: UiTest = {
  name: 'integration as code: pull to the workspace, see a change in Source Control, open its diff, apply it',
  prepare(dir) {
    userDataDir = dir;
  },
  async run(wb) {
    const { page } = wb;
    const workspace = path.join(path.dirname(userDataDir), 'workspace');
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Integrations');
    await wb.contextMenu('Shopify - NetSuite Order Sync', 'Pull Integration to Folder…');
    // VS Code's folder dialog (the simple one in a browser) opens on the workspace folder: accept it.
    const dialog = page.locator('.quick-input-widget');
    await dialog.locator('input').waitFor({ state: 'visible' });
    await dialog.locator('.quick-input-action .monaco-button', { hasText: 'Pull Here' }).click();
    await page
      .locator('.notifications-toasts', { hasText: 'Pulled "Shopify - NetSuite Order Sync" (16 resources)' })
      .waitFor({ timeout: 30_000 });
    const folder = path.join(workspace, 'shopify-netsuite-order-sync');
    assert.ok(fs.existsSync(path.join(folder, 'exports/shopify-get-orders.export.json')), 'the files are in the workspace');

    // Edit the export's file in the editor, as a person does.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('shopify-get-orders.export.json');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'shopify-get-orders.export.json' }).first().click();
    const line = page.locator('.editor-instance .view-line', { hasText: '"pageSize": 20' }).first();
    await line.waitFor({ timeout: 30_000 });
    await line.locator('span', { hasText: /^20$/ }).last().dblclick();
    await page.keyboard.type('25');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 10_000 });
    // Saved, the line still differs from the account: the gutter's quick diff marks it.
    await page.locator('.editor-instance .dirty-diff-glyph').first().waitFor({ state: 'attached', timeout: 15_000 });

    // A pulled script runs as the hook the folder's export makes it, from the lens above it.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('shopify-skip-test-orders.js');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'shopify-skip-test-orders.js' }).first().click();
    await page.locator('.codelens-decoration a', { hasText: 'Run Hook…' }).first().click({ timeout: 30_000 });
    const hookView = await wb.webviewFrame('.verdict.ok', 30_000);
    assert.match(
      await hookView.locator('.subtitle').innerText(),
      /^shopify-skip-test-orders\.js as the preSavePage hook of Shopify - Get Orders, in Local Sandbox/,
    );
    // Its sample (real records) opened beside it, from the extension's storage: nothing for Git in the folder.
    await page.locator('.tabs-container .tab', { hasText: 'preSavePage.json' }).waitFor();
    assert.ok(!fs.existsSync(path.join(folder, '.integrator-io/samples')), 'no sample in the folder');
    await wb.screenshot('run-hook-pulled');
    // Closed again (the export's tab stays for the steps below).
    for (const tab of ['Hook: preSavePage', 'preSavePage.json', 'shopify-skip-test-orders.js']) {
      await page.locator('.tabs-container .tab', { hasText: tab }).first().click();
      await page.keyboard.press('Control+W');
      await page.locator('.tabs-container .tab', { hasText: tab }).waitFor({ state: 'detached' });
    }

    // The activity bar counts the change on the Source Control icon before the view is even open.
    await page
      .locator('.activitybar .action-item:has([aria-label^="Source Control"]) .badge', { hasText: '1' })
      .waitFor({ timeout: 30_000 });
    await wb.openViewContainer('Source Control');
    const entry = page.locator('.scm-view .monaco-list-row', { hasText: 'shopify-get-orders.export.json' });
    await entry.first().waitFor({ timeout: 30_000 });
    await page.locator('.scm-view .monaco-list-row', { hasText: 'Changes to Apply' }).first().waitFor();
    await wb.widenSideBar(120);
    await wb.screenshot('iac-source-control', 'media/screenshots/integration-as-code.png');

    await entry.first().click();
    await page
      .locator('.tabs-container .tab', { hasText: 'exports/shopify-get-orders: Local Sandbox ↔ folder' })
      .waitFor({ timeout: 20_000 });
    await page.locator('.monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert').first().waitFor({ timeout: 20_000 });
    await wb.screenshot('iac-diff');
    assert.strictEqual(storedExport('Shopify - Get Orders')?.pageSize, 20, 'nothing applied before ✓');

    await page.locator('.part.sidebar .action-label[aria-label="Apply to Environment"]').first().click();
    await page.locator('.notifications-toasts', { hasText: 'Applied to "Local Sandbox": 1 change.' }).waitFor({ timeout: 30_000 });
    await entry.first().waitFor({ state: 'detached', timeout: 20_000 });
    await waitFor(() => storedExport('Shopify - Get Orders')?.pageSize === 25, 'the account to hold the edit', 10_000);
    await wb.screenshot('iac-applied');

    // Keys work like references: completion offers the folder's connections, F12 opens the one named.
    await page
      .locator('.tabs-container .tab', { hasText: /^shopify-get-orders\.export\.json/ })
      .first()
      .click();
    // The gutter's quick diff compares with the account, which now holds the edit: no marker is left.
    await page.locator('.editor-instance .view-line', { hasText: '"pageSize": 25' }).first().waitFor();
    await page.locator('.editor-instance .dirty-diff-glyph').first().waitFor({ state: 'detached', timeout: 15_000 });
    const key = page.locator('.editor-instance .view-line span', { hasText: 'connections/shopify-store' }).first();
    await key.click();
    await page.keyboard.press('Control+Space');
    await page
      .locator('.suggest-widget .monaco-list-row', { hasText: 'connections/netsuite-production' })
      .first()
      .waitFor({ timeout: 15_000 });
    await wb.screenshot('iac-completion');
    await page.keyboard.press('Escape');
    await key.click();
    await page.keyboard.press('F12');
    await page.locator('.tabs-container .tab', { hasText: 'shopify-store.connection.json' }).waitFor({ timeout: 15_000 });

    // Promote the folder to a second, empty account that has connections of the same names.
    const staging = await startSandbox({ token: STAGING_TOKEN, seed: 'empty' });
    const stagingClient = new IntegratorClient({ baseUrl: staging.baseUrl, token: STAGING_TOKEN });
    try {
      for (const connection of stored('connections').filter((c) => c.name === 'Shopify Store' || c.name === 'NetSuite Production')) {
        const settings = { ...connection };
        for (const field of ['_id', 'createdAt', 'lastModified']) delete settings[field];
        await stagingClient.connections.create(settings);
      }
      await wb.addEnvironment({ baseUrl: staging.baseUrl, name: 'Staging', token: STAGING_TOKEN, production: false });
      await wb.runCommand('integrator.io: Promote to Environment…');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Staging' }).first().click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      const question = await dialog.innerText();
      assert.match(question, /Promote to "Staging": 14 changes \(14 to create\); 2 already there, bound as they are\?/);
      assert.match(question, /connections\/shopify-store → same name: "Shopify Store"/);
      assert.match(question, /3 new flows are created disabled, unless you promote with flows enabled/);
      await wb.screenshot('iac-promote-question');
      await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
      await page
        .locator('.notifications-toasts', { hasText: 'Applied to "Staging": 14 changes, 2 bound as they were.' })
        .waitFor({ timeout: 30_000 });
      const flows = await stagingClient.flows.listAll();
      assert.strictEqual(flows.length, 3);
      assert.ok(
        flows.every((f) => f.disabled === true),
        'promoted flows are created disabled',
      );
      const [getOrders] = (await stagingClient.exports.listAll()).filter((e) => e.name === 'Shopify - Get Orders');
      const [shopify] = (await stagingClient.connections.listAll()).filter((c) => c.name === 'Shopify Store');
      assert.strictEqual(getOrders?._connectionId, shopify?._id, 'the export uses the staging connection');
      assert.ok(fs.existsSync(path.join(folder, '.integrator-io/staging.json')), "staging's binding file");

      // Promote again with staging's binding file lost (a team that built staging by hand has
      // none): what staging holds is adopted by name, nothing is copied a second time.
      fs.rmSync(path.join(folder, '.integrator-io/staging.json'));
      await wb.runCommand('integrator.io: Promote to Environment…');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Staging' }).first().click();
      await dialog.waitFor({ timeout: 30_000 });
      const again = await dialog.innerText();
      assert.match(again, /Promote to "Staging": 0 changes; 16 already there, bound as they are\?/);
      assert.match(
        again,
        /14 already in "Staging" \(the integration "Shopify - NetSuite Order Sync" and what it holds of the same names\) are adopted, not copied; 0 of them are updated to the folder/,
      );
      await wb.screenshot('iac-promote-adopts');
      await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
      // Each step is recorded in the binding file as it is applied: all 16 there means the apply ended.
      const recorded = () => {
        const file = path.join(folder, '.integrator-io/staging.json');
        if (!fs.existsSync(file)) return 0;
        return Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { resources: object }).resources).length;
      };
      await waitFor(() => recorded() === 16, "staging's binding file, written again with all 16", 30_000);
      assert.strictEqual((await stagingClient.flows.listAll()).length, 3, 'no second copy of the flows');
      assert.strictEqual(
        (await stagingClient.integrations.listAll()).filter((i) => i.name === 'Shopify - NetSuite Order Sync').length,
        1,
        'no second copy of the integration',
      );
    } finally {
      stagingClient.dispose();
      await staging.close();
    }
  },
};
