/**
 * `integrator-io mcp`: the agent tools (src/agentTools) served to coding agents outside VS Code
 * over the Model Context Protocol on stdin/stdout, reading one account with the token of
 * INTEGRATOR_IO_TOKEN. Same engine, names, descriptions and input schemas as in VS Code; each
 * result is one text part of the engine's JSON.
 *
 *   integrator-io mcp [--url <API base URL>] [--name <environment name>] [--production] [--allow-writes] [--allow-production-writes]
 *
 * A tool marked as acting (it changes the account: integratorRunFlow, integratorResolveErrors,
 * integratorRetryErrors) is listed and run only with --allow-writes, and in an environment marked
 * --production only with --allow-production-writes as well; without them a call is answered with
 * an error result naming the flag, and nothing is sent.
 * stdout carries only MCP messages: diagnostics go to stderr, and no text the server writes
 * holds the token.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS, RunnableTool, ToolContext, ToolEnvironment } from '../agentTools';
import { tokenMask } from '../agentTools/redact';
import { IntegratorClient, normaliseBaseUrl, REGION_BASE_URLS } from '../api';
import { errorMessage } from '../api/errors';
import { stopTemplateWorker } from '../handlebars/workerClient';
import { environmentNameOf } from '../iac/bindings';
import { commandLine, UsageError } from './args';
import { CliIo } from './io';

export const MCP_USAGE = `  integrator-io mcp [--url <API base URL>] [--name <environment name>] [--production] [--allow-writes] [--allow-production-writes]
      serves the agent tools (find and read resources, flows, errors, jobs, audit history and dependencies; render a
      template, preview a mapping or an export, run a hook locally, plan a pulled folder)
      to a coding agent over MCP on stdin/stdout, for the account of INTEGRATOR_IO_TOKEN (--url defaults to
      https://api.integrator.io/v1); the tools that change the account (run a flow, resolve errors, retry errors)
      only with --allow-writes, and with --production only with --allow-production-writes as well; diagnostics go
      to stderr`;

/** The API's own base URL (North America), paths and all: the client adds no /v1. */
const DEFAULT_URL = REGION_BASE_URLS.na;
const VERSION = '0.1.0';

export const MCP_LINE = commandLine({
  usage: `Usage:\n${MCP_USAGE}`,
  refusesToken: true,
  options: {
    url: { type: 'string' },
    name: { type: 'string' },
    production: { type: 'boolean' },
    'allow-writes': { type: 'boolean' },
    'allow-production-writes': { type: 'boolean' },
    token: { type: 'string' },
  },
  check({ values }) {
    if (values['allow-production-writes'] && !values['allow-writes'])
      throw new UsageError('--allow-production-writes goes with --allow-writes (it adds production to the writes allowed).');
    if (values.name !== undefined && !values.name.trim()) throw new UsageError('--name takes a non-empty name.');
    let baseUrl: string;
    try {
      baseUrl = normaliseBaseUrl(values.url ?? DEFAULT_URL);
    } catch (err) {
      throw new UsageError(`--url: ${errorMessage(err)}`);
    }
    return {
      baseUrl,
      name: values.name?.trim(),
      writes: {
        production: values.production === true,
        allowWrites: values['allow-writes'] === true,
        allowProductionWrites: values['allow-production-writes'] === true,
      },
    };
  },
});

/** What the user allowed when starting the server: whether acting tools may change the account. */
export interface WritePolicy {
  /** The environment is one the user marked as production. */
  production: boolean;
  allowWrites: boolean;
  allowProductionWrites: boolean;
}

/** Why a tool may not run under a policy (the flag it needs), or undefined when it may. */
export function writeRefusal(tool: RunnableTool, policy: WritePolicy): string | undefined {
  if (!tool.acting) return undefined;
  if (!policy.allowWrites)
    return `${tool.name} changes the account, and this server was started without --allow-writes: nothing was sent. Restart it with --allow-writes to allow it.`;
  if (policy.production && !policy.allowProductionWrites)
    return `${tool.name} changes the account, and this server serves an environment marked --production: nothing was sent. Restart it with --allow-production-writes as well to allow it.`;
  return undefined;
}

export interface McpServerOptions {
  tools: readonly RunnableTool[];
  context: ToolContext;
  writes: WritePolicy;
  /** Text no answer may hold (the token): replaced wherever it would appear. */
  secret?: string;
  /** A diagnostic, for stderr. */
  log: (text: string) => void;
}

/** The MCP server over the given tools: the one place tools are listed, guarded and run for MCP. */
export function mcpServer(options: McpServerOptions): Server {
  const { tools, context, writes, log } = options;
  const server = new Server({ name: 'integrator-io', version: VERSION }, { capabilities: { tools: {} } });
  // The token whole, and any piece of it a cut left (agentTools/redact.ts).
  const clean = tokenMask(options.secret ? [options.secret] : []);
  const failure = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text: clean(text) }] });

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools
      .filter((tool) => writeRefusal(tool, writes) === undefined)
      .map((tool) => ({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema as { type: 'object'; [key: string]: unknown },
        ...(tool.acting ? {} : { annotations: { readOnlyHint: true } }),
      })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = tools.find((t) => t.name === request.params.name);
    // The name is a model's text: said back only when it is one of ours.
    if (!tool) return failure(`No such tool. The tools are: ${tools.map((t) => t.name).join(', ')}.`);
    const refused = writeRefusal(tool, writes);
    if (refused) {
      log(`${tool.name} refused: not allowed by the server's flags.`);
      return failure(refused);
    }
    try {
      const result = await tool.run(request.params.arguments ?? {}, { ...context, redact: clean, signal: extra.signal });
      return { content: [{ type: 'text', text: clean(JSON.stringify(result)) }] };
    } catch (err) {
      // The model reads the message and can correct its input; stderr keeps it for the user.
      log(clean(`${tool.name} refused or failed: ${errorMessage(err)}`));
      return failure(errorMessage(err));
    }
  });
  return server;
}

export async function mcpCommand(args: ReturnType<typeof MCP_LINE.check>, io: CliIo): Promise<number> {
  const token = io.env.INTEGRATOR_IO_TOKEN;
  if (!token) {
    io.err('Set the INTEGRATOR_IO_TOKEN environment variable to an API token of the account (it is never taken as an argument).');
    return 1;
  }
  // stdout is the protocol's: anything a library would print there goes to stderr instead.
  console.log = console.info = console.debug = console.error;
  const name = args.name ?? environmentNameOf(args.baseUrl);
  const environment: ToolEnvironment = { id: name, name, production: args.writes.production, kind: 'account' };
  const client = new IntegratorClient({ baseUrl: args.baseUrl, token });
  const context: ToolContext = {
    environments: () => [environment],
    client: (envId) => (envId === environment.id ? Promise.resolve(client) : Promise.reject(new Error(`No environment ${envId}.`))),
    // The flags were the user's answer, given when the server started (writeRefusal holds the rest).
    confirmWrite: (env) => Promise.resolve(args.writes.allowWrites && (!env.production || args.writes.allowProductionWrites)),
    folders: () => [process.cwd()],
  };
  // A tool that needs an editor (an unsaved edit in VS Code) has nothing to act on here.
  const tools = AGENT_TOOLS.filter((tool) => !tool.editorOnly);
  const server = mcpServer({ tools, context, writes: args.writes, secret: token, log: (text) => io.err(text) });
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  const transport = new StdioServerTransport();
  // The transport does not notice the client going away: stdin's end is the session's end.
  process.stdin.once('end', () => void server.close());
  await server.connect(transport);
  const allowed = tools.filter((tool) => writeRefusal(tool, args.writes) === undefined).length;
  io.err(
    `integrator-io MCP server on stdio: ${allowed} tools for "${name}" (${args.baseUrl})${args.writes.production ? ', production' : ''}${
      args.writes.allowWrites ? ', writes allowed' : ', read-only'
    }.`,
  );
  await closed;
  client.dispose();
  await stopTemplateWorker();
  return 0;
}
