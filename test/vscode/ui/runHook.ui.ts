/**
 * Run Hook… as a person uses it: the lens above a demo script's function, the sample opened
 * beside the script, and the result view with the contract check, input and output; then an
 * edit that breaks the contract, and Run again in the view, which names the problem. Then Debug
 * Hook… with a breakpoint set in the script document: the debugger stops on that line.
 */
import * as assert from 'assert';
import { UiTest } from './uiTest';

export const runHookUiTest: UiTest = {
  name: 'run hook: the lens above a script function runs it on a real sample; the view shows the contract check',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Scripts');
    await wb.treeRow('Shopify - Skip Test Orders').click();
    await page.locator('.tabs-container .tab', { hasText: 'Shopify - Skip Test Orders.js' }).waitFor();
    const lens = page.locator('.codelens-decoration a', { hasText: 'Run Hook…' }).first();
    await lens.waitFor({ timeout: 20_000 });
    await lens.click();

    // The sample opens beside the script; the view says the result fits preSavePage's contract.
    await page.locator('.tabs-container .tab', { hasText: 'preSavePage.json' }).waitFor({ timeout: 30_000 });
    const view = await wb.webviewFrame('.verdict', 30_000);
    await view.locator('.verdict.ok', { hasText: 'The result fits the contract.' }).waitFor();
    assert.match(await view.locator('.subtitle').innerText(), /as the preSavePage hook of Shopify - Get Orders, in Local Sandbox/);
    assert.match(await view.locator('pre.json').first().innerText(), /"data": \[/);
    await wb.screenshot('run-hook', 'media/screenshots/run-hook.png');

    // Break it in the script (unsaved), then Run again in the view.
    await page.locator('.tabs-container .tab', { hasText: 'Shopify - Skip Test Orders.js' }).click();
    const returnLine = page.locator('.editor-instance .view-line', { hasText: 'return { data: kept' }).first();
    await returnLine.click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('return kept;');
    await page.locator('.tabs-container .tab', { hasText: 'Hook: preSavePage' }).click();
    await view.getByRole('button', { name: 'Run again' }).click();
    await view.locator('.verdict.failed', { hasText: 'breaks the contract' }).waitFor({ timeout: 20_000 });
    assert.match(await view.locator('ul.problems').innerText(), /preSavePage must return \{ data, errors \}, but returned an array of \d+/);

    // Debug Hook…: a breakpoint set in the script document (F9) stops the run on that line.
    await page.locator('.tabs-container .tab', { hasText: 'Shopify - Skip Test Orders.js' }).click();
    await page.locator('.editor-instance .view-line', { hasText: 'const kept = [];' }).first().click();
    const breakpointLine = Number((await page.locator('.editor-instance .active-line-number').first().innerText()).trim());
    await page.keyboard.press('F9');
    await page.locator('.codelens-decoration a', { hasText: 'Debug Hook…' }).first().click();
    await page.locator('.debug-toolbar').waitFor({ timeout: 30_000 });
    const current = page.locator('.editor-instance .view-overlays .debug-top-stack-frame-line');
    await current.first().waitFor({ state: 'attached', timeout: 30_000 });
    // Paused in the script's copy, on the breakpoint's line, with the call stack saying so.
    await page.locator('.tabs-container .tab.active', { hasText: 'Shopify - Skip Test Orders (debug copy).js' }).waitFor();
    await page.getByText('Paused On Breakpoint').first().waitFor();
    assert.strictEqual((await page.locator('.editor-instance .active-line-number').first().innerText()).trim(), String(breakpointLine));
    await wb.screenshot('debug-hook', 'media/screenshots/debug-hook.png');
    // The copy is read-only (an edit there would go nowhere): typing changes nothing.
    await page.locator('.editor-instance .view-line', { hasText: 'continue;' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('zz');
    await page.getByText('Editor is read-only').first().waitFor({ timeout: 10_000 });
    assert.strictEqual(await page.locator('.editor-instance .view-line', { hasText: 'continue;zz' }).count(), 0, 'the copy took no typing');
    // Debugging ran the unsaved edit and deployed nothing: the script stays dirty, no "Saved" word.
    assert.ok(
      (await page.locator('.tabs-container .tab.dirty', { hasText: 'Shopify - Skip Test Orders.js' }).count()) > 0,
      'still unsaved',
    );
    assert.strictEqual(await page.locator('.statusbar-item', { hasText: 'Saved script' }).count(), 0, 'nothing was saved');
    await page.keyboard.press('F5'); // continue
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
    // The copy's tab goes with the run; the script's own tab stays.
    await page.locator('.tabs-container .tab', { hasText: '(debug copy).js' }).first().waitFor({ state: 'detached', timeout: 10_000 });
    assert.ok(
      (await page.locator('.tabs-container .tab', { hasText: 'Shopify - Skip Test Orders.js' }).count()) > 0,
      'the script tab stays',
    );
    await page.locator('.tabs-container .tab', { hasText: 'Hook: preSavePage' }).click();
    await view.locator('.verdict.failed', { hasText: 'breaks the contract' }).waitFor({ timeout: 20_000 });
    // The time paused at the breakpoint is in the session's time, and the view says so.
    assert.match(await view.locator('.status').innerText(), /^Debug session: [\d.]+ m?s, time paused at breakpoints included$/);

    // A preMap hook: its records are paired before and after, with the fields it changed marked.
    await wb.openViewContainer('integrator.io'); // debugging showed Run and Debug in the side bar
    await wb.treeRow('NetSuite - Build Sales Order Lines').click();
    await page.locator('.tabs-container .tab', { hasText: 'NetSuite - Build Sales Order Lines.js' }).waitFor();
    // The lens of the script just opened (the other script's editor, with its own lenses, is still open).
    await page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Run Hook…' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'Hook: preMap' }).waitFor({ timeout: 30_000 });
    const preMap = await wb.webviewFrame('details.pair', 30_000);
    await preMap.locator('.verdict.ok').waitFor();
    assert.match(await preMap.locator('.records h2').innerText(), /^Records \(\d+, \d+ changed\)$/);
    const first = preMap.locator('details.pair').first();
    await first.locator('summary').click();
    await first.locator('pre.json').nth(1).waitFor();
    await wb.screenshot('run-hook-records');
  },
};
