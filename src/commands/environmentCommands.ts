/** Remove, sign in, sign out, and select the active environment. */
import vscode = require('vscode');
import { EnvironmentInfo, fixedBaseUrl, whereLabel } from '../environments/environment';
import { verifyToken } from '../environments/environmentStore';
import { describeError } from '../util/errors';
import { resolveEnvironment } from './pickEnvironment';
import { defineCommand } from './command';
import { Services } from './services';
import { askModal } from '../util/dialogs';

/** The environment a command acts on: the row it was run on, or the one the user picks. */
function environmentOf(placeHolder: string) {
  return (services: Services, arg: unknown) => resolveEnvironment(services, arg, placeHolder);
}

export const removeEnvironmentCommand = defineCommand({
  id: 'integratorIo.removeEnvironment',
  target: environmentOf('Remove which environment?'),
  failure: (env) => `Could not remove "${env.name}"`,
  async run(services, env) {
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
});

export const signOutCommand = defineCommand({
  id: 'integratorIo.signOut',
  target: environmentOf('Sign out of which environment?'),
  failure: (env) => `Could not sign out of "${env.name}"`,
  async run(services, env) {
    await services.environments.signOut(env.id);
    services.log.info(`Signed out of "${env.name}": its token was deleted.`);
    void services.notify.info(`integrator.io: signed out of "${env.name}". Its token was deleted.`);
  },
});

/** Enters a new token for an environment (after a 401, or after signing out). */
export const signInCommand = defineCommand({
  id: 'integratorIo.signIn',
  target: environmentOf('Sign in to which environment?'),
  failure: (env) => `Sign-in to "${env.name}" failed`,
  async run(services, env) {
    if (env.kind === 'sandbox') {
      void services.notify.info('The local sandbox needs no sign-in: its token is made and kept by the extension.');
      return false;
    }
    const token = await vscode.window.showInputBox({
      title: `Sign in to ${env.name}`,
      prompt: `A new API token for ${whereLabel(env)}. It is kept in VS Code’s secret storage only.`,
      password: true,
      ignoreFocusOut: true,
    });
    return token ? signIn(services, env, token) : false;
  },
});

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

export const selectEnvironmentCommand = defineCommand({
  id: 'integratorIo.selectEnvironment',
  target: environmentOf('Make which environment active?'),
  failure: (env) => `Could not make "${env.name}" active`,
  async run(services, env) {
    await services.environments.setActive(env.id);
  },
});
