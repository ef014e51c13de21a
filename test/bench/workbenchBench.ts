/**
 * A benchmark in the real VS Code: code-server in a run folder of its own, headless Chromium on
 * its workbench, the integrator.io view open and the local sandbox started; the figures `body`
 * records are saved once the browser and the server have stopped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ensureCodeServer, openWorkbench, startCodeServer } from '../vscode/codeServer';
import { Workbench } from '../vscode/ui/workbench';
import { BenchResults, ROOT } from './benchSupport';

export async function benchInWorkbench(
  name: string,
  body: (wb: Workbench, results: BenchResults, runDir: string) => Promise<void>,
): Promise<void> {
  ensureCodeServer();
  const runDir = fs.mkdtempSync(path.join(ROOT, '.vscode-test', `bench-${name}-`));
  const server = await startCodeServer({ runDir });
  const { browser, page } = await openWorkbench(server.url);
  const results = new BenchResults(name);
  try {
    const wb = new Workbench(page);
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await body(wb, results, runDir);
  } finally {
    await browser.close();
    await server.stop();
  }
  results.save();
}
