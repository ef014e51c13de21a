/**
 * Searching a whole account for resources by name or id. The API has no name filter on its
 * resource lists, so every kind is listed (names only, a page at a time) and matched here; the
 * kinds arrive one by one, so a caller can show results while the rest load.
 */
import { IntegratorClient } from '../api';
import { ResourceBase } from '../api/types';
import { RESOURCE_KINDS, ResourceKind } from './resourceKinds';
import { textOf } from './describe';

/** Kinds in the order results are listed: what users look for most first. */
export const SEARCHED_KINDS: readonly ResourceKind[] = [
  'flows',
  'exports',
  'imports',
  'connections',
  'integrations',
  'scripts',
  'filedefinitions',
];

export interface SearchHit {
  kind: ResourceKind;
  id: string;
  name: string;
  /** A flow's integration (where the tree shows it); undefined for standalone flows and other kinds. */
  integrationId?: string;
}

/** Fields a search needs per kind: the name, plus where a flow lives. */
const SEARCH_FIELDS: Partial<Record<ResourceKind, readonly string[]>> = { flows: ['_integrationId'] };

/** Every resource of one kind in the account, as hits (name, id, and a flow's integration). */
export async function listForSearch(client: IntegratorClient, kind: ResourceKind, signal?: AbortSignal): Promise<SearchHit[]> {
  const items = await RESOURCE_KINDS[kind].collection(client).listAll({ include: ['name', ...(SEARCH_FIELDS[kind] ?? [])], signal });
  return items.filter((item): item is ResourceBase => typeof item?._id === 'string').map((item) => hitOf(kind, item));
}

function hitOf(kind: ResourceKind, item: ResourceBase): SearchHit {
  const integrationId = kind === 'flows' ? textOf(item._integrationId) : undefined;
  return { kind, id: item._id, name: textOf(item.name) ?? item._id, ...(integrationId ? { integrationId } : {}) };
}

/** Whether a hit matches what was typed: every word in the name, or the whole id. */
export function matches(hit: SearchHit, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (hit.id.toLowerCase() === q) return true;
  const name = hit.name.toLowerCase();
  return q.split(/\s+/).every((word) => name.includes(word));
}
