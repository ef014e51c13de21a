/**
 * "Debug Hook…": a hook run under VS Code's Node debugger (dist/hookDebug.js), so that
 * breakpoints stop in the script. A pulled script with no unsaved edit runs from its own file;
 * a document opened from the explorer (not a file the debugger can load), or one with unsaved
 * edits, runs from a copy in a temporary file, with the document's breakpoints set on the same
 * lines of the copy. Resolves with the result once the session ends.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import vscode = require('vscode');
import { ChosenHook } from '../documents/hookCodeLens';
import { startApiBridge } from '../hooks/apiBridge';
import { HookResult } from '../hooks/runner';
import { HookResultPanel } from '../webviews/hookResultPanel';
import { Prepared } from './hookScripts';
import { Services } from './services';

export async function debugOnce(
  services: Services,
  target: ChosenHook,
  prepared: Prepared,
  view: HookResultPanel,
  /** Performs the script's integrator-api calls (through a loopback bridge: the script runs in another process). */
  api: (path: string, args: unknown[]) => Promise<unknown>,
): Promise<HookResult | undefined> {
  const [script, sample] = await Promise.all([
    vscode.workspace.openTextDocument(target.uri),
    vscode.workspace.openTextDocument(prepared.sampleUri),
  ]);
  const dir = path.join(os.tmpdir(), 'integrator-io-hooks', createHash('sha256').update(prepared.script.key).digest('hex').slice(0, 16));
  await fs.mkdir(dir, { recursive: true });
  // A pulled script with no unsaved edit is debugged where it is; otherwise a copy, named so that
  // its tab says what it is, and read-only, as an edit there would be lost.
  const inPlace = prepared.script.file !== undefined && !script.isDirty;
  const scriptFile = inPlace
    ? prepared.script.file!
    : path.join(dir, `${prepared.script.name.replace(/\.js$/, '').replace(/[\\/:*?"<>|]+/g, '-')} (debug copy).js`);
  const inputFile = path.join(dir, `${target.functionName}.input.json`);
  const resultFile = path.join(dir, `${target.functionName}.result.json`);
  const requestFile = path.join(dir, `${target.functionName}.request.json`);
  await Promise.all([
    inPlace ? Promise.resolve() : writeReadOnly(scriptFile, script.getText()),
    fs.writeFile(inputFile, sample.getText()),
    fs.rm(resultFile, { force: true }),
    fs.rm(requestFile, { force: true }),
  ]);
  const bridge = await startApiBridge(api);
  try {
    // Only this user may read it: it carries the bridge's secret.
    await fs.writeFile(
      requestFile,
      JSON.stringify({
        scriptFile,
        functionName: target.functionName,
        type: prepared.type,
        inputFile,
        resultFile,
        bridge: { url: bridge.url, secret: bridge.secret },
      }),
      { mode: 0o600 },
    );
    return await debugRun(services, target, view, sample.getText(), { scriptFile, requestFile, resultFile, inPlace });
  } finally {
    await bridge.close();
    await fs.rm(requestFile, { force: true });
  }
}

async function debugRun(
  services: Services,
  target: ChosenHook,
  view: HookResultPanel,
  sampleText: string,
  files: { scriptFile: string; requestFile: string; resultFile: string; inPlace: boolean },
): Promise<HookResult | undefined> {
  const { scriptFile, requestFile, resultFile, inPlace } = files;
  if (!inPlace) mirrorBreakpoints(target.uri, vscode.Uri.file(scriptFile));
  view.running(sampleText);
  const runId = `${scriptFile}:${target.functionName}:${Date.now()}`;
  const ended = new Promise<void>((resolve) => {
    const subscription = vscode.debug.onDidTerminateDebugSession((session) => {
      if ((session.configuration as { integratorIoRun?: string }).integratorIoRun !== runId) return;
      subscription.dispose();
      resolve();
    });
  });
  const started = await vscode.debug.startDebugging(
    vscode.workspace.workspaceFolders?.[0],
    {
      type: 'node',
      request: 'launch',
      name: `Debug Hook: ${target.functionName}`,
      program: services.context.asAbsolutePath('dist/hookDebug.js'),
      args: [requestFile],
      skipFiles: ['<node_internals>/**', services.context.asAbsolutePath('dist/**')],
      console: 'internalConsole',
      integratorIoRun: runId,
    },
    // VS Code saves dirty editors before debugging; a save of a script deploys it, so not here.
    { suppressSaveBeforeStart: true },
  );
  if (!started) throw new Error('VS Code did not start the debugger');
  await ended;
  // The copy's breakpoints were for this run only: the user's stay on the document.
  if (!inPlace)
    vscode.debug.removeBreakpoints(
      vscode.debug.breakpoints.filter((b) => b instanceof vscode.SourceBreakpoint && b.location.uri.fsPath === scriptFile),
    );
  let result: HookResult;
  try {
    result = JSON.parse(await fs.readFile(resultFile, 'utf8')) as HookResult;
  } catch {
    view.showFailure('The debug session ended before the hook returned.');
    return undefined;
  }
  view.showResult(result);
  return result;
}

/** Replaces a read-only file (made writable first: Windows refuses to delete a read-only file). */
async function writeReadOnly(file: string, text: string): Promise<void> {
  await fs.chmod(file, 0o644).catch(() => undefined);
  await fs.rm(file, { force: true });
  await fs.writeFile(file, text, { mode: 0o444 });
}

/** The script document's breakpoints, set on the same lines of its temporary copy (and only those). */
function mirrorBreakpoints(documentUri: vscode.Uri, copy: vscode.Uri): void {
  const all = vscode.debug.breakpoints.filter((b): b is vscode.SourceBreakpoint => b instanceof vscode.SourceBreakpoint);
  vscode.debug.removeBreakpoints(all.filter((b) => b.location.uri.toString() === copy.toString()));
  vscode.debug.addBreakpoints(
    all
      .filter((b) => b.location.uri.toString() === documentUri.toString())
      .map(
        (b) =>
          new vscode.SourceBreakpoint(new vscode.Location(copy, b.location.range), b.enabled, b.condition, b.hitCondition, b.logMessage),
      ),
  );
}
