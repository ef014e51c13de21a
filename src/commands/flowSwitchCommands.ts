/**
 * "Enable Flow" and "Disable Flow": the switch the web UI puts first, on the flow's row and on its
 * document. One JSON Patch of `/disabled` (the API's whitelist allows it), so nothing else of the
 * flow is sent; production asks first. The row's icon and description follow at once.
 */
import { confirmProductionChange } from '../environments/productionGuard';
import { defineCommand, quoted, resourceOf } from './command';
import { ResourceTarget } from './resourceTarget';
import { Services } from './services';

export const enableFlowCommand = defineCommand<ResourceTarget>({
  id: 'integratorIo.enableFlow',
  target: resourceOf('flows'),
  needs: 'Pick a flow in the integrator.io explorer to enable it.',
  failure: (target) => `Could not enable the flow ${quoted(target)}`,
  run: (services, target) => setDisabled(services, target, false),
});

export const disableFlowCommand = defineCommand<ResourceTarget>({
  id: 'integratorIo.disableFlow',
  target: resourceOf('flows'),
  needs: 'Pick a flow in the integrator.io explorer to disable it.',
  failure: (target) => `Could not disable the flow ${quoted(target)}`,
  run: (services, target) => setDisabled(services, target, true),
});

async function setDisabled(services: Services, target: ResourceTarget, disabled: boolean): Promise<boolean> {
  const client = await services.environments.client(target.env);
  const flow = await services.explorer.busyWhile(target.id, 'reading…', () => client.flows.get(target.id));
  const name = flow.name ?? flow._id;
  const verb = disabled ? 'disable' : 'enable';
  if ((flow.disabled === true) === disabled) {
    void services.notify.info(`The flow "${name}" is already ${disabled ? 'disabled' : 'enabled'}.`);
    services.explorer.resourceChanged(target.env.id, 'flows', flow, false);
    return false;
  }
  if (!(await confirmProductionChange(target.env, { action: verb, what: `flow "${name}"` }))) return false;
  const changed = await services.explorer.busyWhile(flow._id, disabled ? 'disabling…' : 'enabling…', async () => {
    await client.flows.patch(flow._id, [{ op: 'replace', path: '/disabled', value: disabled }]);
    return client.flows.get(flow._id);
  });
  services.explorer.resourceChanged(target.env.id, 'flows', changed, false);
  void services.notify.info(`${disabled ? 'Disabled' : 'Enabled'} the flow "${name}" in "${target.env.name}".`);
  return true;
}
