/** Remove, sign in, sign out, and select the active environment. */
import * as vscode from 'vscode';
import { whereLabel } from '../environments/environment';
import { fixedBaseUrl } from '../environments/environment';
import { verifyToken } from '../environments/environmentStore';
import { describeError } from '../util/errors';
import { resolveEnvironment } from './pickEnvironment';
import { CommandDefinition } from './services';

export const removeEnvironmentCommand: CommandDefinition = {
  id: 'integratorIo.removeEnvironment',
  async run(services, arg?: unknown, options?: unknown) {
    const env = await resolveEnvironment(services, arg, 'Remove which environment?');
    if (!env) return false;
    const confirmed =
      (options as { confirm?: boolean } | undefined)?.confirm === false ||
      (await vscode.window.showWarningMessage(
        `Remove "${env.name}" (${whereLabel(env)}) from VS Code?`,
        { modal: true, detail: 'Its token is deleted from secret storage. Nothing changes in the account itself.' },
        'Remove',
      )) === 'Remove';
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

/** Enters a new token for an environment (after a 401, or after signing out). Tests may pass the token. */
export const signInCommand: CommandDefinition = {
  id: 'integratorIo.signIn',
  async run(services, arg?: unknown, tokenArg?: unknown) {
    const env = await resolveEnvironment(services, arg, 'Sign in to which environment?');
    if (!env || env.kind === 'sandbox') return false;
    const token =
      typeof tokenArg === 'string'
        ? tokenArg
        : await vscode.window.showInputBox({
            title: `Sign in to ${env.name}`,
            prompt: `A new API token for ${whereLabel(env)}. It is kept in VS Code’s secret storage only.`,
            password: true,
            ignoreFocusOut: true,
          });
    if (!token) return false;
    try {
      await verifyToken(fixedBaseUrl(env) ?? '', token, env.aShareId);
    } catch (err) {
      const message = `Sign-in to "${env.name}" failed: ${describeError(err)}`;
      services.log.error(message);
      void services.notify.error(message);
      return false;
    }
    await services.environments.save(env, token);
    services.log.info(`Signed in to "${env.name}".`);
    return true;
  },
};

export const selectEnvironmentCommand: CommandDefinition = {
  id: 'integratorIo.selectEnvironment',
  async run(services, arg?: unknown) {
    const env = await resolveEnvironment(services, arg, 'Make which environment active?');
    if (env) await services.environments.setActive(env.id);
  },
};
