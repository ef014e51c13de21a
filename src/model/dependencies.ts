/**
 * What a resource uses and what uses it, with names: "Show Dependencies" and the agent tools'
 * integratorDependencies read it here. What uses a resource is the API's `/dependencies`; what it
 * uses is read from its own document (every `_connectionId`, `_exportId`, `_scriptId`… in it).
 */
import { IntegratorClient } from '../api';
import { isJsonObject } from '../api/types';
import { isResourceKind, RESOURCE_KINDS, ResourceKind } from './resourceKinds';

export interface DependencyItem {
  relation: 'usedBy' | 'uses';
  kind: ResourceKind;
  id: string;
  /** The resource's name; its id followed by "(not found)" when the account has no such resource. */
  name: string;
  /** False when a used id names nothing in the account (a dangling reference). */
  found: boolean;
}

/** Reference fields and the kind each names, as integrator.io spells them. */
const REFERENCE_KINDS: Readonly<Record<string, ResourceKind>> = {
  _connectionId: 'connections',
  _registeredConnectionIds: 'connections',
  _exportId: 'exports',
  _importId: 'imports',
  _integrationId: 'integrations',
  _flowId: 'flows',
  _scriptId: 'scripts',
  _fileDefinitionId: 'filedefinitions',
};

/** Every reference field's value in a document, with the kind it names (depth-limited: documents are untrusted). */
export function referencesIn(document: unknown): Map<string, ResourceKind> {
  const found = new Map<string, ResourceKind>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12) return;
    if (Array.isArray(value)) value.forEach((item) => walk(item, depth + 1));
    else if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        const kind = REFERENCE_KINDS[key];
        const ids = Array.isArray(child) ? child : [child];
        if (kind && ids.every((id) => typeof id === 'string')) for (const id of ids) found.set(id, kind);
        else walk(child, depth + 1);
      }
    }
  };
  walk(document, 0);
  return found;
}

/**
 * What uses the resource (the API's `/dependencies`, named by it) and what it uses (named from
 * one list per kind, not one request per reference): 2 requests and one list per kind it uses.
 */
export async function dependenciesOf(
  client: IntegratorClient,
  target: { kind: ResourceKind; id: string },
  signal?: AbortSignal,
): Promise<DependencyItem[]> {
  const collection = RESOURCE_KINDS[target.kind].collection(client);
  const [usedBy, resource] = await Promise.all([collection.dependencies(target.id, { signal }), collection.get(target.id, { signal })]);
  const items: DependencyItem[] = [];
  for (const [kind, list] of Object.entries(usedBy)) {
    if (isResourceKind(kind)) for (const d of list) items.push({ relation: 'usedBy', kind, id: d.id, name: d.name ?? d.id, found: true });
  }
  const uses = [...referencesIn(resource)].filter(([id]) => id && id !== target.id);
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(uses.map(([, kind]) => kind))].map(async (kind) => {
      for (const doc of await RESOURCE_KINDS[kind].collection(client).listAll({ include: ['name'], signal }))
        names.set(doc._id, doc.name ?? doc._id);
    }),
  );
  for (const [id, kind] of uses) {
    const name = names.get(id);
    items.push({ relation: 'uses', kind, id, name: name ?? `${id} (not found)`, found: name !== undefined });
  }
  return items;
}
