/**
 * A flow diagram step's context menu (package.json `webview/context`): what the tree offers for
 * the step, on the step the user right-clicked (webviews/flowDiagramPanel.ts `chosenStep`). Each
 * hands the step to the tree's own command, so the picture and the tree act the same way.
 */
import vscode = require('vscode');
import { ChosenHook } from '../documents/hookCodeLens';
import { resourceUri } from '../identity';
import { displayText } from '../util/displayText';
import { ChosenDiagramStep, FlowDiagramPanel } from '../webviews/flowDiagramPanel';
import { defineCommand } from './command';
import { ChosenStep } from './errorCommands';
import { ChosenResource } from './resourceTarget';
import { Services } from './services';

const NEEDS = 'Right-click a step of a flow diagram (Show Flow Diagram).';
const failure = (step: ChosenDiagramStep) => `Could not act on "${step.name}"`;

type AccountStep = ChosenDiagramStep & { account: NonNullable<ChosenDiagramStep['account']> };

/** A step of an account's flow, for the commands that read the account. */
function inAccount(services: Services, arg: unknown): AccountStep | undefined {
  const step = FlowDiagramPanel.chosenStep(arg);
  return step?.account && services.environments.get(step.account.envId) ? { ...step, account: step.account } : undefined;
}

export const openDiagramStepCommand = defineCommand({
  id: 'integratorIo.diagramStep.open',
  target: (_services, arg) => FlowDiagramPanel.chosenStep(arg),
  needs: NEEDS,
  failure,
  run: (_services, step) => step.panel.openStep(step),
});

/** The rest of a menu entry that hands the chosen account step to one of the tree's commands. */
function handedTo(command: string, argumentOf: (step: AccountStep) => unknown) {
  return {
    target: inAccount,
    needs: NEEDS,
    failure,
    run: (_services: Services, step: AccountStep) => vscode.commands.executeCommand(command, argumentOf(step)),
  };
}

/** The step as the tree's resource commands take it (a class instance, which a link cannot pass). */
const resourceOfStep = (step: AccountStep) => new ChosenResource(step.account.envId, step.ref.kind, step.ref.id, step.name);

export const previewDiagramStepMappingCommand = defineCommand<AccountStep>({
  id: 'integratorIo.diagramStep.previewMapping',
  ...handedTo('integratorIo.previewMapping', resourceOfStep),
});

export const previewDiagramStepExportCommand = defineCommand<AccountStep>({
  id: 'integratorIo.diagramStep.previewExport',
  ...handedTo('integratorIo.previewExport', resourceOfStep),
});

export const showDiagramStepErrorsCommand = defineCommand<AccountStep>({
  id: 'integratorIo.diagramStep.showErrors',
  ...handedTo('integratorIo.showErrors', (step) => new ChosenStep(step.account.envId, step.account.flowId, step.ref.id, step.name)),
});

export const showDiagramStepHistoryCommand = defineCommand<AccountStep>({
  id: 'integratorIo.diagramStep.showAuditHistory',
  ...handedTo('integratorIo.showAuditHistory', resourceOfStep),
});

/** Run Hook…: which of the step's hooks (asked when it has several), run as Run Hook… above its function runs it. */
export const runDiagramStepHookCommand = defineCommand<AccountStep>({
  id: 'integratorIo.diagramStep.runHook',
  target: inAccount,
  needs: NEEDS,
  failure,
  async run(services, step) {
    const hooks = step.account.hooksOf(step.ref.id);
    const picked =
      hooks.length === 1
        ? hooks[0]
        : (
            await vscode.window.showQuickPick(
              hooks.map((h) => ({ label: displayText(h.hook), description: displayText(h.functionName), hook: h })),
              { title: displayText(`Run a hook of "${step.name}"`), placeHolder: 'Which hook?' },
            )
          )?.hook;
    if (!picked) return undefined;
    const env = services.environments.get(step.account.envId)!;
    const client = await services.environments.client(env);
    const name = (await client.scripts.get(picked.scriptId)).name;
    const script = await vscode.window.showTextDocument(resourceUri(env, 'scripts', picked.scriptId, name), {
      viewColumn: vscode.ViewColumn.One,
      preview: false,
    });
    return vscode.commands.executeCommand('integratorIo.runHook', new ChosenHook(script.document.uri, picked.functionName));
  },
});
