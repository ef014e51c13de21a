/**
 * Handlebars in the real VS Code: a hover on the demo export's relative URI shows its output
 * (the last export time, URL-encoded as the field encodes it); a misspelt helper is underlined and
 * in Problems with the helper it meant; completion inside `{{ }}` of an import offers a path from
 * the sample; the playground evaluates as the template is typed, and Apply changes the document
 * without saving it.
 */
import * as assert from 'assert';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

export const handlebarsUiTest: UiTest = {
  name: 'handlebars: hover shows a template’s output, a misspelt helper is a problem, completion offers sample paths, the playground applies unsaved',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Exports');
    await wb.treeRow('Shopify - Get Orders').click();
    await page.locator('.tabs-container .tab', { hasText: 'Shopify - Get Orders.export.json' }).waitFor({ timeout: 30_000 });

    // Hover: the relative URI's template, rendered as the export runs it.
    const template = page.locator('.editor-instance .view-line span', { hasText: 'lastExportDateTime' }).first();
    await template.waitFor({ timeout: 30_000 });
    await template.hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Handlebars output' });
    await hover.waitFor({ timeout: 20_000 });
    const shown = await hover.innerText();
    assert.match(shown, /\/orders\.json\?status=any&updated_at_min=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d\.\d{3}Z/, shown);
    await wb.screenshot('handlebars-hover', 'media/screenshots/handlebars-hover.png');
    await page.keyboard.press('Escape');

    // A misspelt helper: underlined, and in Problems with the one it meant.
    await template.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft'); // inside the string, before `",`
    await page.keyboard.type('&x={{uppercse lastExportDateTime}}');
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 20_000 });
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'integrator.io has no helper "uppercse"; did you mean "uppercase"?' })
      .first()
      .waitFor({ timeout: 20_000 });
    await wb.runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: 10_000 });

    // Completion inside {{ }} of an import: the paths of its sample (records of the flow's source export).
    await wb.expand('Imports');
    await wb.treeRow('Shopify - Tag Order as Synced').click();
    await page.locator('.tabs-container .tab', { hasText: 'Shopify - Tag Order as Synced.import.json' }).waitFor({ timeout: 30_000 });
    const uri = page.locator('.editor-instance .view-line span', { hasText: '/orders/{{{id}}}.json' }).first();
    await uri.waitFor({ timeout: 30_000 });
    await uri.click();
    await page.keyboard.press('End');
    for (let i = 0; i < '}}}.json"'.length; i++) await page.keyboard.press('ArrowLeft'); // just after `id`
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('record.');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'record.email' }).first();
    await suggestion.waitFor({ timeout: 20_000 });
    await wb.screenshot('handlebars-completion');
    await page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: 10_000 });

    // The playground of the template under the cursor: output as it is typed; Apply writes it, unsaved.
    await uri.click();
    await wb.runCommand('integrator.io: Open Handlebars Playground…');
    const playground = await wb.webviewFrame('textarea.template', 30_000);
    await playground.locator('pre.output', { hasText: /^\/orders\/\d+\.json$/ }).waitFor({ timeout: 20_000 });
    const field = playground.locator('textarea.template');
    await field.fill('/orders/{{{record.id}}}/{{uppercase record.email}}.json');
    // The email upper-cased, and URL-encoded as a relative URI's {{ }} is (@ is %40).
    await playground.locator('pre.output', { hasText: /^\/orders\/\d+\/[A-Z0-9._+-]+%40[A-Z0-9.-]+\.json$/ }).waitFor({ timeout: 20_000 });
    await wb.screenshot('handlebars-playground', 'media/screenshots/handlebars-playground.png');
    await playground.getByRole('button', { name: 'Apply' }).click();
    await page.locator('.tabs-container .tab.dirty', { hasText: 'Shopify - Tag Order as Synced.import.json' }).waitFor({ timeout: 10_000 });
    await page.locator('.editor-instance .view-line', { hasText: '{{uppercase record.email}}' }).first().waitFor({ timeout: 10_000 });
    const status = playground.locator('.status');
    await waitFor(async () => (await status.innerText()) === 'Applied to the document (unsaved)', 'the playground to say so', 10_000).catch(
      async (err: Error) => {
        throw new Error(`${err.message}; it says "${await status.innerText()}"`);
      },
    );
    await wb.runCommand('File: Revert File');
  },
};
