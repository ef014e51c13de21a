/**
 * Plan: compares the folder with an environment three ways (the base in the binding file, the
 * folder now, the account now) and says what an apply would do. It only reads.
 *
 *   create           in the folder, not bound in this environment
 *   update           changed in the folder only
 *   delete           bound, but removed from the folder (applied only with consent)
 *   bind             a connection matched by exact name in the environment (connections are bound, never created)
 *   adopt            not bound yet, but the environment holds it: the folder's integration by exact name, and
 *                    inside it a resource of the kind and exact name (adoption.ts); bound, and updated if it differs
 *   needs-connection a connection with no match: apply refuses
 *   remote-change    changed (or added, or deleted) in the account only: pull it
 *   conflict         changed on both sides since the base: never overwritten
 *   unchanged        nothing to do
 */
import { IntegratorClient } from '../api';
import { Connection } from '../api/types';
import { AccountResource, IntegrationRead } from './accountReader';
import { Adoption, Candidate, findAdoptions } from './adoption';
import { BindingFile, bindingPathOf, keysById, readBindings } from './bindings';
import { readBoundAccount } from './boundAccount';
import { contentHash } from './canonical';
import { UnsafeFolderError } from './confinedFs';
import { DependencyCycleError, dependencyOrder } from './dependencyOrder';
import { CONNECTION_CHANGE_NOTE, ConnectionChange, connectionChanges, describeChange } from './connectionChanges';
import { FolderResource, hashOfResource, readFolder } from './folder';
import { accountInFolderForm } from './folderForm';
import { IAC_KINDS, kindOfKey, LogicalKey } from './layout';
import { isApplied, PlanAction, PlanItem } from './planItem';
import { rawIdReferences, referencedKeys } from './references';

export type { PlanAction, PlanItem } from './planItem';

export interface Plan {
  environment: string;
  baseUrl: string;
  /** The integration the binding file names, as the account names it. */
  integration?: { id: string; name: string };
  /** Folder resources in dependency order, then deletions, then what the account added. */
  items: PlanItem[];
  /** What stops an apply besides conflicts and unbound connections (a reference to nothing, a cycle). */
  problems: string[];
  /** What an apply goes ahead with but a person should know (account ids left in files). */
  warnings: string[];
  /** What connection updates change: each decides where a connection's credentials go (also in `warnings`). */
  connectionChanges: ConnectionChange[];
  /** Keys an adoption could not settle by name (also in `problems`): the candidates to choose from. */
  ambiguous: Array<{ key: LogicalKey; candidates: Candidate[] }>;
}

export interface PlanOptions {
  client: IntegratorClient;
  baseUrl: string;
  environment: string;
  dir: string;
  /**
   * Choices by key (an id or exact name of this environment): the connection a folder connection
   * stands for instead of the one of the same name, and what an ambiguous adoption adopts.
   */
  bindChoices?: Readonly<Record<LogicalKey, string>>;
  /**
   * The integration the caller means to change (its id or exact name in the account), from outside
   * the folder: the CLI's --integration, or the one VS Code remembers pulling. A binding file is
   * part of the folder, so a pull request can bind the folder's integration key to another
   * integration, whose resources would then all look like the folder's own; naming the
   * integration here makes such a plan a problem.
   */
  integration?: string;
  /**
   * The integration as the pull that wrote the folder read it a moment ago (pull.ts): compared
   * with instead of reading the same documents again, when the binding file binds that integration.
   */
  pulled?: IntegrationRead;
  signal?: AbortSignal;
}

/** What apply and "pull remote changes" need beyond the plan itself. */
export interface PlanState {
  folder: Map<LogicalKey, FolderResource>;
  bindings: BindingFile;
  /** The account's resources, by id: those of the bound integration, and every other bound one. */
  account: Map<string, AccountResource>;
  /** The account resource's folder form, by key (for diffs and pulls). */
  remote: Map<LogicalKey, FolderResource>;
  /** For `bind` items: the matched connection. */
  matches: Map<LogicalKey, AccountResource>;
  /** For `adopt` items: the id each adopts (keys the binding file does not bind yet). */
  adopted: Map<LogicalKey, string>;
  /**
   * Problems that stop every write, to the account and to the folder alike: the folder could not
   * be read safely (a link, a bad binding file; then the plan holds only these), or a binding
   * points outside the integration.
   */
  refusals: string[];
}

export async function makePlan(options: PlanOptions): Promise<{ plan: Plan; state: PlanState }> {
  const { dir, environment, baseUrl } = options;
  const plan: Plan = { environment, baseUrl, items: [], problems: [], warnings: [], connectionChanges: [], ambiguous: [] };
  let folder: Map<LogicalKey, FolderResource>;
  let bindings: BindingFile;
  try {
    folder = await readFolder(dir);
    bindings = await readBindings(dir, environment, baseUrl);
  } catch (err) {
    if (!(err instanceof UnsafeFolderError)) throw err;
    // Nothing of such a folder is compared or sent: the plan is its problems, and apply refuses it.
    plan.problems.push(...err.problems);
    const empty = { folder: new Map(), bindings: { baseUrl, resources: {} }, account: new Map(), remote: new Map(), matches: new Map() };
    return { plan, state: { ...empty, adopted: new Map(), refusals: [...err.problems] } };
  }
  const bound = await readBoundAccount(options.client, folder, bindings, bindingPathOf(environment), options);
  const adoption = await adoptionFor(options, folder, bindings);
  const account = new Map([...adoption.account, ...bound.account]);
  plan.integration = bound.integration ?? adoption.integration;
  const refusals = [...bound.problems, ...integrationMismatch(options.integration, plan.integration, bindingPathOf(environment))];
  plan.problems.push(...refusals, ...adoption.problems);
  plan.ambiguous = [...adoption.ambiguous].map(([key, candidates]) => ({ key, candidates }));
  const { keyOfId, resources } = accountInFolderForm(
    account,
    new Map([...adoption.connectionKeys, ...keysById(bindings), ...[...adoption.ids].map(([key, id]) => [id, key] as const)]),
    new Set([...folder.keys()].filter((key) => !bindings.resources[key] && !adoption.ids.has(key))),
  );
  const remote = new Map(resources.map(({ resource }) => [resource.key, resource]));
  const state: PlanState = { folder, bindings, account, remote, matches: new Map(), adopted: adoption.ids, refusals };

  checkFolder(folder, plan);
  let order: LogicalKey[] = [...folder.keys()].sort();
  try {
    order = dependencyOrder(new Map([...folder].map(([key, r]) => [key, referencedKeys(r.doc)])));
  } catch (err) {
    if (!(err instanceof DependencyCycleError)) throw err;
    plan.problems.push(err.message);
  }
  const connections = await connectionsToMatch(options, folder, bindings);
  for (const key of order) plan.items.push(compareOne(folder.get(key)!, state, connections, options.bindChoices ?? {}));
  plan.items.push(...removedFromFolder(state), ...addedInAccount(state, keyOfId));
  for (const item of plan.items) if (isApplied(item)) item.fingerprint = fingerprintOf(item.key, state);
  plan.connectionChanges = changedConnections(plan, state);
  if (plan.connectionChanges.length) plan.warnings.push(...plan.connectionChanges.map(describeChange), CONNECTION_CHANGE_NOTE);
  return { plan, state };
}

/** The folder's copy of `key` and the account's, as one hash (either may be absent). */
function fingerprintOf(key: LogicalKey, state: PlanState): string {
  const hashes = [state.folder.get(key), state.remote.get(key)].map((resource) => (resource ? hashOfResource(resource) : '-'));
  return contentHash(hashes.join(' '));
}

/** What connection updates change, field by field: the item itself only says "~ update". */
function changedConnections(plan: Plan, state: PlanState): ConnectionChange[] {
  return plan.items
    .filter((i) => i.kind === 'connections' && i.action === 'update')
    .flatMap((i) => connectionChanges(i.key, state.remote.get(i.key)?.doc, state.folder.get(i.key)?.doc));
}

/**
 * What the environment already holds of a folder it has no binding for: the integration named by
 * --integration (or chosen) if given, else the one of the folder's integration's exact name.
 */
function adoptionFor(options: PlanOptions, folder: Map<LogicalKey, FolderResource>, bindings: BindingFile): Promise<Adoption> {
  const integrationKey = [...folder.keys()].find((key) => kindOfKey(key) === 'integrations');
  const choices = { ...options.bindChoices };
  if (integrationKey && options.integration !== undefined && choices[integrationKey] === undefined)
    choices[integrationKey] = options.integration;
  return findAdoptions(options.client, folder, bindings, choices, options);
}

/** A problem when the binding file binds the folder to another integration than the one expected. */
function integrationMismatch(expected: string | undefined, bound: Plan['integration'], bindingPath: string): string[] {
  if (expected === undefined || bound === undefined || expected === bound.id || expected === bound.name) return [];
  return [
    `${bindingPath} binds this folder to the integration "${bound.name}" (${bound.id}), not to "${expected}": ` +
      'nothing is applied through a binding file that points the folder at another integration.',
  ];
}

/** 0: nothing to do; 2: changes to apply; 3: conflicts, unbound connections or problems (the CLI's exit codes). */
export function planExitCode(plan: Plan): 0 | 2 | 3 {
  if (isBlocked(plan)) return 3;
  return plan.items.some(isApplied) ? 2 : 0;
}

/** Why an apply of this plan must not start, or undefined. */
export function blockReason(plan: Plan): string | undefined {
  const conflicts = plan.items.filter((i) => i.action === 'conflict').map((i) => i.key);
  const unbound = plan.items.filter((i) => i.action === 'needs-connection').map((i) => i.key);
  const reasons = [
    ...plan.problems,
    ...(conflicts.length ? [`${conflicts.join(', ')} changed both in the folder and in the account since the last pull or apply`] : []),
    ...(unbound.length ? [`${unbound.join(', ')} need${unbound.length === 1 ? 's' : ''} a connection in this environment`] : []),
  ];
  return reasons.length ? reasons.join('; ') : undefined;
}

export function isBlocked(plan: Plan): boolean {
  return blockReason(plan) !== undefined;
}

/** The environment's connections, when some folder connection is not bound yet (for matching by name). */
async function connectionsToMatch(
  options: PlanOptions,
  folder: Map<LogicalKey, FolderResource>,
  bindings: BindingFile,
): Promise<Connection[]> {
  const unbound = [...folder.values()].some((r) => r.kind === 'connections' && !bindings.resources[r.key]);
  return unbound ? options.client.connections.listAll({ signal: options.signal }) : [];
}

function checkFolder(folder: Map<LogicalKey, FolderResource>, plan: Plan): void {
  const integrations = [...folder.keys()].filter((key) => kindOfKey(key) === 'integrations');
  if (integrations.length !== 1) {
    plan.problems.push(
      integrations.length === 0
        ? 'The folder holds no integration (integrations/<name>.json).'
        : `The folder holds ${integrations.length} integrations (${integrations.join(', ')}); it must hold one.`,
    );
  }
  for (const resource of folder.values()) {
    for (const key of referencedKeys(resource.doc)) {
      if (!folder.has(key)) plan.problems.push(`${resource.key} refers to ${key}, which the folder does not hold.`);
    }
    for (const ref of rawIdReferences(resource.doc)) {
      plan.warnings.push(
        `${resource.key}: ${ref.path} holds the account id ${ref.value}, which no file of the folder stands for; it is sent as it is.`,
      );
    }
  }
}

function compareOne(
  resource: FolderResource,
  state: PlanState,
  connections: Connection[],
  choices: Readonly<Record<LogicalKey, string>>,
): PlanItem {
  const { key, kind } = resource;
  const name = typeof resource.doc.name === 'string' ? resource.doc.name : undefined;
  const item = (action: PlanAction, reason: string, extra: Partial<PlanItem> = {}): PlanItem => ({
    key,
    kind,
    action,
    name,
    reason,
    ...extra,
  });
  const binding = state.bindings.resources[key];
  const adopted = state.adopted.get(key);
  if (!binding && adopted) {
    const same = hashOfResource(state.remote.get(key)!) === hashOfResource(resource);
    const accountName = state.account.get(adopted)?.doc.name;
    const chosen = typeof accountName === 'string' && accountName !== name ? ` "${accountName}"` : '';
    return item(
      'adopt',
      `already in this environment${chosen} (${adopted}): ${same ? 'bound as it is' : 'bound, then updated to the folder'}`,
      { id: adopted, ...(same ? {} : { differs: true }) },
    );
  }
  if (!binding) {
    if (kind !== 'connections') return item('create', `new: not in this environment yet`);
    return matchConnection(resource, state, connections, choices[key], item);
  }
  const id = binding.id;
  const accountResource = state.account.get(id);
  // What exists is named as the account names it, so a reviewer sees what an update would change
  // (a folder file may carry any name); a rename in the folder is said in the reason.
  const accountName = typeof accountResource?.doc.name === 'string' ? accountResource.doc.name : undefined;
  const renamed = accountName !== undefined && name !== undefined && name !== accountName ? ` (renamed to "${name}" in the folder)` : '';
  const existing = (action: PlanAction, reason: string, extra: Partial<PlanItem> = {}): PlanItem =>
    item(action, action === 'update' || action === 'conflict' ? `${reason}${renamed}` : reason, { name: accountName ?? name, ...extra });
  if (binding.boundByName) {
    if (!accountResource) return existing('needs-connection', `the connection it was bound to (${id}) no longer exists`, { id });
    return existing('unchanged', `bound to "${String(accountResource.doc.name)}"; its settings belong to this environment`, { id });
  }
  const localHash = hashOfResource(resource);
  const localChanged = localHash !== binding.hash;
  if (!accountResource) {
    return localChanged
      ? existing('conflict', 'changed in the folder, and deleted from the account', { id })
      : existing('remote-change', 'deleted from the account', { id, remote: 'deleted' });
  }
  const remote = state.remote.get(key);
  if (remote && hashOfResource(remote) === localHash) return existing('unchanged', 'the same in the folder and the account', { id });
  const remoteChanged = accountResource.doc.lastModified !== binding.lastModified;
  if (localChanged && remoteChanged)
    return existing('conflict', 'changed in the folder and in the account since the last pull or apply', { id });
  if (localChanged) return existing('update', 'changed in the folder', { id });
  if (remoteChanged) return existing('remote-change', 'changed in the account', { id, remote: 'changed' });
  return existing('unchanged', 'differs only in what the environment keeps (server defaults)', { id });
}

function matchConnection(
  resource: FolderResource,
  state: PlanState,
  connections: Connection[],
  choice: string | undefined,
  item: (action: PlanAction, reason: string, extra?: Partial<PlanItem>) => PlanItem,
): PlanItem {
  const wanted = choice ?? (typeof resource.doc.name === 'string' ? resource.doc.name : undefined);
  const matches = connections.filter((c) => c._id === wanted || c.name === wanted);
  if (matches.length === 1) {
    const match = matches[0]!;
    state.matches.set(resource.key, { kind: 'connections', id: match._id, doc: match });
    return item('bind', `${choice ? 'chosen' : 'same name'}: "${String(match.name)}" (${match._id})`, { id: match._id });
  }
  if (matches.length > 1) return item('needs-connection', `${matches.length} connections are named "${wanted}": choose one`);
  return item('needs-connection', wanted ? `no connection named "${wanted}" in this environment` : 'the connection has no name to match');
}

function removedFromFolder(state: PlanState): PlanItem[] {
  const items: PlanItem[] = [];
  for (const [key, binding] of Object.entries(state.bindings.resources)) {
    const kind = kindOfKey(key);
    if (!kind || state.folder.has(key) || binding.boundByName) continue;
    const accountResource = state.account.get(binding.id);
    if (!accountResource) continue;
    const name = typeof accountResource.doc.name === 'string' ? accountResource.doc.name : undefined;
    const remoteChanged = accountResource.doc.lastModified !== binding.lastModified;
    items.push(
      remoteChanged
        ? { key, kind, action: 'conflict', name, id: binding.id, reason: 'removed from the folder, and changed in the account' }
        : { key, kind, action: 'delete', name, id: binding.id, reason: 'removed from the folder' },
    );
  }
  // Dependents first: flows before their steps, steps before their connections.
  return items.sort((a, b) => IAC_KINDS.indexOf(b.kind) - IAC_KINDS.indexOf(a.kind) || (a.key < b.key ? -1 : 1));
}

function addedInAccount(state: PlanState, keyOfId: Map<string, LogicalKey>): PlanItem[] {
  const bound = new Set([...keysById(state.bindings).keys(), ...state.adopted.values(), ...[...state.matches.values()].map((m) => m.id)]);
  const items: PlanItem[] = [];
  for (const resource of state.account.values()) {
    if (bound.has(resource.id)) continue;
    const key = keyOfId.get(resource.id)!;
    const name = typeof resource.doc.name === 'string' ? resource.doc.name : undefined;
    items.push({
      key,
      kind: resource.kind,
      action: 'remote-change',
      remote: 'added',
      name,
      id: resource.id,
      reason: 'added in the account',
    });
  }
  return items.sort((a, b) => (a.key < b.key ? -1 : 1));
}
