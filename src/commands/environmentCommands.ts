/** Remove, sign in, sign out, and select the active environment. */
import * as vscode from 'vscode';
import { EnvironmentInfo, fixedBaseUrl, whereLabel } from '../environments/environment';
import { verifyToken } from '../environments/environmentStore';
import { describeError } from '../util/errors';
import { resolveEnvironment } from './pickEnvironment';
import { CommandDefinition, Services } from './services';
import { askModal } from '../util/dialogs';

export const removeEnvironmentCommand: CommandDefinition = {
  id: 'integratorIo.removeEnvironment',
  async run(services, arg?: unknown) {
    const env = await resolveEnvironment(services, arg, 'Remove which environment?');
    if (!env) return false;
    const confirmed =
      (
        await askModal(
          `Remove "${env.name}" (${whereLabel(env)}) from VS Code?`,
          'Its token is deleted from secret storage. Nothing changes in the account itself.',
          { title: 'Remove' },
        )
      )?.title === 'Remove';
    if (!confirmed) return false;
    await services.environments.remove(env.id);
    services.log.info(`Removed environment "${env.name}".`);
    return true;
  },
};

export const signOutCommand: CommandDefinition = {
  id: 'integratorIo.signOut',
  async run(services, arg?: unknown) {
    const env = await resolveEnvironment(services, arg, 'Sign out of which environment?');
    if (!env) return;
    await services.environments.signOut(env.id);
    services.log.info(`Signed out of "${env.name}": its token was deleted.`);
    void services.notify.info(`integrator.io: signed out of "${env.name}". Its token was deleted.`);
  },
};

/** Enters a new token for an environment (after a 401, or after signing out). */
export const signInCommand: CommandDefinition = {
  id: 'integratorIo.signIn',
  async run(services, arg?: unknown) {
    const env = await resolveEnvironment(services, arg, 'Sign in to which environment?');
    if (!env || env.kind === 'sandbox') return false;
    const token = await vscode.window.showInputBox({
      title: `Sign in to ${env.name}`,
      prompt: `A new API token for ${whereLabel(env)}. It is kept in VS Code’s secret storage only.`,
      password: true,
      ignoreFocusOut: true,
    });
    return token ? signIn(services, env, token) : false;
  },
};

/**
 * Checks a token and stores it. A token of another user than the one the environment was added
 * with would silently point the environment (and every open document's ids) at another
 * account: that asks first, and its default is no.
 */
export async function signIn(services: Services, env: EnvironmentInfo, token: string): Promise<boolean> {
  let userId: string;
  try {
    userId = await verifyToken(fixedBaseUrl(env) ?? '', token, env.aShareId);
  } catch (err) {
    void services.notify.error(`Sign-in to "${env.name}" failed: ${describeError(err)}`);
    return false;
  }
  if (env.userId && env.userId !== userId) {
    const proceed = 'Use This Token';
    const answer = await askModal(
      `This token belongs to another user (${userId}) than the one "${env.name}" was added with (${env.userId}).`,
      'Documents open from this environment would then be saved to what may be another account. Add a new environment for another account instead.',
      { title: 'Keep the Old Token', isCloseAffordance: true },
      { title: proceed },
    );
    if (answer?.title !== proceed) {
      services.log.info(`Sign-in to "${env.name}" cancelled: the token belongs to another user.`);
      return false;
    }
  }
  await services.environments.save({ ...env, userId }, token);
  services.log.info(`Signed in to "${env.name}".`);
  return true;
}

export const selectEnvironmentCommand: CommandDefinition = {
  id: 'integratorIo.selectEnvironment',
  async run(services, arg?: unknown) {
    const env = await resolveEnvironment(services, arg, 'Make which environment active?');
    if (env) await services.environments.setActive(env.id);
  },
};
