/** Clone, delete, and show what a resource depends on and what depends on it. */
import { maskedSecretPaths } from '../documents/documentText';
import vscode = require('vscode');
import { IntegratorApiError, IntegratorClient } from '../api';
import { JsonObject, ResourceBase } from '../api/types';
import { confirmProductionChange } from '../environments/productionGuard';
import { parseResourceUri, resourceUri } from '../identity';
import { dependenciesOf, DependencyItem } from '../model/dependencies';
import { isResourceKind, RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { describeError } from '../util/errors';
import { booleanOption, defineCommand, quoted, resourceOf } from './command';
import { ChosenResource, ResourceTarget } from './resourceTarget';
import { displayText } from '../util/displayText';
import { askModal } from '../util/dialogs';
import { Services } from './services';

/** Clones a resource (the API's clone where it has one) and opens the copy. */
export const cloneResourceCommand = defineCommand({
  id: 'integratorIo.cloneResource',
  target: resourceOf(),
  failure: (target) => `Could not clone ${RESOURCE_KINDS[target.kind].singular} ${quoted(target)}`,
  async run(services, target) {
    const info = RESOURCE_KINDS[target.kind];
    const client = await services.environments.client(target.env);
    const copy = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: displayText(`Cloning ${info.singular} ${quoted(target)}…`) },
      () => services.explorer.busyWhile(target.id, 'cloning…', () => cloneOf(client, target)),
    );
    services.explorer.resourceChanged(target.env.id, target.kind, copy, true);
    services.log.info(`${target.env.name}: cloned ${info.singular} ${target.id} as "${copy.name ?? copy._id}" (${copy._id}).`);
    const uri = resourceUri(target.env, target.kind, copy._id, copy.name);
    await vscode.window.showTextDocument(uri, { preview: false });
    return copy._id;
  },
});

async function cloneOf(client: IntegratorClient, target: ResourceTarget): Promise<ResourceBase> {
  const name = `${target.name ?? target.id} (copy)`;
  switch (target.kind) {
    case 'integrations':
    case 'exports':
    case 'imports':
      return RESOURCE_KINDS[target.kind].collection(client).clone(target.id, { name });
    case 'flows': {
      // Same account: every connection the flow uses maps to itself.
      const flow = await client.flows.get(target.id);
      const { exports = [], imports = [] } = await client.flowDescendants(target.id);
      const connectionMap = Object.fromEntries(
        [...exports, ...imports].filter((s) => s._connectionId).map((s) => [s._connectionId!, s._connectionId!]),
      );
      return client.flows.clone(target.id, { name, _integrationId: flow._integrationId ?? '', connectionMap });
    }
    case 'connections':
      throw new Error('connections hold secrets the API never returns, so a copy could not work; create a new connection instead');
    default: {
      // Scripts and file definitions have no clone endpoint: create a copy of the document.
      const collection = RESOURCE_KINDS[target.kind].collection(client);
      const source = await collection.get(target.id);
      const copy: JsonObject = { ...source, name };
      for (const field of ['_id', 'createdAt', 'lastModified']) delete copy[field]; // the server sets these
      const masks = maskedSecretPaths(copy);
      if (masks.length)
        throw new Error(
          `${masks.join(', ')} ${masks.length === 1 ? 'is a secret' : 'are secrets'} the API never returns, so a copy could not hold ${masks.length === 1 ? 'it' : 'them'}`,
        );
      return collection.create(copy);
    }
  }
}

/** Deletes after a confirmation that names the resource and its environment. Refused by the API while in use. */
export const deleteResourceCommand = defineCommand({
  id: 'integratorIo.deleteResource',
  target: resourceOf(),
  needs: 'Pick a resource in the integrator.io explorer to delete it.',
  failure: (target) => `Could not delete ${RESOURCE_KINDS[target.kind].singular} ${quoted(target)}`,
  async run(services, target) {
    const label = `${RESOURCE_KINDS[target.kind].singular} ${quoted(target)}`;
    // integrator.io refuses to delete what something uses: say so before asking, and name them.
    const users = await services.explorer.busyWhile(target.id, 'checking what uses it…', () => usersOf(services, target));
    if (users.length) {
      const named = users.slice(0, 8).map((u) => `${RESOURCE_KINDS[u.kind].singular} "${u.name}"`);
      const more = users.length > named.length ? `, and ${users.length - named.length} more` : '';
      const show: vscode.MessageItem = { title: 'Show Dependencies' };
      const choice = await askModal(
        `${capitalised(label)} is in use, so it cannot be deleted.`,
        `It is used by ${named.join(', ')}${more}. Remove it from ${users.length === 1 ? 'that' : 'those'} first.`,
        show,
        { title: 'Cancel', isCloseAffordance: true },
      );
      if (choice === show)
        void vscode.commands.executeCommand(
          showDependenciesCommand.id,
          new ChosenResource(target.env.id, target.kind, target.id, target.name),
        );
      return false;
    }
    const answer = await askModal(`Delete ${label} from "${target.env.name}"?`, 'This deletes it in integrator.io and cannot be undone.', {
      title: 'Delete',
    });
    if (answer?.title !== 'Delete') return false;
    if (!(await confirmProductionChange(target.env, { action: 'delete', what: label }))) return false;
    try {
      const client = await services.environments.client(target.env);
      await services.explorer.busyWhile(target.id, 'deleting…', () => RESOURCE_KINDS[target.kind].collection(client).delete(target.id));
    } catch (err) {
      const inUse = err instanceof IntegratorApiError && (err.code === 'resource_in_use' || err.status === 409 || err.status === 422);
      if (!inUse) throw err;
      // In use after all (something started using it meanwhile): the API's message says what, once.
      void services.notify.error(describeError(err), 'Show Dependencies').then((choice) => {
        if (choice)
          void vscode.commands.executeCommand(
            showDependenciesCommand.id,
            new ChosenResource(target.env.id, target.kind, target.id, target.name),
          );
      });
      return false;
    }
    services.log.info(`${target.env.name}: deleted ${label} (${target.id}).`);
    await closeEditorsOf(target);
    services.explorer.refresh(
      services.explorer.environmentNode(target.env.id)?.category(target.kind === 'flows' ? 'integrations' : target.kind),
    );
    return true;
  },
});

/** What uses a resource, from its dependencies; none when the API cannot tell (it refuses then). */
async function usersOf(services: Services, target: ResourceTarget): Promise<{ kind: ResourceKind; name: string }[]> {
  try {
    const client = await services.environments.client(target.env);
    const usedBy = await RESOURCE_KINDS[target.kind].collection(client).dependencies(target.id);
    return Object.entries(usedBy).flatMap(([kind, list]) =>
      isResourceKind(kind) ? list.map((d) => ({ kind, name: d.name ?? d.id })) : [],
    );
  } catch {
    return [];
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function closeEditorsOf(target: ResourceTarget): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => {
      const ref = t.input instanceof vscode.TabInputText ? parseResourceUri(t.input.uri) : undefined;
      return ref?.envId === target.env.id && ref.id === target.id;
    });
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/**
 * Lists what uses a resource (the API's `/dependencies`) and what it uses (read from its
 * document: connection, steps, hook scripts, integration). Picking one opens it.
 */
export const showDependenciesCommand = defineCommand({
  id: 'integratorIo.showDependencies',
  target: resourceOf(),
  options: (raw) => ({ quiet: booleanOption(raw, 'quiet') }),
  failure: (target) => `Could not read the dependencies of ${quoted(target)}`,
  async run(services, target, options) {
    const items = await dependenciesOf(await services.environments.client(target.env), target);
    if (options.quiet) return items;
    const section = (relation: DependencyItem['relation'], title: string) => {
      const list = items.filter((i) => i.relation === relation);
      return [
        { label: title, kind: vscode.QuickPickItemKind.Separator },
        ...(list.length
          ? list.map((i) => ({
              label: `$(${RESOURCE_KINDS[i.kind].icon}) ${displayText(i.name)}`,
              description: RESOURCE_KINDS[i.kind].singular,
              item: i,
            }))
          : [{ label: '(none)', description: '' }]),
      ];
    };
    const picked = await vscode.window.showQuickPick([...section('usedBy', 'Used by'), ...section('uses', 'Uses')], {
      title: `Dependencies of ${RESOURCE_KINDS[target.kind].singular} "${target.name ?? target.id}"`,
      placeHolder: 'Pick one to open it',
    });
    if (picked && 'item' in picked && picked.item) {
      await vscode.window.showTextDocument(resourceUri(target.env, picked.item.kind, picked.item.id, picked.item.name), { preview: true });
    }
    return items;
  },
});
