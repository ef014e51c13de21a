/**
 * "Run Hook…" and "Debug Hook…": run one function of a script locally (src/hooks), as the hook
 * it is where it is used (commands/hookScripts.ts: in the account, or in a pulled folder's
 * files), on a sample kept with the script's samples, and show the result view. Unsaved edits
 * of the script and the sample are what runs.
 */
import vscode = require('vscode');
import { ChosenHook, hookFunctions, isScriptDocument } from '../documents/hookCodeLens';
import { apiCalls } from '../hooks/apiCalls';
import { HOOK_TYPES, HookType } from '../hooks/contracts';
import { HookUsage } from '../hooks/hookUsage';
import { DEFAULT_MEMORY_LIMIT_MB, HookResult, runHook, warmUpRunner } from '../hooks/runner';
import { sampleOptions } from '../hooks/samples';
import { askModal } from '../util/dialogs';
import { describeError } from '../util/errors';
import { displayText } from '../util/displayText';
import { refusedInRestrictedMode } from '../util/workspaceTrust';
import { HookResultPanel } from '../webviews/hookResultPanel';
import { defineCommand } from './command';
import { debugOnce } from './hookDebugSession';
import { HookScript, hookScriptOf, Prepared } from './hookScripts';
import { keptSampleIsThere, rememberKeepPlace } from './keepSample';
import { Services } from './services';
import { fileNameOf, viewKey } from '../identity';

export const runHookCommand = defineCommand({
  id: 'integratorIo.runHook',
  // From a lens: its function; from the palette: the function the cursor is in.
  target: (_services, arg) => (arg instanceof ChosenHook ? arg : functionAtCursor()),
  needs: 'Open a script and put the cursor in a hook function, or use Run Hook… above it.',
  failure: (target) => `Could not run ${target.functionName}`,
  async run(services, target) {
    if (fromFolder(services, target, 'Running')) return undefined;
    // The engine and a worker start while the uses and the sample are looked up.
    void warmUpRunner(memoryLimitMb()).catch(() => undefined);
    const use = await chooseUse(services, target);
    if (!use) return undefined;
    // The view first: a webview takes longest to load, and loads while the sample is made.
    const view = resultView(services, target, use, async (run) => runOnce(services, target, await sampled, view, run));
    // This click's run from now: an older run still going (run on edit) no longer shows its result.
    const run = view.startRun();
    const sampled = withSample(use, target).then(
      (prepared) => {
        view.rerunOnEditsOf([target.uri, prepared.sampleUri]);
        return prepared;
      },
      (err: unknown) => {
        view.showFailure(`Could not make a sample for ${target.functionName}: ${describeError(err)}`, run);
        throw err;
      },
    );
    return runOnce(services, target, await sampled, view, run);
  },
});

/**
 * "Debug Hook…": the same run under VS Code's Node debugger, so breakpoints stop in the script
 * (commands/hookDebugSession.ts). Resolves with the result once the session ends.
 */
export const debugHookCommand = defineCommand({
  id: 'integratorIo.debugHook',
  target: (_services, arg) => (arg instanceof ChosenHook ? arg : functionAtCursor()),
  needs: 'Open a script and put the cursor in a hook function, or use Debug Hook… above it.',
  failure: (target) => `Could not debug ${target.functionName}`,
  async run(services, target) {
    if (fromFolder(services, target, 'Debugging')) return undefined;
    const use = await chooseUse(services, target);
    if (!use) return undefined;
    const prepared = await withSample(use, target);
    const view = resultView(services, target, use, () => debugOnce(services, target, prepared, view, apiFor(prepared.script)));
    view.rerunOnEditsOf([]); // a debug session starts only when asked
    view.startRun(); // a run of the same view still going is older: its result no longer shows
    return debugOnce(services, target, prepared, view, apiFor(prepared.script));
  },
});

/**
 * A workspace folder's script, in Restricted Mode: refused. A script opened from the explorer
 * still runs: it comes from the account, not from the folder whose trust is in question.
 */
function fromFolder(services: Services, target: ChosenHook, doing: string): boolean {
  return target.uri.scheme === 'file' && refusedInRestrictedMode(services.notify, `${doing} a script from a workspace folder`);
}

/** The script and the use it is run as (asked when it has several, or none yet). */
interface ChosenUse {
  script: HookScript;
  usage: HookUsage | { type: HookType };
  /** " as the preMap hook of NetSuite - Create Sales Orders" */
  where: string;
}

async function chooseUse(services: Services, target: ChosenHook): Promise<ChosenUse | undefined> {
  const script = await hookScriptOf(services, target.uri);
  if (!script) throw new Error('hooks run from a script opened from the integrator.io explorer, or from scripts/ of a pulled folder');
  const usages = (await script.usages()).filter((u) => u.functionName === target.functionName);
  const usage = await pickUsage(target.functionName, usages);
  if (!usage) return undefined;
  const where = 'resourceName' in usage ? ` as the ${usage.type} hook of ${usage.resourceName}` : ` as a ${usage.type} hook`;
  return { script, usage, where };
}

/** The use with its sample (made once from real data), which is opened beside the script unless a tab holds it. */
async function withSample({ script, usage, where }: ChosenUse, target: ChosenHook): Promise<Prepared> {
  const sampleUri = await ensureSample(script, target.functionName, usage);
  if (!isInATab(sampleUri))
    // In the background: the result view beside the script stays in front (and is not hidden and shown again).
    await vscode.commands.executeCommand('vscode.open', sampleUri, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: false,
      background: true,
    });
  return { script, type: usage.type, sampleUri, where };
}

function isInATab(uri: vscode.Uri): boolean {
  const text = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === text),
  );
}

/**
 * The view of a hook's runs. Its Run again (and a run on edit) runs `rerun` as a new run (its
 * number keeps a late older result from replacing it); a run that cannot start (the sample is no
 * longer JSON, say) says why in the view, the edit kept.
 */
function resultView(services: Services, target: ChosenHook, use: ChosenUse, rerun: (run: number) => Promise<unknown>): HookResultPanel {
  const { env, key, name } = use.script;
  const view = HookResultPanel.show(
    // The environment's id second, so the view is marked as that environment's (none: "local").
    viewKey('hook', env?.id ?? 'local', key, target.functionName),
    `Hook: ${target.functionName}`,
    `${name}${use.where}, ${env ? `in ${env.name}` : 'in a folder compared with no environment'} · run here, not on integrator.io`,
    services.context.extensionUri,
    async () => {
      const run = view.startRun();
      try {
        await rerun(run);
      } catch (err) {
        view.showFailure(`Could not run ${target.functionName}: ${err instanceof Error ? err.message : String(err)}`, run);
      }
    },
  );
  return view;
}

async function runOnce(
  services: Services,
  target: ChosenHook,
  prepared: Prepared,
  view: HookResultPanel,
  run: number,
): Promise<HookResult> {
  const { script: hookScript, type, sampleUri } = prepared;
  const [script, sample] = await Promise.all([vscode.workspace.openTextDocument(target.uri), vscode.workspace.openTextDocument(sampleUri)]);
  let input: unknown;
  try {
    input = JSON.parse(sample.getText());
  } catch (err) {
    throw new Error(`the sample ${fileNameOf(sampleUri)} is not valid JSON (${describeError(err)})`);
  }
  view.running(JSON.stringify(input, null, 2), run);
  const timeoutSeconds = vscode.workspace.getConfiguration('integratorIo').get<number>('hooks.timeoutSeconds', 30);
  const result = await runHook({
    source: script.getText(),
    filename: fileNameOf(script.uri),
    functionName: target.functionName,
    type,
    input,
    timeoutMs: timeoutSeconds * 1000,
    memoryLimitMb: memoryLimitMb(),
    api: apiFor(hookScript),
  });
  view.showResult(result, run);
  services.log.info(
    `${hookScript.env?.name ?? 'No environment'}: ran ${target.functionName} (${type}) locally in ${result.ms} ms: ${result.returned ? (result.contract.ok ? 'fits its contract' : `${result.contract.problems.length} contract problem(s)`) : result.error}.`,
  );
  return result;
}

/**
 * integrator-api calls: free in the local sandbox; elsewhere the first call of a run asks, and
 * in production every call asks (a script's call can change the account). A pulled folder
 * compared with no environment has nowhere to send them: they fail with that reason.
 */
export function apiFor(script: HookScript): (path: string, args: unknown[]) => Promise<unknown> {
  const { env, client } = script;
  if (!env || !client)
    return (path) =>
      Promise.reject(
        new Error(`${path}: this folder is compared with no environment (choose one in Source Control), so the call has nowhere to go`),
      );
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

/**
 * The sample's file: one kept in the folder on purpose if there is one, else the one in the
 * extension's storage, made once (from real data where it can be), then kept there.
 */
async function ensureSample(script: HookScript, functionName: string, usage: HookUsage | { type: HookType }): Promise<vscode.Uri> {
  const file = `${functionName}.json`;
  const kept = script.keptSamplesDir && vscode.Uri.joinPath(script.keptSamplesDir, file);
  // In the folder, which a pull request may have filled with links: never read through one.
  if (kept && script.keptRoot && keptSampleIsThere(script.keptRoot, kept)) return kept;
  const uri = vscode.Uri.joinPath(script.samplesDir, file);
  if (kept && script.keptRoot) rememberKeepPlace(uri, { kept, root: script.keptRoot, envName: script.env?.name });
  if (await exists(uri)) return uri;
  const accountId = 'resourceId' in usage ? script.accountIdOf(usage) : undefined;
  const options = await sampleOptions(
    script.client,
    usage.type,
    accountId && 'resourceId' in usage ? { ...usage, resourceId: accountId } : undefined,
  );
  await vscode.workspace.fs.createDirectory(script.samplesDir);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(options, null, 2)}\n`));
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

function memoryLimitMb(): number {
  return vscode.workspace.getConfiguration('integratorIo').get<number>('hooks.memoryLimitMb', DEFAULT_MEMORY_LIMIT_MB);
}

/** The function the cursor is in, in the active script document. */
function functionAtCursor(): ChosenHook | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isScriptDocument(editor.document.uri)) return undefined;
  const above = hookFunctions(editor.document.getText()).filter((f) => f.line <= editor.selection.active.line);
  const fn = above[above.length - 1];
  return fn && new ChosenHook(editor.document.uri, fn.name);
}
