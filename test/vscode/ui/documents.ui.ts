/**
 * Edits and saves a resource document through the UI, as a person would: open an export from
 * the tree, change a value with find and typing, press Ctrl+S, and see the saved version.
 */
import * as assert from 'assert';
import { UiTest } from './uiTest';

export const documentsUiTest: UiTest = {
  name: 'documents: open an export from the tree, edit it and save it',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Exports');
    await wb.treeRow('Shopify - Get Orders').click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'Shopify - Get Orders.export.json' });
    await tab.waitFor({ timeout: 30_000 });
    // The editor's title buttons follow the document's kind, the path's second part (its first is the environment's name).
    const titleAction = (label: string) => page.locator(`.editor-actions .action-label[aria-label^="${label}"]`);
    await titleAction('Preview Export').first().waitFor({ timeout: 10_000 });
    assert.strictEqual(await titleAction('Test Connection Document').count(), 0, 'no connection button on an export');
    // Monaco renders spaces as no-break spaces.
    const editorText = async () => (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    await page.locator('.editor-instance .view-lines', { hasText: 'pageSize' }).first().waitFor({ timeout: 30_000 });
    const before = await editorText();
    const lastModifiedBefore = /"lastModified": "([^"]+)"/.exec(before)?.[1];

    // Double-click the value to select it, then type over it.
    const line = page.locator('.editor-instance .view-line', { hasText: '"pageSize": 20' }).first();
    await line.locator('span', { hasText: /^20$/ }).last().dblclick();
    await page.keyboard.type('25');
    const dirtyTab = page.locator('.tabs-container .tab.dirty');
    await dirtyTab.first().waitFor({ state: 'attached', timeout: 10_000 });
    await wb.screenshot('document-edited');

    await page.keyboard.press('Control+S');
    await dirtyTab.first().waitFor({ state: 'detached', timeout: 20_000 });
    // The editor re-reads what the server stored: the new value and a new lastModified.
    const deadline = Date.now() + 10_000;
    let after = await editorText();
    while ((/"lastModified": "([^"]+)"/.exec(after)?.[1] ?? lastModifiedBefore) === lastModifiedBefore && Date.now() < deadline) {
      await page.waitForTimeout(200);
      after = await editorText();
    }
    assert.match(after, /"pageSize": 25/);
    assert.notStrictEqual(/"lastModified": "([^"]+)"/.exec(after)?.[1], lastModifiedBefore, 'the saved version has a new lastModified');
    await wb.widenSideBar(60);
    await wb.screenshot('document-saved', 'media/screenshots/document.png');
  },
};
