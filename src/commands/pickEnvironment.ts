/** Resolves the environment a command acts on: from a tree row, or a quick pick. */
import vscode = require('vscode');
import { EnvironmentInfo, EnvironmentRef, whereLabel } from '../environments/environment';
import { EnvironmentNode } from '../explorer/nodes/environmentNode';
import { Services } from './services';
import { displayText } from '../util/displayText';

export async function resolveEnvironment(services: Services, arg: unknown, placeHolder: string): Promise<EnvironmentInfo | undefined> {
  // Only what the user chose: a row of the tree (instances, which a command link cannot pass).
  if (arg instanceof EnvironmentNode || arg instanceof EnvironmentRef) return arg.env;
  const environments = services.environments.list();
  if (environments.length === 0) {
    void services.notify.info('No integrator.io environment yet. Add one, or start the local sandbox.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    environments.map((env) => ({
      label: displayText(env.name),
      description: [whereLabel(env), env.production ? 'production' : ''].filter(Boolean).join(' · '),
      env,
    })),
    { placeHolder },
  );
  return picked?.env;
}
