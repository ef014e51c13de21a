/**
 * The account side of a plan: the folder's integration as the account says it is, and nothing a
 * binding file merely claims. A binding file comes from a pull request, so its ids are hostile:
 * one that points a key at another integration's export would make apply overwrite that export,
 * and `--delete` delete it. So an id is trusted only when the account lists it as part of the
 * integration bound in the same file (its flows, their exports and imports, the connections,
 * scripts and file definitions they use: accountReader.ts). A connection bound by name on a
 * promotion is the exception: it is the environment's own, and apply never changes or deletes it.
 * Any other bound id that exists in the account is a problem naming the binding file, and it is
 * left out of the plan, so nothing can be updated or deleted through it.
 */
import { IntegratorApiError, IntegratorClient } from '../api';
import { AccountResource, getEach, IntegrationRead, readIntegration, ReadOptions } from './accountReader';
import { BindingFile } from './bindings';
import { FolderResource } from './folder';
import { IacKind, kindOfKey, LogicalKey, singularOf } from './layout';

export interface BoundAccount {
  /** The integration's resources by id, and connections bound by name. */
  account: Map<string, AccountResource>;
  /** The integration the binding file names, as the account names it. */
  integration?: { id: string; name: string };
  problems: string[];
}

export async function readBoundAccount(
  client: IntegratorClient,
  folder: ReadonlyMap<LogicalKey, FolderResource>,
  bindings: BindingFile,
  /** The binding file, for messages. */
  bindingPath: string,
  options: ReadOptions & { pulled?: IntegrationRead } = {},
): Promise<BoundAccount> {
  const integrationKey = [...folder.keys()].find((key) => kindOfKey(key) === 'integrations');
  const integrationId = integrationKey ? bindings.resources[integrationKey]?.id : undefined;
  const result: BoundAccount = { account: new Map(), problems: [] };
  if (integrationId) {
    try {
      const { pulled } = options;
      // A copy: connections bound by name join the map below, and the pull's read stays as it was read.
      result.account =
        pulled?.integrationId === integrationId ? new Map(pulled.resources) : await readIntegration(client, integrationId, options);
      const doc = result.account.get(integrationId)?.doc;
      result.integration = { id: integrationId, name: typeof doc?.name === 'string' ? doc.name : integrationId };
    } catch (err) {
      if (!(err instanceof IntegratorApiError && err.status === 404)) throw err;
    }
  }
  // Bound ids the integration does not list: gone from the account (a remote deletion), a
  // connection bound by name, or something that is not this integration's.
  const missing = Object.entries(bindings.resources).flatMap(([key, b]): [string, IacKind][] => {
    const kind = kindOfKey(key);
    return kind && !result.account.has(b.id) ? [[b.id, kind]] : [];
  });
  const keyOfId = new Map(Object.entries(bindings.resources).map(([key, b]) => [b.id, key]));
  for (const resource of await getEach(client, missing, options)) {
    const key = keyOfId.get(resource.id)!;
    if (resource.kind === 'connections' && bindings.resources[key]?.boundByName) {
      result.account.set(resource.id, resource);
      continue;
    }
    const name = typeof resource.doc.name === 'string' ? ` "${resource.doc.name}"` : '';
    const owner = result.integration ? `integration "${result.integration.name}"` : 'the integration of this folder';
    result.problems.push(
      `${bindingPath} binds ${key} to ${resource.id}, the ${singularOf(resource.kind)}${name}, which is not part of ${owner} ` +
        `in this environment: nothing is changed or deleted through it (if the account removed it from the integration, pull again)`,
    );
  }
  return result;
}
