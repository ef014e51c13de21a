/** Helpers for the integration suite: the extension's API, sandboxes on loopback, tree walking. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { IntegratorClient } from '../../../src/api';
import type { IntegratorIoApi } from '../../../src/extension';
import type { ResourceKind } from '../../../src/model/resourceKinds';
import { ExplorerNode } from '../../../src/explorer/explorerNode';
import { Sandbox, SandboxOptions, startSandbox } from '../../../src/sandbox';
import { defaultFaults, FaultSettings } from '../../../src/sandbox/faults';
import { RequestLogEntry } from '../../../src/sandbox/services';

export const EXTENSION_ID = 'integrator-io-community.integrator-io';

const secrets = new Set<string>();

/** Every token a test hands to the extension, for the harness's leak check. */
export function usedSecrets(): string[] {
  return [...secrets];
}

export function secret(value: string): string {
  secrets.add(value);
  return value;
}

let currentApi: IntegratorIoApi | undefined;

export async function extensionApi(): Promise<IntegratorIoApi> {
  const extension = vscode.extensions.getExtension<IntegratorIoApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the test VS Code`);
  currentApi = await extension.activate();
  return currentApi;
}

/**
 * A command target as the user would choose it (a tree row): built through the extension's API,
 * since commands take no plain `{ envId, kind, id }` objects, which any command link could pass.
 */
export function chosen(target: { envId: string; kind: string; id: string; name?: string }): unknown;
export function chosen(target: { envId: string; flowId: string; stepId: string; name?: string }): unknown;
export function chosen(target: { envId: string; kind?: string; id?: string; flowId?: string; stepId?: string; name?: string }): unknown {
  if (!currentApi) throw new Error('extensionApi() first');
  if (target.flowId && target.stepId) return currentApi.step(target.envId, target.flowId, target.stepId, target.name);
  return currentApi.resource(target.envId, target.kind as ResourceKind, target.id!, target.name);
}

export interface TestSandbox {
  sandbox: Sandbox;
  token: string;
  baseUrl: string;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Sets the fault switches (no faults for what is not given). */
  setFaults(faults?: Partial<FaultSettings>): void;
  close(): Promise<void>;
}

let counter = 0;

/** A sandbox in this extension host, on its own port, with its own token. */
export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const token = secret(options.token ?? `it-token-${Date.now().toString(36)}-${++counter}-a8f3c2`);
  const sandbox = await startSandbox({
    seed: 'demo',
    ...options,
    token,
    settings: { timing: { queuedMs: 30, stepMs: 40, cancelMs: 30 }, ...options.settings },
  });
  return {
    sandbox,
    token,
    baseUrl: sandbox.baseUrl,
    requests: () => sandbox.services.requestLog.slice(),
    clearRequests: () => {
      sandbox.services.requestLog.length = 0;
    },
    setFaults: (faults = {}) => {
      sandbox.services.faults.current = { ...defaultFaults(), ...faults };
    },
    close: () => sandbox.close(),
  };
}

/** Adds an environment through the extension's API (the command itself only asks questions). */
export async function addEnvironment(name: string, sandbox: TestSandbox, extra: object = {}): Promise<{ id: string }> {
  const env = await (await extensionApi()).addEnvironment({ name, baseUrl: sandbox.baseUrl, token: sandbox.token, ...extra });
  if (!env) throw new Error('addEnvironment returned nothing');
  return env;
}

export async function removeAllEnvironments(api: IntegratorIoApi): Promise<void> {
  for (const env of api.environments.list()) await api.environments.remove(env.id);
}

/** The label of a node as the tree shows it. */
export function labelOf(node: ExplorerNode): string {
  const label = node.treeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export function descriptionOf(node: ExplorerNode): string {
  const description = node.treeItem().description;
  return typeof description === 'string' ? description : '';
}

export async function childrenOf(api: IntegratorIoApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await api.explorer.getChildren(node)) ?? [];
}

/** Walks down the tree by labels: `find(api, 'Env', 'Integrations', 'Shop…')`. */
export async function nodeAt(api: IntegratorIoApi, ...labels: string[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of labels) {
    const children = await childrenOf(api, node);
    const next = children.find((c) => labelOf(c) === label);
    if (!next) throw new Error(`No "${label}" under ${node ? labelOf(node) : 'the root'}; found: ${children.map(labelOf).join(', ')}`);
    node = next;
  }
  if (!node) throw new Error('nodeAt needs a label');
  return node;
}

/** Opens a resource through the real command and returns its document in the editor. */
export async function openResourceDocument(envId: string, kind: string, id: string, name?: string): Promise<vscode.TextDocument> {
  const uri = await vscode.commands.executeCommand<string | undefined>('integratorIo.openResource', chosen({ envId, kind, id, name }));
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document) throw new Error(`${kind} ${id} did not open as a document (${String(uri)})`);
  return document;
}

/** The schemes of the documents tests edit or open (logs open untitled); VS Code's own files (settings.json while it writes a setting) are left alone. */
const OUR_SCHEMES = new Set(['integrator-io', 'integrator-io-retry', 'untitled']);

/** Closes every editor, reverting unsaved ones of ours first (closing a dirty editor would ask, and block). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && OUR_SCHEMES.has(d.uri.scheme))) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces a document's whole text, as typing over it would (the document becomes dirty). */
export async function replaceDocumentText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${document.uri.toString()}`);
}

export interface DemoEnvironment {
  api: IntegratorIoApi;
  sandbox: TestSandbox;
  /** A client of the same sandbox, for arranging and checking what the server holds. */
  client: IntegratorClient;
  envId: string;
}

/**
 * Registers before/after hooks that give a describe block its own sandbox (demo data), added
 * to the extension as an environment named `name`, and take it all down afterwards.
 */
export function useDemoEnvironment(name: string, options: Partial<SandboxOptions> = {}): DemoEnvironment {
  const context = {} as DemoEnvironment;
  before(async () => {
    context.api = await extensionApi();
    await removeAllEnvironments(context.api);
    context.sandbox = await startTestSandbox(options);
    context.client = new IntegratorClient({ baseUrl: context.sandbox.baseUrl, token: context.sandbox.token });
    context.envId = (await addEnvironment(name, context.sandbox)).id;
  });
  after(async () => {
    await closeAllEditors();
    context.client.dispose();
    await removeAllEnvironments(context.api);
    await context.sandbox.close();
  });
  return context;
}

/**
 * A tool's confirmation (its title or its message) as the chat shows it. The chat renders both as
 * Markdown, so ours are Markdown that is text throughout: every Markdown character escaped, and a
 * message neither trusted (no command links) nor HTML. This undoes only the escaping, so a test
 * reads what a person reads.
 */
export function confirmationText(shown: string | vscode.MarkdownString | undefined): string {
  assert.ok(shown !== undefined, 'a question is put');
  if (typeof shown !== 'string') assert.ok(!shown.isTrusted && !shown.supportHtml, 'no command links, no HTML');
  const markdown = typeof shown === 'string' ? shown : shown.value;
  assert.ok(!/(^|[^\\])[*_[\]`<&$]/.test(markdown.replace(/\\\\/g, '')), `every Markdown character is escaped: ${markdown}`);
  return markdown.replace(/\n\n/g, '\n').replace(/\\(.)/g, '$1');
}
