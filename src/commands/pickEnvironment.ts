/** Resolves the environment a command acts on: from a tree node, an id, or a quick pick. */
import * as vscode from 'vscode';
import { EnvironmentInfo, whereLabel } from '../environments/environment';
import { EnvironmentNode } from '../explorer/nodes/environmentNode';
import { Services } from './services';

export async function resolveEnvironment(services: Services, arg: unknown, placeHolder: string): Promise<EnvironmentInfo | undefined> {
  if (arg instanceof EnvironmentNode) return arg.env;
  if (typeof arg === 'string') return services.environments.get(arg);
  if (arg && typeof arg === 'object' && 'env' in arg) return (arg as { env: EnvironmentInfo }).env;
  const environments = services.environments.list();
  if (environments.length === 0) {
    void services.notify.info('No integrator.io environment yet. Add one, or start the local sandbox.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    environments.map((env) => ({
      label: env.name,
      description: [whereLabel(env), env.production ? 'production' : ''].filter(Boolean).join(' · '),
      env,
    })),
    { placeHolder },
  );
  return picked?.env;
}
