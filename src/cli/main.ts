/**
 * `integrator-io`: integration as code from a terminal or a CI job, on the same engine as the
 * extension (src/iac). The token comes only from INTEGRATOR_IO_TOKEN, never from an argument
 * (arguments show in process lists and CI logs).
 *
 *   integrator-io pull  --url <base URL> --integration <id or exact name> --dir <folder> [--env <name>] [--force]
 *   integrator-io plan  --url <base URL> --dir <folder> [--integration <id or exact name>] [--env <name>] [--bind <key>=<connection>]… [--json]
 *   integrator-io apply --url <base URL> --dir <folder> [--integration <id or exact name>] [--env <name>] [--yes] [--delete] [--enable-new-flows] [--json]
 *
 * Exit codes: plan 0 nothing to do, 2 changes to apply, 3 conflicts, unbound connections or
 * problems; apply 0 only when everything was applied, 3 where plan would and when the folder or
 * the account changed while its question waited; 3 from every command for a folder it will not
 * read or write (a link in it, a binding key that is not a logical key); 1 for any error.
 *
 * Without --env, the binding file is the one recording --url's base URL (bindingChoice.ts), so a
 * folder pulled in VS Code plans the same here.
 */
import * as path from 'path';
import { IntegratorClient, normaliseBaseUrl } from '../api';
import { apply, appliedEverything } from '../iac/apply';
import { bindingNameForUrl } from '../iac/bindingChoice';
import { UnsafeFolderError } from '../iac/confinedFs';
import { makePlan, planExitCode, PlanOptions } from '../iac/plan';
import { pull } from '../iac/pull';
import { printable, printableJson } from '../iac/printable';
import { pullRemoteChanges } from '../iac/pullRemoteChanges';
import { applyLines, planLines, pullLines, pullRemoteLines } from '../iac/report';
import { commandLine, sayMistake, unexpectedArguments, UsageError, withArguments } from './args';
import { confirmApply } from './confirm';
import { CliIo, processIo } from './io';
import { diagramCommand, DIAGRAM_LINE, DIAGRAM_USAGE } from './diagram';
import { hookCommand, HOOK_LINE, HOOK_USAGE } from './hookRun';
import { handlebarsCommand, HANDLEBARS_LINE, HANDLEBARS_USAGE } from './handlebars';
import { mcpCommand, MCP_LINE, MCP_USAGE } from './mcp';

const USAGE = `Usage:
  integrator-io pull  --url <base URL> --integration <id or exact name> --dir <folder> [--env <name>] [--force]
  integrator-io plan  --url <base URL> --dir <folder> [--integration <id or exact name>] [--env <name>] [--bind <key>=<connection>]... [--json]
  integrator-io apply --url <base URL> --dir <folder> [--integration <id or exact name>] [--env <name>] [--bind <key>=<connection>]... [--yes] [--delete] [--enable-new-flows] [--json]
  integrator-io pull-remote --url <base URL> --dir <folder> [--env <name>]
${HOOK_USAGE}
${DIAGRAM_USAGE}
${HANDLEBARS_USAGE}
${MCP_USAGE}

The API token is read from the INTEGRATOR_IO_TOKEN environment variable.
--env names the binding file (.integrator-io/<env>.json); by default the one that records the
  same base URL (as a folder pulled in VS Code does), or for a new one the URL's host and port.
--bind binds a folder connection to an environment's connection by id or exact name.
--integration names the integration plan and apply may change (id or exact name); a binding file
  that binds the folder to another is refused. apply --yes needs it.
--yes applies without asking (needed when no one can answer, as in CI).`;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  switch (first) {
    case 'hook':
      return withArguments(rest, io, HOOK_LINE, (args) => hookCommand(args, io));
    case 'diagram':
      return withArguments(rest, io, DIAGRAM_LINE, (args) => diagramCommand(args, io));
    case 'handlebars':
      if (rest[0] !== 'render') return sayMistake(io, 'integrator-io handlebars takes "render".', HANDLEBARS_LINE.usage);
      return withArguments(rest.slice(1), io, HANDLEBARS_LINE, (args) => handlebarsCommand(args, io));
    case 'mcp':
      return withArguments(rest, io, MCP_LINE, (args) => mcpCommand(args, io));
    default:
      return withArguments(argv, io, IAC_LINE, (args) => integrationAsCode(args, io));
  }
}

/** pull, plan, apply and pull-remote: their command is a word anywhere among the options. */
const IAC_LINE = commandLine({
  usage: USAGE,
  positionals: true,
  refusesToken: true,
  options: {
    url: { type: 'string' },
    dir: { type: 'string' },
    env: { type: 'string' },
    integration: { type: 'string' },
    bind: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    yes: { type: 'boolean' },
    delete: { type: 'boolean' },
    force: { type: 'boolean' },
    'enable-new-flows': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    token: { type: 'string' },
  },
  check({ values, positionals }) {
    if (positionals.length > 1) throw new UsageError(unexpectedArguments(positionals.length - 1));
    return { command: positionals[0], values };
  },
});

type IacArgs = ReturnType<typeof IAC_LINE.check>;
type IacValues = IacArgs['values'];

async function integrationAsCode({ command, values }: IacArgs, io: CliIo): Promise<number> {
  if (values.help || !command) {
    io.out(USAGE);
    return command || values.help ? 0 : 1;
  }
  const token = io.env.INTEGRATOR_IO_TOKEN;
  if (!token) {
    io.err('Set the INTEGRATOR_IO_TOKEN environment variable to an API token of the account (it is never taken as an argument).');
    return 1;
  }
  if (!values.url || !values.dir) return sayMistake(io, '--url and --dir are required.', USAGE);
  let client: IntegratorClient | undefined;
  try {
    const baseUrl = normaliseBaseUrl(values.url);
    client = new IntegratorClient({ baseUrl, token });
    const dir = path.resolve(values.dir);
    const common: PlanOptions = {
      client,
      baseUrl,
      environment: values.env ?? bindingNameForUrl(dir, baseUrl),
      dir,
      bindChoices: bindChoices(values.bind ?? []),
    };
    return await runIac(command, values, common, io);
  } catch (err) {
    if (err instanceof UnsafeFolderError) {
      io.err(['Nothing done: the folder is refused.', ...err.problems.map((p) => `  problem: ${printable(p)}`)].join('\n'));
      return 3;
    }
    if (err instanceof UsageError) return sayMistake(io, err.message, USAGE);
    io.err(`Error: ${printable(err instanceof Error ? err.message : String(err))}`);
    return 1;
  } finally {
    client?.dispose();
  }
}

async function runIac(command: string, values: IacValues, common: PlanOptions, io: CliIo): Promise<number> {
  const out = (json: unknown, lines: () => string[]) => io.out(values.json ? printableJson(json) : lines().join('\n'));
  switch (command) {
    case 'pull': {
      if (!values.integration) throw new UsageError('--integration is required for pull.');
      const report = await pull({ ...common, integration: values.integration, force: values.force });
      out(report, () => pullLines(report, values.dir ?? common.dir));
      return 0;
    }
    case 'plan': {
      const { plan } = await makePlan({ ...common, integration: values.integration });
      out({ ...plan, exitCode: planExitCode(plan) }, () => planLines(plan));
      return planExitCode(plan);
    }
    case 'apply':
      return applyCommand(values, common, io);
    case 'pull-remote': {
      const report = await pullRemoteChanges({ ...common, integration: values.integration });
      out(report, () => pullRemoteLines(report));
      return report.refused.length ? 3 : 0;
    }
    default:
      // Not repeated: the word may be a token pasted in the wrong place.
      throw new UsageError('Unknown command (not shown, in case it is a secret): the commands are pull, plan, apply and pull-remote.');
  }
}

async function applyCommand(values: IacValues, common: PlanOptions, io: CliIo): Promise<number> {
  // Unattended, nobody reads the plan's header: the integration it may change is named by the
  // caller, so a binding file that a pull request pointed at another integration is refused.
  if (values.yes && !values.integration)
    throw new UsageError('apply --yes needs --integration <id or exact name>: the integration it may change, named outside the folder.');
  const target = { ...common, integration: values.integration };
  const agreed = values.yes ? undefined : await confirmApply(target, io);
  if (!values.yes && !agreed) {
    io.err('Nothing applied: not confirmed (pass --yes to apply without asking).');
    return 1;
  }
  const report = await apply({ ...target, expected: agreed, allowDelete: values.delete, enableNewFlows: values['enable-new-flows'] });
  io.out(values.json ? printableJson(report) : applyLines(report).join('\n'));
  if (report.refused) return 3;
  return appliedEverything(report) ? 0 : 1;
}

function bindChoices(pairs: readonly string[]): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--bind takes <key>=<connection id or name>, not "${pair}".`);
    choices[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return choices;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
