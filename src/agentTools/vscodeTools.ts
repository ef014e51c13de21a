/**
 * The agent tools as VS Code language model tools: each engine tool (AGENT_TOOLS) behind
 * `vscode.LanguageModelTool`, reading accounts through the environments' own clients. Activation
 * registers the names package.json contributes and forwards here (extension.ts), since a tool
 * must be registered before the rest of the extension is loaded; main.ts builds these.
 * The only file of agentTools/ that knows VS Code (check:layers).
 */
import vscode = require('vscode');
import type { EnvironmentStore } from '../environments/environmentStore';
import type { Logger } from '../util/logger';
import { AGENT_TOOLS, RunnableTool, ToolContext, ToolEnvironment } from './index';

export function languageModelTools(environments: EnvironmentStore, log: Logger): Map<string, vscode.LanguageModelTool<object>> {
  return new Map(AGENT_TOOLS.map((tool) => [tool.name, vscodeTool(tool, environments, log)]));
}

function vscodeTool(tool: RunnableTool, environments: EnvironmentStore, log: Logger): vscode.LanguageModelTool<object> {
  return {
    prepareInvocation: () => ({ invocationMessage: `${tool.title} (integrator.io)` }),
    async invoke(options, token) {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      try {
        const result = await tool.run(options.input, await contextOf(environments, abort.signal));
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(result))]);
      } catch (err) {
        // The model reads the message and can correct its input; the log keeps it for the user.
        log.info(`${tool.name} refused or failed: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      } finally {
        cancelled.dispose();
      }
    },
  };
}

/** The environments a tool may read: those signed in (the local sandbox always is), never their tokens. */
async function contextOf(environments: EnvironmentStore, signal: AbortSignal): Promise<ToolContext> {
  const signedIn: ToolEnvironment[] = [];
  for (const env of environments.list()) {
    if (await environments.hasToken(env)) signedIn.push({ id: env.id, name: env.name, production: env.production, kind: env.kind });
  }
  return {
    environments: () => signedIn,
    client: (envId) => {
      const env = signedIn.find((e) => e.id === envId) && environments.get(envId);
      if (!env) return Promise.reject(new Error(`No signed-in integrator.io environment ${envId}.`));
      return environments.client(env);
    },
    signal,
  };
}
