/**
 * Runs the integration suite inside a real VS Code extension host: installs (or reuses) the test
 * VS Code, installs the built extension and the test-runner extension, opens the workbench in
 * headless Chromium, waits for the suite's results, and prints each test and the VS Code version.
 * Fails when a test fails, when the host never reports, or when a token used by the suite turns
 * up anywhere in the VS Code profile (logs, settings, storage).
 *
 *   node out/test/vscode/harness.js [--grep <pattern>]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { Page } from 'playwright-core';
import { ensureCodeServer, openWorkbench, ROOT, startCodeServer } from './codeServer';
import type { SuiteResults } from './suite';
import { writeResults } from '../support/results';

/** How the profile scan shows among the results. */
export const FRAME_SCAN_TITLE = 'secrets: no token used by the suite is in the HTML of any webview or workbench frame';
export const PROFILE_SCAN_TITLE =
  'secrets: no token used by the suite is in any file of the VS Code profile (logs, output channel, settings, storage)';

/** The whole suite takes about a minute; a host that has not reported by then never will. */
const RESULTS_TIMEOUT_MS = 8 * 60_000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { grep: { type: 'string' } } });
  ensureCodeServer();
  const runDir = fs.mkdtempSync(path.join(ROOT, '.vscode-test', 'run-'));
  const resultsFile = path.join(runDir, 'results.json');
  const started = Date.now();
  const server = await startCodeServer({
    runDir,
    extraExtensions: [path.join(ROOT, 'test/vscode/runner-extension')],
    env: {
      INTEGRATOR_TEST_ENTRY: path.join(ROOT, 'out/test/vscode/suite/index.js'),
      INTEGRATOR_TEST_RESULTS: resultsFile,
      ...(values.grep ? { INTEGRATOR_TEST_GREP: values.grep } : {}),
    },
    settings: { 'integratorIo.pageSize': 100 },
    logLevel: 'trace',
  });
  const { browser, page } = await openWorkbench(server.url);
  let results: SuiteResults | undefined;
  let webviewLeaks: string[] = [];
  let framesScanned = 0;
  try {
    results = await waitForResults(resultsFile, RESULTS_TIMEOUT_MS, () => server.process.exitCode !== null);
    if (results) ({ leaks: webviewLeaks, scanned: framesScanned } = await secretsInFrames(page, results.secrets));
  } finally {
    if (!results || results.tests.some((t) => t.state === 'failed')) {
      fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'vscode-suite-end.png') }).catch(() => undefined);
    }
    await browser.close();
    await server.stop();
  }
  if (!results) {
    console.error('The extension host never reported results.');
    return 1;
  }
  return report(results, server.userDataDir, runDir, Date.now() - started, { leaks: webviewLeaks, scanned: framesScanned });
}

function report(
  results: SuiteResults,
  userDataDir: string,
  runDir: string,
  elapsedMs: number,
  frames: { leaks: string[]; scanned: number },
): number {
  console.log(`\nIntegration tests in VS Code ${results.vscodeVersion} (code-server, headless Chromium)\n`);
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? '✔' : test.state === 'failed' ? '✘' : '-';
    console.log(`  ${mark} ${test.title} (${test.durationMs} ms)`);
    if (test.error) console.log(indent(test.error, '      '));
  }
  if (results.crashed) console.log(`\nThe suite crashed:\n${indent(results.crashed, '  ')}`);
  const leaks = findSecrets(userDataDir, results.secrets);
  for (const leak of leaks) console.log(`  ✘ a token used by the suite was written to ${path.relative(runDir, leak)}`);
  for (const leak of frames.leaks) console.log(`  ✘ a token used by the suite is in the HTML of the frame ${leak}`);
  writeResults('vscode', [
    ...results.tests,
    {
      title: `${PROFILE_SCAN_TITLE} (${results.secrets.length} tokens)`,
      state: leaks.length ? 'failed' : 'passed',
      durationMs: 0,
    },
    {
      title: `${FRAME_SCAN_TITLE} (${frames.scanned} webview frames)`,
      state: frames.leaks.length || frames.scanned < 5 ? 'failed' : 'passed',
      durationMs: 0,
    },
  ]);
  const passed = results.tests.filter((t) => t.state === 'passed').length;
  const tooFewFrames = frames.scanned < 6 ? 1 : 0;
  const failed =
    results.tests.filter((t) => t.state === 'failed').length +
    leaks.length +
    frames.leaks.length +
    tooFewFrames +
    (results.crashed ? 1 : 0);
  const skipped = results.tests.filter((t) => t.state === 'pending').length;
  console.log(
    `\nChecked ${results.secrets.length} tokens against every file of the VS Code profile: ${leaks.length ? 'LEAKED' : 'none found'}.`,
  );
  console.log(
    `Checked them against the HTML of the workbench and ${frames.scanned} webview frames: ${frames.leaks.length ? 'LEAKED' : 'none found'}.`,
  );
  if (tooFewFrames) console.log('  ✘ fewer webview frames than the six views the last suite file leaves open');
  console.log(`vscode: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  console.log(`(${(elapsedMs / 1000).toFixed(1)} s; profile kept in ${path.relative(ROOT, runDir)})\n`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

/**
 * Frames of the workbench whose HTML holds any of the secrets, and how many webview frames were
 * read (the last suite file leaves five webviews open, each two nested frames).
 */
async function secretsInFrames(page: Page, secrets: string[]): Promise<{ leaks: string[]; scanned: number }> {
  const leaks: string[] = [];
  let scanned = 0;
  for (const frame of page.frames()) {
    const html = await frame.content().catch(() => undefined);
    if (html === undefined) continue;
    if (frame.url().includes('webview')) scanned++;
    if (secrets.some((s) => html.includes(s))) leaks.push(frame.url().slice(0, 120));
  }
  return { leaks, scanned };
}

/**
 * Files of the profile that hold any of the secrets. Secret storage itself is exempt: that is
 * where tokens belong (code-server keeps it encrypted in the browser, so normally nothing is).
 */
function findSecrets(dir: string, secrets: string[]): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && fs.statSync(full).size < 50 * 1024 * 1024) {
        const text = fs.readFileSync(full, 'latin1');
        if (secrets.some((s) => text.includes(s))) found.push(full);
      }
    }
  };
  if (secrets.length) walk(dir);
  return found;
}

async function waitForResults(file: string, timeoutMs: number, serverGone: () => boolean): Promise<SuiteResults | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
    if (serverGone()) return undefined;
    await new Promise((r) => setTimeout(r, 500));
  }
  return undefined;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
