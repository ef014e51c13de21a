/**
 * "Run Hook…": runs one function of a script document locally (src/hooks), as the hook it is
 * where the account uses it, on a sample kept beside the script, and shows the result view.
 * Unsaved edits of the script and the sample are what runs.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import vscode = require('vscode');
import { IntegratorClient } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { ChosenHook, hookFunctions } from '../documents/hookCodeLens';
import { parseResourceUri, resourceNameOf } from '../documents/uris';
import { apiCalls } from '../hooks/apiCalls';
import { HOOK_TYPES, HookType } from '../hooks/contracts';
import { slugify } from '../iac/keys';
import { findHookUsages, HookUsage } from '../hooks/hookUsage';
import { HookResult, runHook } from '../hooks/runner';
import { sampleOptions } from '../hooks/samples';
import { askModal } from '../util/dialogs';
import { displayText } from '../util/displayText';
import { HookResultPanel } from '../webviews/hookResultPanel';
import { defineCommand } from './command';
import { Services } from './services';

export const runHookCommand = defineCommand({
  id: 'integratorIo.runHook',
  // From a lens: its function; from the palette: the function the cursor is in.
  target: (_services, arg) => (arg instanceof ChosenHook ? arg : functionAtCursor()),
  needs: 'Open a script and put the cursor in a hook function, or use Run Hook… above it.',
  failure: (target) => `Could not run ${target.functionName}`,
  async run(services, target) {
    const prepared = await prepare(services, target);
    if (!prepared) return undefined;
    const { env, client, type, sampleUri } = prepared;
    const view = resultView(
      services,
      target,
      prepared,
      async () => void (await runOnce(services, env, client, target, type, sampleUri, view)),
    );
    return runOnce(services, env, client, target, type, sampleUri, view);
  },
});

/**
 * "Debug Hook…": the same run under VS Code's Node debugger, so breakpoints stop in the script.
 * The script runs from a copy in a temporary file, and the breakpoints set in the script's
 * document are set on the same lines of the copy (a document opened from the explorer is not a
 * file the debugger can load). Resolves with the result once the session ends.
 */
export const debugHookCommand = defineCommand({
  id: 'integratorIo.debugHook',
  target: (_services, arg) => (arg instanceof ChosenHook ? arg : functionAtCursor()),
  needs: 'Open a script and put the cursor in a hook function, or use Debug Hook… above it.',
  failure: (target) => `Could not debug ${target.functionName}`,
  async run(services, target) {
    const prepared = await prepare(services, target);
    if (!prepared) return undefined;
    const view = resultView(services, target, prepared, async () => void (await debugOnce(services, target, prepared, view)));
    return debugOnce(services, target, prepared, view);
  },
});

interface Prepared {
  env: EnvironmentInfo;
  client: IntegratorClient;
  scriptId: string;
  scriptName: string;
  type: HookType;
  sampleUri: vscode.Uri;
  where: string;
}

/** Which hook it is, and its sample (made once from real data, opened beside the script). */
async function prepare(services: Services, target: ChosenHook): Promise<Prepared | undefined> {
  const ref = parseResourceUri(target.uri);
  const env = ref && services.environments.get(ref.envId);
  if (!ref || ref.kind !== 'scripts' || !env) throw new Error('hooks run from a script opened from the integrator.io explorer');
  const client = await services.environments.client(env);
  const usages = (await findHookUsages(client, ref.id)).filter((u) => u.functionName === target.functionName);
  const usage = await pickUsage(target.functionName, usages);
  if (!usage) return undefined;
  const scriptName = resourceNameOf(target.uri);
  const sampleUri = await ensureSample(services, client, scriptName, ref.id, target.functionName, usage);
  // Beside the script, unless it is in view already (showing it again would only cost time).
  if (!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === sampleUri.toString()))
    await vscode.window.showTextDocument(sampleUri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  const where = 'resourceName' in usage ? ` as the ${usage.type} hook of ${usage.resourceName}` : ` as a ${usage.type} hook`;
  return { env, client, scriptId: ref.id, scriptName, type: usage.type, sampleUri, where };
}

function resultView(services: Services, target: ChosenHook, prepared: Prepared, rerun: () => Promise<void>): HookResultPanel {
  return HookResultPanel.show(
    `hook:${prepared.env.id}:${prepared.scriptId}:${target.functionName}`,
    `Hook: ${target.functionName}`,
    `${prepared.scriptName}${prepared.where}, in ${prepared.env.name} · run here, not on integrator.io`,
    services.context.extensionUri,
    rerun,
  );
}

async function debugOnce(
  services: Services,
  target: ChosenHook,
  prepared: Prepared,
  view: HookResultPanel,
): Promise<HookResult | undefined> {
  const [script, sample] = await Promise.all([
    vscode.workspace.openTextDocument(target.uri),
    vscode.workspace.openTextDocument(prepared.sampleUri),
  ]);
  const dir = path.join(os.tmpdir(), 'integrator-io-hooks', prepared.scriptId);
  await fs.mkdir(dir, { recursive: true });
  // Named so that its tab says what it is; read-only, as an edit there would be lost.
  const scriptFile = path.join(dir, `${prepared.scriptName.replace(/[\\/:*?"<>|]+/g, '-')} (debug copy).js`);
  const inputFile = path.join(dir, `${target.functionName}.input.json`);
  const resultFile = path.join(dir, `${target.functionName}.result.json`);
  const requestFile = path.join(dir, `${target.functionName}.request.json`);
  await Promise.all([
    writeReadOnly(scriptFile, script.getText()),
    fs.writeFile(inputFile, sample.getText()),
    fs.rm(resultFile, { force: true }),
    fs.writeFile(
      requestFile,
      JSON.stringify({ scriptFile, functionName: target.functionName, type: prepared.type, inputFile, resultFile }),
    ),
  ]);
  mirrorBreakpoints(target.uri, vscode.Uri.file(scriptFile));
  view.running(sample.getText());
  const runId = `${prepared.scriptId}:${target.functionName}:${Date.now()}`;
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
  vscode.debug.removeBreakpoints(
    vscode.debug.breakpoints.filter((b) => b instanceof vscode.SourceBreakpoint && b.location.uri.fsPath === scriptFile),
  );
  let result: HookResult;
  try {
    result = JSON.parse(await fs.readFile(resultFile, 'utf8')) as HookResult;
  } catch {
    view.showResult({
      returned: false,
      error: 'The debug session ended before the hook returned.',
      logs: [],
      calls: [],
      contract: { ok: false, problems: [], notes: [] },
      filled: [],
      ms: 0,
    });
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

async function runOnce(
  services: Services,
  env: EnvironmentInfo,
  client: IntegratorClient,
  target: ChosenHook,
  type: HookType,
  sampleUri: vscode.Uri,
  view: HookResultPanel,
): Promise<HookResult> {
  const [script, sample] = await Promise.all([vscode.workspace.openTextDocument(target.uri), vscode.workspace.openTextDocument(sampleUri)]);
  let input: unknown;
  try {
    input = JSON.parse(sample.getText());
  } catch (err) {
    throw new Error(`the sample ${sampleUri.path.split('/').pop()} is not valid JSON (${(err as Error).message})`);
  }
  view.running(JSON.stringify(input, null, 2));
  const timeoutSeconds = vscode.workspace.getConfiguration('integratorIo').get<number>('hooks.timeoutSeconds', 30);
  const result = await runHook({
    source: script.getText(),
    filename: script.uri.path.split('/').pop() ?? 'script.js',
    functionName: target.functionName,
    type,
    input,
    timeoutMs: timeoutSeconds * 1000,
    api: guardedApi(env, client),
  });
  view.showResult(result);
  services.log.info(
    `${env.name}: ran ${target.functionName} (${type}) locally in ${result.ms} ms: ${result.returned ? (result.contract.ok ? 'fits its contract' : `${result.contract.problems.length} contract problem(s)`) : result.error}.`,
  );
  return result;
}

/**
 * integrator-api calls: free in the local sandbox; elsewhere the first call of a run asks, and
 * in production every call asks (a script's call can change the account).
 */
function guardedApi(env: EnvironmentInfo, client: IntegratorClient): (path: string, args: unknown[]) => Promise<unknown> {
  const call = apiCalls(client);
  let allowed = env.kind === 'sandbox';
  return async (path, args) => {
    if (!allowed) {
      const allow: vscode.MessageItem = { title: 'Allow' };
      const answer = await askModal<vscode.MessageItem>(
        `The hook calls integrator-api ${path} in ${env.production ? 'the PRODUCTION environment' : 'the environment'} "${env.name}". Let it?`,
        env.production ? 'Each call in production asks.' : 'Further calls of this run go through without asking.',
        allow,
        { title: 'Cancel', isCloseAffordance: true },
      );
      if (answer !== allow) throw new Error('not allowed by the user');
      allowed = !env.production;
    }
    return call(path, args);
  };
}

async function pickUsage(functionName: string, usages: HookUsage[]): Promise<HookUsage | { type: HookType } | undefined> {
  if (usages.length === 1) return usages[0];
  if (usages.length > 1) {
    const picked = await vscode.window.showQuickPick(
      usages.map((u) => ({ label: u.type, description: displayText(`${u.kind.slice(0, -1)} "${u.resourceName}"`), usage: u })),
      { title: `Run ${functionName} as which hook?`, placeHolder: 'It is used in several places' },
    );
    return picked?.usage;
  }
  const picked = await vscode.window.showQuickPick(
    HOOK_TYPES.map((type) => ({ label: type, type })),
    { title: `Run ${functionName} as which hook?`, placeHolder: 'No export, import or flow uses it yet' },
  );
  return picked && { type: picked.type };
}

/** The sample's file: under the workspace's .integrator-io/samples/, else in global storage. Made once, then kept. */
async function ensureSample(
  services: Services,
  client: IntegratorClient,
  scriptName: string,
  scriptId: string,
  functionName: string,
  usage: HookUsage | { type: HookType },
): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = folder
    ? vscode.Uri.joinPath(folder, '.integrator-io', 'samples')
    : vscode.Uri.joinPath(services.context.globalStorageUri, 'samples');
  const dir = vscode.Uri.joinPath(base, `${slugify(scriptName)}-${scriptId}`);
  const uri = vscode.Uri.joinPath(dir, `${functionName}.json`);
  try {
    await vscode.workspace.fs.stat(uri);
    return uri;
  } catch {
    // Not made yet: built from real data below.
  }
  const options = await sampleOptions(client, usage.type, 'resourceId' in usage ? usage : undefined);
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(options, null, 2)}\n`));
  return uri;
}

/** The function the cursor is in, in the active script document. */
function functionAtCursor(): ChosenHook | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || parseResourceUri(editor.document.uri)?.kind !== 'scripts') return undefined;
  const above = hookFunctions(editor.document.getText()).filter((f) => f.line <= editor.selection.active.line);
  const fn = above[above.length - 1];
  return fn && new ChosenHook(editor.document.uri, fn.name);
}
