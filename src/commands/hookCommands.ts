/**
 * "Run Hook…": runs one function of a script document locally (src/hooks), as the hook it is
 * where the account uses it, on a sample kept beside the script, and shows the result view.
 * Unsaved edits of the script and the sample are what runs.
 */
import vscode = require('vscode');
import { IntegratorClient } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { ChosenHook, hookFunctions } from '../documents/hookCodeLens';
import { parseResourceUri, resourceNameOf } from '../documents/uris';
import { apiCalls } from '../hooks/apiCalls';
import { HOOK_TYPES, HookType } from '../hooks/contracts';
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
    const ref = parseResourceUri(target.uri);
    const env = ref && services.environments.get(ref.envId);
    if (!ref || ref.kind !== 'scripts' || !env) throw new Error('Run Hook works on a script opened from the integrator.io explorer');
    const client = await services.environments.client(env);
    const usages = (await findHookUsages(client, ref.id)).filter((u) => u.functionName === target.functionName);
    const usage = await pickUsage(target.functionName, usages);
    if (!usage) return undefined;
    const scriptName = resourceNameOf(target.uri);
    const sampleUri = await ensureSample(services, client, scriptName, ref.id, target.functionName, usage);
    await vscode.window.showTextDocument(sampleUri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    const where = 'resourceName' in usage ? ` as the ${usage.type} hook of ${usage.resourceName}` : ` as a ${usage.type} hook`;
    const view = HookResultPanel.show(
      `hook:${env.id}:${ref.id}:${target.functionName}`,
      `Hook: ${target.functionName}`,
      `${scriptName}${where}, in ${env.name} · run here, not on integrator.io`,
      services.context.extensionUri,
      async () => void (await runOnce(services, env, client, target, usage.type, sampleUri, view)),
    );
    return runOnce(services, env, client, target, usage.type, sampleUri, view);
  },
});

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
  const dir = vscode.Uri.joinPath(base, `${scriptName.replace(/[^\w.-]+/g, '-')}-${scriptId}`);
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
