/** "Show Errors" of a flow step: which step, then the view in `webviews/errorsPanel.ts`. */
import { StepNode } from '../explorer/nodes/resourceNodes';
import { ErrorsPanel, ErrorsPanelDeps, StepRef } from '../webviews/errorsPanel';
import { defineCommand } from './command';
import { Services } from './services';

/** A flow step named by id through the extension's API; a class instance, which a link cannot pass. */
export class ChosenStep {
  constructor(
    readonly envId: string,
    readonly flowId: string,
    readonly stepId: string,
    readonly name?: string,
  ) {}
}

/** The step a command acts on: a step row of the tree, or one the extension's API named. */
function stepRef(services: Services, arg: unknown): StepRef | undefined {
  if (arg instanceof StepNode) return { env: arg.env, flowId: arg.step.flowId, stepId: arg.resourceId, name: arg.name ?? arg.resourceId };
  if (arg instanceof ChosenStep) {
    const env = services.environments.get(arg.envId);
    return env ? { env, flowId: arg.flowId, stepId: arg.stepId, name: arg.name ?? arg.stepId } : undefined;
  }
  return undefined;
}

/** What the errors view needs from the rest of the extension. */
async function panelDeps(services: Services, ref: StepRef): Promise<ErrorsPanelDeps> {
  return {
    client: await services.environments.client(ref.env),
    log: services.log,
    notify: services.notify,
    extensionUri: services.context.extensionUri,
    onErrorsChanged: (changed) => {
      for (const node of services.explorer.loadedResources()) if (node.id.includes(changed.flowId)) services.explorer.refresh(node);
    },
  };
}

/** Opens the errors view of a step; resolves with what it shows once loaded. */
export const showErrorsCommand = defineCommand({
  id: 'integratorIo.showErrors',
  target: stepRef,
  needs: 'Pick a flow step with errors in the integrator.io explorer.',
  failure: (ref) => `Could not show the errors of "${ref.name}"`,
  async run(services, ref) {
    return (await ErrorsPanel.show(ref, await panelDeps(services, ref))).current;
  },
});
