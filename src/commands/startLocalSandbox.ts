/** "integrator.io: Start Local Sandbox": starts the in-process sandbox and adds it as an environment. */
import vscode = require('vscode');
import { EnvironmentInfo, SANDBOX_ENVIRONMENT_ID } from '../environments/environment';
import { defineCommand } from './command';
import { Services } from './services';

export const startLocalSandboxCommand = defineCommand({
  id: 'integratorIo.startLocalSandbox',
  target: () => ({}),
  failure: () => 'Could not start the local sandbox',
  async run(services) {
    const running = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Starting the local integrator.io sandbox…' },
      () => services.sandbox.ensureRunning({ explicitly: true }),
    );
    const env: EnvironmentInfo = services.environments.get(SANDBOX_ENVIRONMENT_ID) ?? {
      id: SANDBOX_ENVIRONMENT_ID,
      name: 'Local Sandbox',
      production: false,
      kind: 'sandbox',
    };
    await services.environments.save(env);
    await services.environments.setActive(env.id);
    const node = await findRoot(services, env.id);
    if (node) await services.treeView.reveal(node, { expand: true, select: false, focus: false });
    void services.notify.info(`integrator.io: the local sandbox is running at ${running.baseUrl} with demo data.`);
    return running.baseUrl;
  },
});

export const stopLocalSandboxCommand = defineCommand({
  id: 'integratorIo.stopLocalSandbox',
  target: () => ({}),
  failure: () => 'Could not stop the local sandbox',
  async run(services) {
    const wasRunning = services.sandbox.isRunning;
    await services.sandbox.stop({ byUser: true });
    services.explorer.refresh();
    void services.notify.info(
      wasRunning
        ? 'The local sandbox stopped. Its data is kept; Start Local Sandbox runs it again.'
        : 'The local sandbox was not running. Start Local Sandbox runs it.',
    );
  },
});

async function findRoot(services: Services, id: string) {
  await services.explorer.getChildren();
  return services.explorer.environmentNode(id);
}
