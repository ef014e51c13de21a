/**
 * "integrator.io: Add Environment": region (or custom URL), name, token, production flag.
 * The token is checked with /tokenInfo before anything is saved. The command takes no
 * arguments (a command link could pass any); tests call `addEnvironment` through the
 * extension's API instead.
 */
import { randomBytes } from 'crypto';
import vscode = require('vscode');
import { baseUrlOf, normaliseBaseUrl, Region } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { verifyToken } from '../environments/environmentStore';
import { describeError } from '../util/errors';
import { defineCommand } from './command';
import { Services } from './services';
import { startLocalSandboxCommand } from './startLocalSandbox';

export interface AddEnvironmentArgs {
  name: string;
  region?: Region;
  baseUrl?: string;
  token: string;
  production?: boolean;
  aShareId?: string;
}

export const addEnvironmentCommand = defineCommand({
  id: 'integratorIo.addEnvironment',
  target: () => ({}),
  failure: () => 'Could not add the environment',
  async run(services) {
    const answers = await ask(services);
    if (answers) return addEnvironment(services, answers, { interactive: true });
    return undefined;
  },
});

export async function addEnvironment(
  services: Services,
  args: AddEnvironmentArgs,
  { interactive }: { interactive: boolean },
): Promise<EnvironmentInfo | undefined> {
  const baseUrl = baseUrlOf({ ...args, baseUrl: args.region ? undefined : (args.baseUrl ?? '') })!;
  let userId: string;
  try {
    userId = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the token against ${new URL(baseUrl).host}…` },
      () => verifyToken(baseUrl, args.token, args.aShareId),
    );
  } catch (err) {
    const message = `Could not add "${args.name}": ${describeError(err)}`;
    services.log.error(message);
    if (!interactive) throw new Error(message);
    const retry = await services.notify.error(message, 'Try Again');
    if (retry) await vscode.commands.executeCommand(addEnvironmentCommand.id);
    return undefined;
  }
  const env: EnvironmentInfo = {
    id: `env-${randomBytes(6).toString('hex')}`,
    name: args.name,
    production: args.production ?? false,
    kind: 'account',
    userId,
    ...(args.region ? { region: args.region } : { baseUrl }),
    ...(args.aShareId ? { aShareId: args.aShareId } : {}),
  };
  await services.environments.save(env, args.token);
  await services.environments.setActive(env.id);
  services.log.info(`Added environment "${env.name}" (${baseUrl}).`);
  void services.notify.info(`integrator.io: added "${env.name}".`);
  return env;
}

async function ask(services: Services): Promise<AddEnvironmentArgs | undefined> {
  const where = await vscode.window.showQuickPick(
    [
      { label: '$(globe) North America', description: 'api.integrator.io', region: 'na' as Region },
      { label: '$(globe) Europe', description: 'api.eu.integrator.io', region: 'eu' as Region },
      { label: '$(link) Custom base URL…', description: 'a proxy or another integrator.io-compatible API', custom: true },
      { label: '$(beaker) Local sandbox', description: 'demo data on this machine, no account needed', sandbox: true },
    ],
    {
      title: 'Add integrator.io Environment (1/4)',
      placeHolder: 'Where is the account? North America and EU tokens are not interchangeable.',
    },
  );
  if (!where) return undefined;
  if ('sandbox' in where) {
    await startLocalSandboxCommand.run(services);
    return undefined;
  }
  let baseUrl: string | undefined;
  if ('custom' in where) {
    baseUrl = await vscode.window.showInputBox({
      title: 'Add integrator.io Environment (1/4)',
      prompt: 'Base URL of the API, including /v1',
      placeHolder: 'https://api.integrator.io/v1',
      ignoreFocusOut: true,
      validateInput: (value) => {
        try {
          normaliseBaseUrl(value);
          return undefined;
        } catch (err) {
          return describeError(err);
        }
      },
    });
    if (!baseUrl) return undefined;
  }
  const region = 'region' in where ? where.region : undefined;
  const name = await vscode.window.showInputBox({
    title: 'Add integrator.io Environment (2/4)',
    prompt: 'A name for this environment',
    value: region === 'eu' ? 'EU account' : region === 'na' ? 'My account' : 'Custom',
    ignoreFocusOut: true,
    validateInput: (value) =>
      !value.trim()
        ? 'Enter a name.'
        : services.environments.list().some((e) => e.name === value.trim())
          ? 'An environment with this name exists.'
          : undefined,
  });
  if (!name) return undefined;
  const token = await vscode.window.showInputBox({
    title: 'Add integrator.io Environment (3/4)',
    prompt: 'API token (integrator.io: Resources → API tokens). It is kept in VS Code’s secret storage only.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim().length < 8 ? 'Paste the whole token.' : undefined),
  });
  if (!token) return undefined;
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Development or sandbox account', production: false },
      { label: '$(warning) Production account', description: 'saves and runs ask for confirmation first', production: true },
    ],
    { title: 'Add integrator.io Environment (4/4)', placeHolder: 'Is this a production account?' },
  );
  if (!kind) return undefined;
  return { name: name.trim(), token: token.trim(), production: kind.production, ...(region ? { region } : { baseUrl: baseUrl! }) };
}
