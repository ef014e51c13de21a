/**
 * Reads what an integration uses from an account, with as few requests as the API allows: the
 * integration, then its flows, exports, imports and connections from the integration's own lists
 * (which carry whole documents), then one GET for each resource those name that the lists did not
 * bring (scripts, whose lists leave out the code; file definitions; a lookup or connection used
 * from elsewhere), until nothing new is named.
 */
import { IntegratorApiError, IntegratorClient } from '../api';
import { JsonObject, ResourceBase } from '../api/types';
import { collectionOf, IacKind } from './layout';
import { findReferences } from './references';

export interface AccountResource {
  kind: IacKind;
  id: string;
  doc: JsonObject;
}

/**
 * An integration as read at one moment. A pull keeps what it read (pull.ts), so that the plan
 * made right after compares the folder with the same documents instead of reading them again.
 */
export interface IntegrationRead {
  integrationId: string;
  resources: ReadonlyMap<string, AccountResource>;
}

const LISTED: readonly ('flows' | 'exports' | 'imports' | 'connections')[] = ['flows', 'exports', 'imports', 'connections'];
const PARALLEL_GETS = 8;

export interface ReadOptions {
  signal?: AbortSignal;
}

/** Every resource the integration uses, by id. */
export async function readIntegration(
  client: IntegratorClient,
  integrationId: string,
  options: ReadOptions = {},
): Promise<Map<string, AccountResource>> {
  const found = new Map<string, AccountResource>();
  const add = (kind: IacKind, doc: ResourceBase) => found.set(doc._id, { kind, id: doc._id, doc });
  add('integrations', await client.integrations.get(integrationId, options));
  const lists = await Promise.all(
    LISTED.map(async (kind) => {
      const docs: ResourceBase[] = [];
      for await (const page of client.integrationChildren(integrationId, kind, { signal: options.signal })) docs.push(...page);
      return { kind, docs };
    }),
  );
  for (const { kind, docs } of lists) for (const doc of docs) add(kind, doc);
  await readNamed(client, found, [...found.values()], options);
  return found;
}

/**
 * GETs each resource that `from` names and `found` lacks, and what those name in turn. Scripts
 * are always fetched by id: their code comes only that way. `_integrationId` is not followed (a
 * shared export may belong to another integration; that integration is not part of this one).
 */
export async function readNamed(
  client: IntegratorClient,
  found: Map<string, AccountResource>,
  from: readonly AccountResource[],
  options: ReadOptions = {},
): Promise<void> {
  let frontier = from;
  while (frontier.length > 0) {
    const wanted = new Map<string, IacKind>();
    for (const resource of frontier) {
      for (const ref of findReferences(resource.doc)) {
        if (!ref.kind || ref.kind === 'integrations') continue;
        const known = found.get(ref.value);
        if (known && !(ref.kind === 'scripts' && known.doc.content === undefined)) continue;
        wanted.set(ref.value, ref.kind);
      }
    }
    const fetched = await getEach(client, [...wanted], options);
    for (const resource of fetched) found.set(resource.id, resource);
    frontier = fetched;
  }
}

/** GETs by id, a few at a time; a resource that no longer exists is left out. */
export async function getEach(
  client: IntegratorClient,
  wanted: readonly [string, IacKind][],
  options: ReadOptions = {},
): Promise<AccountResource[]> {
  const out: AccountResource[] = [];
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const [id, kind] = wanted[next++]!;
      try {
        out.push({ kind, id, doc: await collectionOf(client, kind).get(id, options) });
      } catch (err) {
        if (err instanceof IntegratorApiError && err.status === 404) continue;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_GETS, wanted.length) }, worker));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
