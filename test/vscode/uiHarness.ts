/**
 * Runs the UI tests: each gets a fresh test VS Code (code-server) with the built extension, in
 * headless Chromium, and drives it with Playwright like a person would. Screenshots go to
 * test-results/ (and, for the README, media/screenshots/).
 *
 *   node out/test/vscode/uiHarness.js [--grep <part of a test's name>]
 *
 * Results also go to test-results/ui.json, for the fault and security summary.
 */
import { flowDiagramUiTest } from './ui/flowDiagram.ui';
import { handlebarsUiTest } from './ui/handlebars.ui';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { ensureCodeServer, openWorkbench, ROOT, startCodeServer } from './codeServer';
import { documentsUiTest } from './ui/documents.ui';
import { explorerUiTest } from './ui/explorer.ui';
import { hostileContentUiTest } from './ui/hostileContent.ui';
import { hostileNotificationsUiTest } from './ui/hostileNotifications.ui';
import { productionUiTest } from './ui/production.ui';
import { runFlowUiTest } from './ui/runFlow.ui';
import { viewButtonsUiTest } from './ui/viewButtons.ui';
import { pagingAndCancelUiTest } from './ui/pagingAndCancel.ui';
import { firstUseUiTest } from './ui/firstUse.ui';
import { webviewsUiTest } from './ui/webviews.ui';
import { integrationAsCodeUiTest } from './ui/integrationAsCode.ui';
import { findAndRestoreUiTest } from './ui/findAndRestore.ui';
import { noticingUiTest } from './ui/noticing.ui';
import { recoveringUiTest } from './ui/recovering.ui';
import { contrastUiTest } from './ui/contrast.ui';
import { runHookUiTest } from './ui/runHook.ui';
import { restrictedModeUiTest } from './ui/restrictedMode.ui';
import { agentChatUiTest } from './ui/agentChat.ui';
import { UiTest } from './ui/uiTest';
import { TestResult, writeResults } from '../support/results';
import { Workbench } from './ui/workbench';

const UI_TESTS: UiTest[] = [
  explorerUiTest,
  documentsUiTest,
  runFlowUiTest,
  webviewsUiTest,
  viewButtonsUiTest,
  pagingAndCancelUiTest,
  firstUseUiTest,
  hostileContentUiTest,
  hostileNotificationsUiTest,
  productionUiTest,
  integrationAsCodeUiTest,
  findAndRestoreUiTest,
  noticingUiTest,
  recoveringUiTest,
  contrastUiTest,
  runHookUiTest,
  restrictedModeUiTest,
  flowDiagramUiTest,
  handlebarsUiTest,
  agentChatUiTest,
];

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { grep: { type: 'string' }, 'update-screenshots': { type: 'boolean' } } });
  // `npm run screenshots`: the README's pictures are copied from this run (Workbench.screenshot).
  if (values['update-screenshots']) process.env.UPDATE_SCREENSHOTS = '1';
  ensureCodeServer();
  let passed = 0;
  let failed = 0;
  const results: TestResult[] = [];
  for (const test of UI_TESTS.filter((t) => !values.grep || t.name.includes(values.grep))) {
    const runDir = fs.mkdtempSync(path.join(ROOT, '.vscode-test', 'ui-'));
    test.prepare?.(path.join(runDir, 'user-data'));
    const server = await startCodeServer({
      runDir,
      restrictedMode: test.restrictedMode,
      extraExtensions: test.extraExtensions,
      settings: test.settings,
    });
    const { browser, page } = await openWorkbench(server.url);
    const started = Date.now();
    try {
      await test.run(new Workbench(page));
      passed++;
      results.push({ title: test.name, state: 'passed', durationMs: Date.now() - started });
      console.log(`  ✔ ${test.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      results.push({ title: test.name, state: 'failed', durationMs: Date.now() - started, error: String(err) });
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
  writeResults('ui', results);
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
