/**
 * The floor under a first click that opens a webview, in the real VS Code (code-server, headless
 * Chromium): how long VS Code's own Markdown preview (a built-in extension's webview, nothing of
 * ours) takes from the command to its text on the page,
 *
 * - in a browser new to this VS Code (the workbench installs its webview service worker first),
 * - after a reload in the same browser (a returning user: a new extension host, the worker kept),
 * - and once more in the same window (everything warm).
 *
 * The first two stand beside Run Hook…'s first-click figures (hookClick.bench.ts), measured the
 * same two ways: what a new browser adds to the first click is the workbench's, not the
 * extension's. Prints the figures and saves them; asserts nothing but that the preview showed.
 *
 *   npm run bench:hooks
 */
import * as fs from 'fs';
import * as path from 'path';
import { Page } from 'playwright-core';
import { ensureCodeServer, openWorkbench, startCodeServer } from '../vscode/codeServer';
import { Workbench } from '../vscode/ui/workbench';
import { BenchResults, ROOT } from './benchSupport';

const FILE = 'floor.md';
const HEADING = 'Webview floor';

async function main(): Promise<void> {
  ensureCodeServer();
  const runDir = fs.mkdtempSync(path.join(ROOT, '.vscode-test', 'bench-webview-floor-'));
  const server = await startCodeServer({ runDir });
  fs.writeFileSync(path.join(server.workspace, FILE), `# ${HEADING}\n\nA paragraph.\n`);
  const { browser, page } = await openWorkbench(server.url);
  const results = new BenchResults('webview-floor');
  try {
    const wb = new Workbench(page);
    await workbenchReady(page);
    const newBrowser = await previewMs(wb);
    await wb.runCommand('View: Close All Editors');
    // The old page still shows the workbench until the reload navigates: wait for the navigation, then the new one.
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), wb.runCommand('Developer: Reload Window')]);
    await workbenchReady(page);
    const afterReload = await previewMs(wb);
    await wb.runCommand('View: Close All Editors');
    const warm = await previewMs(wb);
    results.record("VS Code's own Markdown preview (a built-in webview), command → text on the page", {
      'a browser new to this VS Code ms': newBrowser,
      'after a reload, the same browser (a returning user) ms': afterReload,
      'again in the same window ms': warm,
      'what a new browser adds (first − after a reload) ms': Math.round(newBrowser - afterReload),
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  results.save();
}

/** Opens the Markdown file, then times Markdown: Open Preview from Enter to its heading in a frame. */
async function previewMs(wb: Workbench): Promise<number> {
  await wb.page.keyboard.press('Control+P');
  const input = wb.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(FILE);
  await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 15_000 });
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.tabs-container .tab', { hasText: FILE }).waitFor({ timeout: 30_000 });
  await wb.page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Markdown: Open Preview');
  await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Markdown: Open Preview' }).first().waitFor({ timeout: 15_000 });
  const started = Date.now();
  await wb.page.keyboard.press('Enter');
  await headingShown(wb.page, 60_000);
  return Date.now() - started;
}

/** The workbench is up and has read the workspace: its Explorer lists the file. */
async function workbenchReady(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 60_000 });
}

/** Waits until a frame (the preview's, nested in the webview's) shows the heading; polls often, for a fine figure. */
async function headingShown(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const shown = await frame
        .locator('h1', { hasText: HEADING })
        .count()
        .catch(() => 0);
      if (shown) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the Markdown preview never showed its heading');
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
