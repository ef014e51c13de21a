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
import { AGENT_TOOLS, RunnableTool, ToolContext, ToolDocuments, ToolEnvironment } from './index';
import { isResourceDocument, parseResourceUri, resourceUri } from '../identity';
import { agentEdits } from '../documents/agentEdits';
import { confirmProductionChange } from '../environments/productionGuard';

export function languageModelTools(environments: EnvironmentStore, log: Logger): Map<string, vscode.LanguageModelTool<object>> {
  return new Map(AGENT_TOOLS.map((tool) => [tool.name, vscodeTool(tool, environments, log)]));
}

function vscodeTool(tool: RunnableTool, environments: EnvironmentStore, log: Logger): vscode.LanguageModelTool<object> {
  return {
    async prepareInvocation(options) {
      const invocationMessage = `${tool.title} (integrator.io)`;
      if (!tool.confirm) return { invocationMessage };
      const redact = await environments.tokenRedactor();
      // A tool that asks is never run without asking: when the question cannot be put (input it
      // refuses, a resource that cannot be read), the invocation fails with the reason instead.
      const asked = await tool
        .confirm(options.input, await contextOf(environments, redact, new AbortController().signal))
        .catch((err: unknown) => {
          throw redactedError(err, redact);
        });
      // The question holds account text (a name): no token, and no markup. The chat shows a
      // title as Markdown in one place, as plain text with Markdown stripped in another (the
      // collapsed question), and raw in a third (the sessions list), so the title holds no account
      // text: what and where, PRODUCTION first; the question in full opens the message, which is
      // Markdown with every Markdown character escaped, so a name's links and emphasis read as typed.
      const env = asked.environment;
      const where = `${env.production ? 'the PRODUCTION environment' : 'the environment'} "${env.name}"`;
      const title = `${env.production ? 'PRODUCTION: ' : ''}${tool.title} in ${where}?`;
      const message = new vscode.MarkdownString(markdownText(redact(`${asked.title}\n${asked.message}`)));
      return { invocationMessage, confirmationMessages: { title: markdownText(redact(title)), message } };
    },
    async invoke(options, token) {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      // Account text may hold a signed-in environment's token (a script that holds its key): the
      // model is never given one, in an answer or in an error (the MCP server does the same).
      const redact = await environments.tokenRedactor();
      try {
        const result = await tool.run(options.input, await contextOf(environments, redact, abort.signal));
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(redact(JSON.stringify(result)))]);
      } catch (err) {
        const safe = redactedError(err, redact);
        // The model reads the message and can correct its input; the log keeps it for the user.
        log.info(`${tool.name} refused or failed: ${safe.message}`);
        throw safe;
      } finally {
        cancelled.dispose();
      }
    },
  };
}

/** An error as the model may read it: its message without tokens, its name kept (ToolInputError says the input was refused). */
function redactedError(err: unknown, redact: (text: string) => string): Error {
  const message = err instanceof Error ? err.message : String(err);
  const safe = new Error(redact(message));
  if (err instanceof Error) safe.name = err.name;
  return safe;
}

/** The environments a tool may read: those signed in (the local sandbox always is), never their tokens. */
async function contextOf(environments: EnvironmentStore, redact: (text: string) => string, signal: AbortSignal): Promise<ToolContext> {
  const signedIn: ToolEnvironment[] = [];
  for (const env of environments.list()) {
    if (await environments.hasToken(env)) signedIn.push({ id: env.id, name: env.name, production: env.production, kind: env.kind });
  }
  return {
    environments: () => signedIn,
    documents: { edit: (target, change) => editDocument(environments, target, change) },
    // The question a click asks before it writes to production: a tool approved for the whole
    // session in the chat still meets it, and its default answer writes nothing.
    confirmWrite: async (env, change) => {
      const info = environments.get(env.id);
      return info !== undefined && (await confirmProductionChange(info, change));
    },
    // Only a trusted workspace's folders: Restricted Mode reads no folder for an agent either.
    folders: () => (vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath) : []),
    client: (envId) => {
      const env = signedIn.find((e) => e.id === envId) && environments.get(envId);
      if (!env) return Promise.reject(new Error(`No signed-in integrator.io environment ${envId}.`));
      return environments.client(env);
    },
    redact,
    signal,
  };
}

/**
 * A resource's document with its text changed and left unsaved: the one already open if there is
 * one (its unsaved edits kept under the change), else opened as the explorer opens it, and shown.
 */
async function editDocument(
  environments: EnvironmentStore,
  target: Parameters<ToolDocuments['edit']>[0],
  change: (text: string) => string,
): Promise<string> {
  const env = environments.get(target.envId);
  if (!env) throw new Error(`No integrator.io environment ${target.envId}.`);
  const open = vscode.workspace.textDocuments.find((d) => {
    const ref = isResourceDocument(d.uri) ? parseResourceUri(d.uri) : undefined;
    return ref?.envId === target.envId && ref.kind === target.kind && ref.id === target.id;
  });
  const document = open ?? (await vscode.workspace.openTextDocument(resourceUri(env, target.kind, target.id, target.name)));
  const text = document.getText();
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), change(text));
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code did not apply the edit to ${document.uri.toString()}.`);
  // Its save then asks a person, whatever started it (a task's save-before-run, another extension's saveAll).
  agentEdits.mark(document.uri.toString());
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
  return document.uri.toString();
}

/**
 * Text as Markdown that shows it as typed: each character Markdown, HTML entities or icons would
 * read (`*`, `[`, `(`, `&`, `$`, …) escaped with a backslash, lines kept as lines. Not
 * MarkdownString.appendText, which turns every space into &nbsp;, so a long name never wraps.
 */
export function markdownText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\\`*_{}[\]()#+\-.!|~<>&$]/g, '\\$&'))
    .join('\n\n');
}
