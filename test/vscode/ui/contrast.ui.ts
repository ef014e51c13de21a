/**
 * Every text in the views is readable: WCAG AA asks 4.5:1 between a text's colour and what is
 * behind it. For the default light, dark and high-contrast themes, the job view (status pills,
 * error links), the errors view and the mapping preview are opened, and the computed colours of
 * each element holding text are compared with the background it is drawn on. Disabled buttons
 * are left out, as WCAG leaves out inactive controls.
 */
import * as assert from 'assert';
import { Frame } from 'playwright-core';
import { UiTest } from './uiTest';
import { openDemoStepErrors } from './webviews.ui';

const THEMES = ['Light Modern', 'Dark Modern', 'Dark High Contrast'];
const AA = 4.5;

/**
 * Runs in the page: each visible element with its own text, its colour, the background behind it
 * (the nearest ancestor's opaque colour, semi-transparent layers blended in) and their ratio.
 */
const AUDIT = `(() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
  const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
  const luminance = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
    }
    let colour = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).map((n) => n.textContent.trim()).join(' ');
    if (!own || el.closest('[disabled]') || el.matches('option, script, style')) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
    const bg = backgroundOf(el);
    const fg = over(parse(style.color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    found.push({ text: own.slice(0, 40), tag: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''), ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 });
  }
  return found;
})()`;

interface Measured {
  text: string;
  tag: string;
  ratio: number;
}

async function audit(frame: Frame): Promise<Measured[]> {
  return frame.evaluate<Measured[]>(AUDIT);
}

export const contrastUiTest: UiTest = {
  name: 'contrast: every text in the views meets WCAG AA in the light, dark and high-contrast themes',
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    // The views: recent runs (pills, counts, error links), a step's errors, a mapping preview.
    const errors = await openDemoStepErrors(wb);
    await errors.locator('tr[data-error-id] input[type="checkbox"]').first().check(); // Resolve and Retry enabled
    await wb.contextMenu('Shopify Orders to NetSuite Sales Orders', 'Show Recent Jobs');
    const runs = await wb.webviewFrame('details.job');
    await wb.expand('Imports');
    await wb.contextMenu('Slack - Post GitHub Event', 'Preview Import Mapping');
    const mapping = await wb.webviewFrame('tr.missing');
    const tabs = page.locator('.tabs-container .tab');

    const failures: string[] = [];
    let measured = 0;
    for (const theme of THEMES) {
      await wb.setTheme(theme);
      for (const [tab, frame] of [
        ['Recent runs', runs],
        ['Errors', errors],
        ['Mapping', mapping],
      ] as const) {
        await tabs.filter({ hasText: tab }).first().click();
        // The theme reaches a webview as CSS variables a moment after the switch: wait for its colours.
        const background = await page.evaluate<string>(
          `getComputedStyle(document.querySelector('.monaco-workbench')).getPropertyValue('--vscode-editor-background').trim()`,
        );
        await frame.waitForFunction(
          `document.documentElement.style.getPropertyValue('--vscode-editor-background').trim() === ${JSON.stringify(background)}`,
        );
        const results = await audit(frame);
        measured += results.length;
        for (const r of results.filter((x) => x.ratio < AA)) failures.push(`${theme} · ${tab}: "${r.text}" (${r.tag}) ${r.ratio}:1`);
      }
      await wb.screenshot(`contrast-${theme.replace(/\W+/g, '-').toLowerCase()}`);
    }
    assert.ok(measured > 100, `texts were measured (${measured})`);
    assert.deepStrictEqual(failures, [], `texts below ${AA}:1`);
  },
};
