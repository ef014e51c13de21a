/** Opening resources as documents, new drafts, and the conflict actions (compare, overwrite). */
import { randomBytes } from 'crypto';
import vscode = require('vscode');
import { DRAFT_PREFIX, fileNameOf, parseResourceUri, resourceUri } from '../identity';
import { CategoryNode } from '../explorer/nodes/environmentNode';
import { IntegrationNode } from '../explorer/nodes/resourceNodes';
import { skeletonFor } from '../model/skeletons';
import { RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { resolveEnvironment } from './pickEnvironment';
import { defineCommand, quoted, resourceOf, stringOption } from './command';
import { isInFrontOfUser } from './resourceTarget';
import { Services } from './services';
import { displayText } from '../util/displayText';
import { askModal } from '../util/dialogs';
import { isResourceKind } from '../model/resourceKinds';
import { describeSchemaProblems, isSchemaProblem } from '../model/schemaProblems';
import { HOOK_TYPES, HookType, isHookType } from '../hooks/contracts';
import { hookPurpose, hookStub } from '../hooks/stubs';

/** Opens a resource as a JSON document (a script as JavaScript); returns the document's URI. */
export const openResourceCommand = defineCommand({
  id: 'integratorIo.openResource',
  target: resourceOf(),
  failure: (target) => `Could not open ${quoted(target)}`,
  async run(_services, target) {
    const uri = resourceUri(target.env, target.kind, target.id, target.name);
    await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: false });
    return uri.toString();
  },
});

export interface NewResourceArgs {
  kind: ResourceKind;
  envId?: string;
  name?: string;
  connectionId?: string;
  integrationId?: string;
  /** For a script: the hook whose stub it starts from. */
  hookType?: HookType;
}

/**
 * "New Export/Import/Flow/Connection/Integration/Script…": a draft document prefilled with a
 * valid skeleton. Its first save creates the resource (POST), and the draft is replaced by the
 * saved resource's document.
 */
/** The answers to New Resource's questions, given through the extension's API (tests): a class instance, which a link cannot pass. */
export class ChosenDraft {
  constructor(readonly answers: Partial<NewResourceArgs>) {}
}

export const newResourceCommand = defineCommand({
  id: 'integratorIo.newResource',
  target: (_services, arg) => ({
    fromNode: arg instanceof CategoryNode || arg instanceof IntegrationNode ? arg : undefined,
    given: arg instanceof ChosenDraft ? newResourceArgs(arg.answers) : {},
    fromApi: arg instanceof ChosenDraft,
  }),
  failure: () => 'Could not make a new resource',
  async run(services, { fromNode, given, fromApi }) {
    const kind = given.kind ?? (fromNode instanceof CategoryNode ? fromNode.kind : fromNode ? 'flows' : await pickKind());
    if (!kind) return undefined;
    // With a single environment there is nothing to ask.
    const environments = services.environments.list();
    const only = environments.length === 1 ? environments[0] : undefined;
    const env =
      fromNode?.env ??
      (given.envId ? services.environments.get(given.envId) : undefined) ??
      only ??
      (await resolveEnvironment(services, undefined, `New ${RESOURCE_KINDS[kind].singular} in which environment?`));
    if (!env) return undefined;
    const info = RESOURCE_KINDS[kind];
    const name =
      given.name ??
      (await vscode.window.showInputBox({
        title: `New ${titleOf(kind)} in ${env.name}`,
        prompt: 'Name',
        value: `New ${info.singular}`,
        ignoreFocusOut: true,
      }));
    if (!name) return undefined;
    let connectionId = given.connectionId;
    if (!connectionId && (kind === 'exports' || kind === 'imports')) {
      connectionId = await pickConnection(services, env);
      if (connectionId === undefined) return undefined;
    }
    const integrationId = given.integrationId ?? (fromNode instanceof IntegrationNode ? fromNode.resource._id : undefined);
    // A script starts as the stub of the hook it will be (asked unless given).
    let hookType = given.hookType;
    if (kind === 'scripts' && !hookType && !fromApi) {
      hookType = await pickHookType();
      if (!hookType) return undefined;
    }
    const skeleton = hookType
      ? hookStub(hookType, name)
      : skeletonFor(kind, { name, ...(connectionId ? { connectionId } : {}), ...(integrationId ? { integrationId } : {}) });
    const uri = resourceUri(env, kind, `${DRAFT_PREFIX}${randomBytes(4).toString('hex')}`, name);
    services.files.createDraft(uri, typeof skeleton === 'string' ? skeleton : `${JSON.stringify(skeleton, null, 2)}\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    // Creation itself is confirmed in the status bar when the first save creates it.
    void services.notify.info(`Edit the new ${info.singular}, then save to create it in "${env.name}".`);
    return uri.toString();
  },
});

/** The answers a caller gave (kind, environment, name, connection, integration), each checked. */
function newResourceArgs(arg: unknown): Partial<NewResourceArgs> {
  const kind = stringOption(arg, 'kind');
  const given: Partial<NewResourceArgs> = {};
  if (isResourceKind(kind)) given.kind = kind;
  const hookType = stringOption(arg, 'hookType');
  if (hookType && isHookType(hookType)) given.hookType = hookType;
  for (const key of ['envId', 'name', 'connectionId', 'integrationId'] as const) {
    const value = stringOption(arg, key);
    if (value !== undefined) given[key] = value;
  }
  return given;
}

/** After a draft's first save: show the created resource's document in place of the draft. */
export async function replaceDraft(draftUri: vscode.Uri, createdUri: vscode.Uri): Promise<void> {
  // The draft is marked saved only after writeFile returns; wait for that before closing it.
  for (let i = 0; i < 40; i++) {
    const draft = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftUri.toString());
    if (!draft?.isDirty) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const tab = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === draftUri.toString());
  await vscode.window.showTextDocument(createdUri, { preview: false, ...(tab ? { viewColumn: tab.group.viewColumn } : {}) });
  if (tab) await vscode.window.tabGroups.close(tab);
}

/** A resource document: the editor's whose title button was clicked, or the active one. Only reads. */
export const compareWithServerCommand = defineCommand({
  id: 'integratorIo.compareWithServer',
  target: (_services, arg) => resourceDocument(arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri),
  needs: 'Open an integrator.io resource document to compare it with the server.',
  failure: (uri) => `Could not compare ${fileNameOf(uri)} with the server`,
  async run(services, uri) {
    await services.conflicts.compare(uri);
  },
});

/** Writes: only a document the user sees. */
export const overwriteServerCommand = defineCommand({
  id: 'integratorIo.overwriteServer',
  target: (_services, arg) =>
    resourceDocument(arg instanceof vscode.Uri ? (isInFrontOfUser(arg) ? arg : undefined) : vscode.window.activeTextEditor?.document.uri),
  needs: 'Open the integrator.io resource document whose version should replace the server’s.',
  failure: (uri) => `Could not overwrite the server's version of ${fileNameOf(uri)}`,
  run(services, uri) {
    return services.conflicts.overwriteRemote(uri);
  },
});

function resourceDocument(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  return uri && parseResourceUri(uri) ? uri : undefined;
}

/** What each kind is for, as New Resource lists them. */
const KIND_PURPOSE: Readonly<Record<ResourceKind, string>> = {
  exports: 'reads records from an application (a source or a lookup)',
  imports: 'writes records into an application',
  flows: 'runs exports and imports in order, on a schedule or on demand',
  connections: 'the address and credentials of an application',
  integrations: 'groups flows, connections and settings',
  scripts: 'JavaScript hooks that flows call',
  filedefinitions: 'the layout of fixed-width or EDI files',
};

async function pickHookType(): Promise<HookType | undefined> {
  const picked = await vscode.window.showQuickPick(
    HOOK_TYPES.map((type) => ({ label: type, description: hookPurpose(type), type })),
    { title: 'New Script', placeHolder: 'Which hook will it be? It starts from that hook’s stub.' },
  );
  return picked?.type;
}

async function pickKind(): Promise<ResourceKind | undefined> {
  const kinds: ResourceKind[] = ['exports', 'imports', 'flows', 'connections', 'integrations', 'scripts', 'filedefinitions'];
  const picked = await vscode.window.showQuickPick(
    kinds.map((k) => ({ label: `$(${RESOURCE_KINDS[k].icon}) ${titleOf(k)}`, description: KIND_PURPOSE[k], resourceKind: k })),
    { title: 'New integrator.io Resource', placeHolder: 'What do you want to create?' },
  );
  return picked?.resourceKind;
}

/** "Export", "File Definition": a kind's name as a title. */
function titleOf(kind: ResourceKind): string {
  return RESOURCE_KINDS[kind].singular.replace(/\b\w/g, (c) => c.toUpperCase());
}

async function pickConnection(services: Services, env: Parameters<Services['environments']['client']>[0]): Promise<string | undefined> {
  const client = await services.environments.client(env);
  const connections = await client.connections.listAll({ include: ['type', 'offline'] });
  const picked = await vscode.window.showQuickPick(
    connections.map((c) => ({
      label: displayText(c.name ?? c._id),
      description: [c.type, c.offline ? 'offline' : ''].filter(Boolean).join(' · '),
      id: c._id,
    })),
    { placeHolder: 'Which connection does it use?' },
  );
  return picked?.id;
}

/**
 * Ctrl+S / ⌘S in a resource document: the questions come before VS Code saves (a document whose
 * schema reports problems; then, in production, the production question), so answering no is not
 * a failed save (no error, nothing to retry), only "Not saved" in the status bar, with the edit
 * left in the editor. Yes saves it as usual.
 */
export const saveDocumentCommand = defineCommand({
  id: 'integratorIo.saveDocument',
  target: () => {
    const document = vscode.window.activeTextEditor?.document;
    return document && parseResourceUri(document.uri) ? { document } : undefined;
  },
  failure: () => 'Could not save',
  async run(services, { document }) {
    if (!document.isDirty) return document.save();
    if (!(await confirmSchemaProblems(document))) {
      services.statusBar.flash(`Not saved: ${fileNameOf(document.uri)} keeps your edit`, 'circle-slash');
      return false;
    }
    if (!(await services.files.confirmBeforeSave(document.uri, document.getText()))) {
      services.statusBar.flash(`Not saved: ${fileNameOf(document.uri)} keeps your edit`, 'circle-slash');
      return false;
    }
    try {
      return await document.save();
    } finally {
      services.files.forgetConfirmation(document.uri);
    }
  },
});

/**
 * Asks before saving a document whose own schema reports problems (Problems shows them, often as
 * warnings): "save anyway?", whose default shows the problems and writes nothing.
 */
async function confirmSchemaProblems(document: vscode.TextDocument): Promise<boolean> {
  const problems = vscode.languages
    .getDiagnostics(document.uri)
    .map((d) => ({ source: d.source, code: d.code, message: d.message, line: d.range.start.line }))
    .filter(isSchemaProblem);
  if (problems.length === 0) return true;
  const show: vscode.MessageItem = { title: 'Show Problems' };
  const save: vscode.MessageItem = { title: 'Save Anyway' };
  const cancel: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };
  const answer = await askModal(
    `${fileNameOf(document.uri)} has ${problems.length} problem${problems.length === 1 ? '' : 's'} its schema reports: save anyway?`,
    `${describeSchemaProblems(problems)}\nThe API may refuse such a document, or store a value integrator.io does not use.`,
    show,
    save,
    cancel,
  );
  if (answer === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return answer === save;
}
