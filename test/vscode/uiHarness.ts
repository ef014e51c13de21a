/**
 * Runs the UI tests: each gets a fresh test VS Code (code-server) with the built extension, in
 * headless Chromium, and drives it with Playwright like a person would. Screenshots go to
 * test-results/ (and, for the README, media/screenshots/).
 *
 *   node out/test/vscode/uiHarness.js
 */
import * as fs from 'fs';
import * as path from 'path';
import { ensureCodeServer, openWorkbench, ROOT, startCodeServer } from './codeServer';
import { documentsUiTest } from './ui/documents.ui';
import { explorerUiTest } from './ui/explorer.ui';
import { runFlowUiTest } from './ui/runFlow.ui';
import { webviewsUiTest } from './ui/webviews.ui';
import { UiTest } from './ui/uiTest';
import { Workbench } from './ui/workbench';

const UI_TESTS: UiTest[] = [explorerUiTest, documentsUiTest, runFlowUiTest, webviewsUiTest];

async function main(): Promise<number> {
  ensureCodeServer();
  let passed = 0;
  let failed = 0;
  for (const test of UI_TESTS) {
    const runDir = fs.mkdtempSync(path.join(ROOT, '.vscode-test', 'ui-'));
    test.prepare?.(path.join(runDir, 'user-data'));
    const server = await startCodeServer({ runDir });
    const { browser, page } = await openWorkbench(server.url);
    const started = Date.now();
    try {
      await test.run(new Workbench(page));
      passed++;
      console.log(`  ✔ ${test.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`  ✘ ${test.name}\n      ${String((err as Error).stack ?? err).replace(/\n/g, '\n      ')}`);
      fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      await page
        .screenshot({ path: path.join(ROOT, 'test-results', `failed-${test.name.replace(/\W+/g, '-')}.png`) })
        .catch(() => undefined);
    } finally {
      await browser.close();
      await server.stop();
    }
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
