/**
 * "integrator.io: Add Environment": region (or custom URL), token, name, production flag.
 * The token is checked with /tokenInfo as soon as it is entered, before anything is saved. The command takes no
 * arguments (a command link could pass any); tests call `addEnvironment` through the
 * extension's API instead.
 */
import { randomBytes } from 'crypto';
import vscode = require('vscode');
import { baseUrlOf, IntegratorApiError, normaliseBaseUrl, Region } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { verifyToken } from '../environments/environmentStore';
import { describeError } from '../util/errors';
import { displayText } from '../util/displayText';
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
    if (answers) return addEnvironment(services, answers, { interactive: true, verifiedUserId: answers.userId });
    return undefined;
  },
});

export async function addEnvironment(
  services: Services,
  args: AddEnvironmentArgs,
  { interactive, verifiedUserId }: { interactive: boolean; verifiedUserId?: string },
): Promise<EnvironmentInfo | undefined> {
  const baseUrl = baseUrlOf({ ...args, baseUrl: args.region ? undefined : (args.baseUrl ?? '') })!;
  let userId: string;
  try {
    // The questions checked the token already; the extension's API (tests, scripts) checks it here.
    userId =
      verifiedUserId ??
      (await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Checking the token against ${new URL(baseUrl).host}…` },
        () => verifyToken(baseUrl, args.token, args.aShareId),
      ));
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

/**
 * The questions, as steps that keep their answers: the token is checked as soon as it is
 * entered, before the rest; a refused token is asked for again in place, an address that cannot
 * be reached sends the user back to the address with the token kept. Steps: where (1), the URL
 * for a custom one (2), the token, the name (defaulting to the region or host), the kind.
 */
async function ask(services: Services): Promise<(AddEnvironmentArgs & { userId: string }) | undefined> {
  let region: Region | undefined;
  let baseUrl: string | undefined;
  let custom = false;
  let token = '';
  let problem: string | undefined;
  let previousUrl: string | undefined;
  for (;;) {
    const total = custom ? 5 : 4;
    const step = (n: number, what: string) => `Add integrator.io Environment (${n}/${total}): ${what}`;
    if (!region && !custom) {
      const where = await pickWhere(problem);
      if (!where) return undefined;
      if (where === 'sandbox') {
        await startLocalSandboxCommand.run(services);
        return undefined;
      }
      custom = where === 'custom';
      region = where === 'custom' ? undefined : where;
      problem = undefined;
      continue;
    }
    if (custom && !baseUrl) {
      baseUrl = await askBaseUrl(step(2, 'address'), problem, previousUrl);
      if (!baseUrl) return undefined;
      problem = undefined;
    }
    const url = baseUrlOf({ region, baseUrl: region ? undefined : baseUrl })!;
    // A token kept from before the address was corrected is checked again without asking.
    const checked = (token && (await checkKeptToken(url, token))) || (await askToken(step(custom ? 3 : 2, 'token'), url, token));
    if (!checked) return undefined;
    if ('unreachable' in checked) {
      // The address is what is wrong: ask for it again, keep the token, check it again after.
      token = checked.token;
      problem = checked.unreachable;
      previousUrl = baseUrl;
      if (custom) baseUrl = undefined;
      else region = undefined; // asked again: where
      continue;
    }
    const host = new URL(url).host;
    const name = await vscode.window.showInputBox({
      title: step(custom ? 4 : 3, 'name'),
      prompt: 'A name for this environment, as the explorer and the status bar show it',
      value: defaultName(services, region, host),
      ignoreFocusOut: true,
      validateInput: (value) =>
        !value.trim()
          ? 'Enter a name.'
          : services.environments.list().some((e) => e.name === value.trim())
            ? 'An environment with this name exists.'
            : undefined,
    });
    if (!name) return undefined;
    const kind = await vscode.window.showQuickPick(
      [
        { label: 'Development or sandbox account', production: false },
        { label: '$(warning) Production account', description: 'saves and runs ask for confirmation first', production: true },
      ],
      { title: step(total, 'kind of account'), placeHolder: 'Is this a production account?', ignoreFocusOut: true },
    );
    if (!kind) return undefined;
    return {
      name: name.trim(),
      token: checked.token,
      userId: checked.userId,
      production: kind.production,
      ...(region ? { region } : { baseUrl: url }),
    };
  }
}

async function pickWhere(problem: string | undefined): Promise<Region | 'custom' | 'sandbox' | undefined> {
  const where = await vscode.window.showQuickPick(
    [
      { label: '$(globe) North America', description: 'api.integrator.io', value: 'na' as const },
      { label: '$(globe) Europe', description: 'api.eu.integrator.io', value: 'eu' as const },
      { label: '$(link) Custom base URL…', description: 'a proxy or another integrator.io-compatible API', value: 'custom' as const },
      { label: '$(beaker) Local sandbox', description: 'demo data on this machine, no account needed', value: 'sandbox' as const },
    ],
    {
      // No count yet: how many steps follow depends on this answer (a custom address adds one).
      title: 'Add integrator.io Environment: where',
      placeHolder: problem ? displayText(problem) : 'Where is the account? North America and EU tokens are not interchangeable.',
      ignoreFocusOut: true,
    },
  );
  return where?.value;
}

function askBaseUrl(title: string, problem: string | undefined, previous: string | undefined): Promise<string | undefined> {
  return inputStep({
    title,
    prompt: 'Base URL of the API, including /v1',
    placeholder: 'https://api.integrator.io/v1',
    value: previous,
    problem,
    check: (value) => {
      try {
        normaliseBaseUrl(value);
        return undefined;
      } catch (err) {
        return describeError(err);
      }
    },
  });
}

type TokenAnswer = { token: string; userId: string } | { token: string; unreachable: string };

/** The token, checked with /tokenInfo when entered; a refused one is asked for again in place. */
async function askToken(title: string, baseUrl: string, previous: string): Promise<TokenAnswer | undefined> {
  const host = new URL(baseUrl).host;
  let answer: TokenAnswer | undefined;
  const token = await inputStep({
    title,
    prompt: `API token for ${host} (integrator.io: Resources → API tokens). It is kept in VS Code’s secret storage only.`,
    password: true,
    value: previous,
    // Only an empty token is refused here: the server says whether a token is whole (custom servers and test tokens are short).
    check: (value) => (value.trim().length === 0 ? 'Paste the token.' : undefined),
    accept: async (value) => {
      try {
        answer = { token: value.trim(), userId: await verifyToken(baseUrl, value.trim()) };
        return undefined;
      } catch (err) {
        if (isUnreachable(err)) {
          answer = { token: value.trim(), unreachable: unreachableMessage(baseUrl, err) };
          return undefined;
        }
        return `${describeError(err)} Paste another token, or press Escape.`;
      }
    },
    busyPrompt: `Checking the token against ${host}…`,
  });
  return token === undefined ? undefined : answer;
}

/** The kept token checked against a corrected address; undefined (ask for it) when refused. */
async function checkKeptToken(baseUrl: string, token: string): Promise<TokenAnswer | undefined> {
  try {
    const userId = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the token against ${new URL(baseUrl).host}…` },
      () => verifyToken(baseUrl, token),
    );
    return { token, userId };
  } catch (err) {
    return isUnreachable(err) ? { token, unreachable: unreachableMessage(baseUrl, err) } : undefined;
  }
}

function unreachableMessage(baseUrl: string, err: unknown): string {
  return `Could not reach ${new URL(baseUrl).host}: ${describeError(err)}. Check the address.`;
}

/** A network failure or an address with no integrator.io API behind it (not a refused token). */
function isUnreachable(err: unknown): boolean {
  return err instanceof IntegratorApiError ? err.status === 0 || err.isNotFound : !(err instanceof Error && /\(401\)/.test(err.message));
}

/**
 * One input step that stays open until its answer is accepted: `check` as the user types, and
 * `accept` (the token check) when Enter is pressed, showing its problem in place.
 */
function inputStep(options: {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
  problem?: string;
  check(value: string): string | undefined;
  accept?(value: string): Promise<string | undefined>;
  busyPrompt?: string;
}): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.value = options.value ?? '';
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  // Problems can quote the server's error text: shown as text, never as icons or links.
  const say = (problem: string | undefined) => (problem === undefined ? undefined : displayText(problem));
  box.validationMessage = say(options.problem);
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    box.onDidChangeValue((value) => (box.validationMessage = value ? say(options.check(value)) : undefined));
    box.onDidAccept(async () => {
      const value = box.value;
      const problem = options.check(value);
      if (problem) return void (box.validationMessage = say(problem));
      if (options.accept) {
        box.busy = true;
        box.enabled = false;
        box.prompt = options.busyPrompt ?? options.prompt;
        const refused = await options.accept(value);
        box.busy = false;
        box.enabled = true;
        box.prompt = options.prompt;
        if (refused) return void (box.validationMessage = say(refused));
      }
      done = true;
      resolve(value);
      box.hide();
    });
    box.onDidHide(() => {
      if (!done) resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}

/** "North America", "Europe" or the host, numbered when taken. */
function defaultName(services: Services, region: Region | undefined, host: string): string {
  const base = region === 'eu' ? 'Europe' : region === 'na' ? 'North America' : host;
  const taken = new Set(services.environments.list().map((e) => e.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}
