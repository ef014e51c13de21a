/**
 * Pull: writes an integration and everything it uses into a folder, one file per resource, and
 * binds the folder's keys to the account's ids in the environment's binding file. Keys already
 * bound keep their names. A pull refuses to overwrite a file changed since the last pull or apply
 * (unless forced): "Pull Remote Changes" is the careful way to bring in the account's edits.
 */
import { IntegratorClient } from '../api';
import { AccountResource, IntegrationRead, readIntegration } from './accountReader';
import { Binding, BindingFile, keysById, readBindings, writeBindings } from './bindings';
import { FolderResource, hashOfResource, readFolder, removeResource, writeResources } from './folder';
import { accountInFolderForm } from './folderForm';
import { LogicalKey } from './layout';
import { resolveIntegration } from './integrationLookup';

export interface PullOptions {
  client: IntegratorClient;
  baseUrl: string;
  /** The binding file's name. */
  environment: string;
  /** An integration's id or exact name. */
  integration: string;
  dir: string;
  /** Overwrite files changed in the folder since the last pull or apply. */
  force?: boolean;
  signal?: AbortSignal;
}

export interface PullReport {
  integrationId: string;
  integrationName: string;
  resources: number;
  /** Folder-relative paths written or removed (unchanged files are not rewritten). */
  written: string[];
  removed: string[];
}

export class LocalChangesError extends Error {
  constructor(readonly keys: LogicalKey[]) {
    super(
      `Not pulled: ${keys.length === 1 ? `${keys[0]} has` : `${keys.length} resources have`} changed in the folder since the last pull or apply ` +
        `(${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}). Apply them, or pull remote changes, or pull with force to overwrite them.`,
    );
  }
}

export async function pull(options: PullOptions): Promise<PullReport> {
  return (await pullAndKeepRead(options)).report;
}

/**
 * A pull, and the integration as it read it: what the folder now holds, so the plan that shows
 * the folder right after (VS Code's Source Control view) compares with this read instead of
 * reading the same documents again.
 */
export async function pullAndKeepRead(options: PullOptions): Promise<{ report: PullReport; read: IntegrationRead }> {
  const { client, dir, environment } = options;
  const integrationId = await resolveIntegration(client, options.integration, options);
  const account = await readIntegration(client, integrationId, options);
  // Both refuse a folder with a link in it and a binding file whose keys are not logical keys, before anything is written.
  const bindings = await readBindings(dir, environment, options.baseUrl);
  const folder = await readFolder(dir);
  if (!options.force) {
    const changed = [...folder.values()].filter((r) => bindings.resources[r.key] && bindings.resources[r.key]!.hash !== hashOfResource(r));
    if (changed.length) throw new LocalChangesError(changed.map((r) => r.key));
  }
  const reserved = new Set([...folder.keys()].filter((key) => !bindings.resources[key]));
  const { resources } = accountInFolderForm(account, keysById(bindings), reserved);
  const written = await writeResources(
    dir,
    resources.map((r) => r.resource),
  );
  const removed: string[] = [];
  const next: BindingFile = { baseUrl: options.baseUrl, resources: {} };
  for (const { resource, account: fromAccount } of resources) next.resources[resource.key] = bindingOf(fromAccount, resource);
  for (const key of Object.keys(bindings.resources)) if (!next.resources[key]) removed.push(...(await removeResource(dir, key)));
  await writeBindings(dir, environment, next);
  const integration = account.get(integrationId)!;
  const report = {
    integrationId,
    integrationName: typeof integration.doc.name === 'string' ? integration.doc.name : integrationId,
    resources: resources.length,
    written,
    removed,
  };
  return { report, read: { integrationId, resources: account } };
}

export function bindingOf(account: AccountResource, resource: FolderResource, extra: Partial<Binding> = {}): Binding {
  const lastModified = account.doc.lastModified;
  return { id: account.id, ...(typeof lastModified === 'string' ? { lastModified } : {}), hash: hashOfResource(resource), ...extra };
}
