/**
 * "Debug Hook…": a hook run under VS Code's Node debugger (dist/hookDebug.js), so that
 * breakpoints stop in the script. A pulled script with no unsaved edit runs from its own file;
 * a document opened from the explorer (not a file the debugger can load), or one with unsaved
 * edits, runs from a copy in a temporary file, with the document's breakpoints set on the same
 * lines of the copy. Resolves with the result once the session ends.
 *
 * Each run has a private folder (mkdtemp: a new name, readable by this user only), whose files are
 * created new (`wx`: never through a link someone placed there), removed after the run. The
 * debugged process is fenced as debugLaunch.ts describes (no host environment, a heap limit); the
 * script runs in it in a Hardened JavaScript compartment (src/hooks/sesSandbox.ts).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import vscode = require('vscode');
import { ChosenHook } from '../documents/hookCodeLens';
import { startApiBridge } from '../hooks/apiBridge';
import { debugLaunchEnv, debugRuntimeArgs, fatalEnd, memoryLimitMb } from '../hooks/debugLaunch';
import { MAX_LOG_CHARS, MAX_RESULT_CHARS } from '../hooks/resultLimits';
import { HookResult } from '../hooks/runner';
import { HookResultPanel } from '../webviews/hookResultPanel';
import { rememberDebugCopy } from './focusedEnvironment';
import { Prepared } from './hookScripts';
import { Services } from './services';

/** The result, its records paired before and after, the console: each bounded in the debugged program. */
const MAX_DEBUG_RESULT_BYTES = 4 * MAX_RESULT_CHARS + 2 * MAX_LOG_CHARS;

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
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'integrator-io-debug-'));
  try {
    return await debugInFolder(services, target, prepared, view, api, { script, sample, dir });
  } finally {
    // The copy, the sample and the request (with the bridge's secret) go with the run.
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function debugInFolder(
  services: Services,
  target: ChosenHook,
  prepared: Prepared,
  view: HookResultPanel,
  api: (path: string, args: unknown[]) => Promise<unknown>,
  { script, sample, dir }: { script: vscode.TextDocument; sample: vscode.TextDocument; dir: string },
): Promise<HookResult | undefined> {
  // A pulled script with no unsaved edit is debugged where it is; otherwise a copy, named so that
  // its tab says what it is, and read-only, as an edit there would be lost.
  const inPlace = prepared.script.file !== undefined && !script.isDirty;
  const scriptFile = inPlace
    ? prepared.script.file!
    : path.join(dir, `${prepared.script.name.replace(/\.js$/, '').replace(/[\\/:*?"<>|]+/g, '-')} (debug copy).js`);
  const inputFile = path.join(dir, `${target.functionName}.input.json`);
  const resultFile = path.join(dir, `${target.functionName}.result.json`);
  const requestFile = path.join(dir, `${target.functionName}.request.json`);
  const bridge = await startApiBridge(api);
  // The copy belongs to the run's environment: the status bar says so while it is in front.
  const copy = inPlace ? undefined : rememberDebugCopy(vscode.Uri.file(scriptFile), prepared.script.env?.id);
  try {
    await Promise.all([
      inPlace ? Promise.resolve() : fs.writeFile(scriptFile, script.getText(), { flag: 'wx', mode: 0o444 }),
      fs.writeFile(inputFile, sample.getText(), { flag: 'wx', mode: 0o600 }),
      // Only this user may read it: it carries the bridge's secret.
      fs.writeFile(
        requestFile,
        JSON.stringify({
          scriptFile,
          functionName: target.functionName,
          type: prepared.type,
          inputFile,
          resultFile,
          memoryLimitMb: memoryLimitMb(vscode.workspace.getConfiguration('integratorIo').get<unknown>('hooks.memoryLimitMb')),
          bridge: { url: bridge.url, secret: bridge.secret },
        }),
        { flag: 'wx', mode: 0o600 },
      ),
    ]);
    return await debugRun(services, target, view, sample.getText(), { scriptFile, requestFile, resultFile, inPlace, dir });
  } finally {
    copy?.forget();
    await bridge.close();
  }
}

async function debugRun(
  services: Services,
  target: ChosenHook,
  view: HookResultPanel,
  sampleText: string,
  files: { scriptFile: string; requestFile: string; resultFile: string; inPlace: boolean; dir: string },
): Promise<HookResult | undefined> {
  const { scriptFile, requestFile, resultFile, inPlace, dir } = files;
  const limitMb = memoryLimitMb(vscode.workspace.getConfiguration('integratorIo').get<unknown>('hooks.memoryLimitMb'));
  if (!inPlace) {
    mirrorBreakpoints(target.uri, vscode.Uri.file(scriptFile));
    // The script's own tab is kept (a preview tab would be taken by the copy the debugger opens).
    await vscode.window.showTextDocument(target.uri, { preview: false, preserveFocus: true });
  }
  view.running(sampleText);
  const runId = `${scriptFile}:${target.functionName}:${Date.now()}`;
  const ended = new Promise<void>((resolve) => {
    const subscription = vscode.debug.onDidTerminateDebugSession((session) => {
      const run: unknown = session.configuration.integratorIoRun;
      if (run !== runId) return;
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
      runtimeArgs: debugRuntimeArgs(limitMb, dir),
      // Nothing of the extension host's environment (its tokens among it) reaches the script's process.
      env: debugLaunchEnv(process.env),
      skipFiles: ['<node_internals>/**', services.context.asAbsolutePath('dist/**')],
      console: 'internalConsole',
      integratorIoRun: runId,
    },
    // VS Code saves dirty editors before debugging; a save of a script deploys it, so not here.
    { suppressSaveBeforeStart: true },
  );
  if (!started) throw new Error('VS Code did not start the debugger');
  await ended;
  // The copy goes with the run (its folder is removed): its tab would stay as a dead one.
  if (!inPlace) {
    await closeTabsOf(scriptFile);
    // Back to the script the copy stood for, where the user debugs from.
    await vscode.window.showTextDocument(target.uri, { preview: false });
  }
  // The copy's breakpoints were for this run only: the user's stay on the document.
  if (!inPlace)
    vscode.debug.removeBreakpoints(
      vscode.debug.breakpoints.filter((b) => b instanceof vscode.SourceBreakpoint && b.location.uri.fsPath === scriptFile),
    );
  let result: HookResult;
  try {
    // Written by the debugged program, which bounds what the script returns (resultLimits.ts);
    // a file past that is not what it wrote, and is not read.
    if ((await fs.stat(resultFile)).size > MAX_DEBUG_RESULT_BYTES) throw new Error('too large');
    // Read as the HookResult hookDebug.js wrote there (a file of ours, bounded above); the view shows its parts as text.
    result = JSON.parse(await fs.readFile(resultFile, 'utf8')) as HookResult;
  } catch {
    const fatal = fatalEnd(dir, target.functionName, limitMb);
    if (fatal === undefined) {
      view.showFailure('The debug session ended before the hook returned.');
      return undefined;
    }
    result = { returned: false, error: fatal, logs: [], calls: [], contract: { ok: false, problems: [], notes: [] }, filled: [], ms: 0 };
  }
  view.showResult(result, undefined, { debugged: true });
  return result;
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

async function closeTabsOf(file: string): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === file);
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}
