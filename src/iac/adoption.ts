/**
 * Adoption: a folder applied to an environment it has no binding for yet (a promotion, a first
 * apply) finds what that environment already holds of it, by identity, instead of creating a
 * second copy of everything. The folder's integration is found by its exact name; inside that
 * integration (and only there), each flow, export, import, script and file definition by kind
 * and exact name. A match is adopted: bound, then updated where it differs. Connections keep
 * their own rule (bound by name across the environment, never changed: plan.ts).
 *
 * A name that does not settle it (two integrations of that name, two exports of one name in the
 * integration, or two files of the folder with one name) is a problem naming the candidates, and
 * a choice settles it: `--bind <key>=<id or exact name>` in the CLI, a pick in VS Code.
 */
import { IntegratorClient } from '../api';
import { AccountResource, readIntegration, ReadOptions } from './accountReader';
import { BindingFile } from './bindings';
import { FolderResource } from './folder';
import { IacKind, kindOfKey, LogicalKey, singularOf } from './layout';

/** The kinds adopted inside the integration; connections are bound by name across the environment instead. */
const ADOPTED_KINDS: ReadonlySet<IacKind> = new Set(['flows', 'exports', 'imports', 'scripts', 'filedefinitions']);

export interface Candidate {
  id: string;
  name: string;
}

export interface Adoption {
  /** The integration adopted, and what it holds (for the plan's account side). */
  integration?: { id: string; name: string };
  account: Map<string, AccountResource>;
  /** Folder key → the account id it adopts. */
  ids: Map<LogicalKey, string>;
  /**
   * The integration's connections by the folder's key of the same name: not adopted (connections
   * are bound by name, plan.ts), but named alike, so that what refers to them compares equal.
   */
  connectionKeys: Map<string, LogicalKey>;
  /** Keys that more than one account resource could stand for, with the candidates. */
  ambiguous: Map<LogicalKey, Candidate[]>;
  problems: string[];
}

const NONE: Adoption = { account: new Map(), ids: new Map(), connectionKeys: new Map(), ambiguous: new Map(), problems: [] };

/**
 * What the environment already holds of the folder, when its binding file binds nothing of the
 * folder's integration yet. `choices` settles ambiguous names: key → id or exact name.
 */
export async function findAdoptions(
  client: IntegratorClient,
  folder: ReadonlyMap<LogicalKey, FolderResource>,
  bindings: BindingFile,
  choices: Readonly<Record<LogicalKey, string>>,
  options: ReadOptions = {},
): Promise<Adoption> {
  const integrationKey = [...folder.keys()].find((key) => kindOfKey(key) === 'integrations');
  if (!integrationKey || bindings.resources[integrationKey]) return NONE;
  const wanted = nameOf(folder.get(integrationKey)!.doc);
  const choice = choices[integrationKey];
  const all = await client.integrations.listAll({ include: ['name'], signal: options.signal });
  const candidates = all
    .filter((i) => (choice !== undefined ? i._id === choice || i.name === choice : wanted !== undefined && i.name === wanted))
    .map((i) => ({ id: i._id, name: String(i.name) }));
  if (candidates.length === 0) {
    if (choice === undefined) return NONE;
    return { ...NONE, problems: [`--bind ${integrationKey}=${choice}: no integration of this environment has that id or exact name`] };
  }
  if (candidates.length > 1) {
    return {
      ...NONE,
      ambiguous: new Map([[integrationKey, candidates]]),
      problems: [
        `${integrationKey}: ${candidates.length} integrations of this environment are named "${wanted}" (${ids(candidates)}): choose one`,
      ],
    };
  }
  const integration = candidates[0]!;
  const account = await readIntegration(client, integration.id, options);
  const adoption: Adoption = {
    integration,
    account,
    ids: new Map([[integrationKey, integration.id]]),
    connectionKeys: new Map(),
    ambiguous: new Map(),
    problems: [],
  };
  adoptInside(adoption, folder, choices);
  for (const r of folder.values()) {
    if (r.kind !== 'connections') continue;
    const named = [...account.values()].filter((a) => a.kind === 'connections' && a.doc.name === nameOf(r.doc));
    if (named.length === 1) adoption.connectionKeys.set(named[0]!.id, r.key);
  }
  adoption.problems = [...new Set(adoption.problems)];
  return adoption;
}

/** Each flow, export, import, script and file definition of the folder, matched inside the adopted integration. */
function adoptInside(
  adoption: Adoption,
  folder: ReadonlyMap<LogicalKey, FolderResource>,
  choices: Readonly<Record<LogicalKey, string>>,
): void {
  const resources = [...adoption.account.values()];
  // Two files of the folder with one name cannot both be the one resource of that name.
  const namesakes = new Map<string, LogicalKey[]>();
  for (const r of folder.values()) {
    const name = nameOf(r.doc);
    if (!ADOPTED_KINDS.has(r.kind) || name === undefined) continue;
    const sameName = namesakes.get(`${r.kind}\n${name}`) ?? [];
    sameName.push(r.key);
    namesakes.set(`${r.kind}\n${name}`, sameName);
  }
  const adoptedBy = new Map<string, LogicalKey>();
  for (const r of folder.values()) {
    if (!ADOPTED_KINDS.has(r.kind)) continue;
    const name = nameOf(r.doc);
    const choice = choices[r.key];
    const ofKind = resources.filter((a) => a.kind === r.kind);
    const candidates = ofKind
      .filter((a) => (choice !== undefined ? a.id === choice || a.doc.name === choice : name !== undefined && a.doc.name === name))
      .map((a) => ({ id: a.id, name: String(a.doc.name) }));
    const integrationName = adoption.integration!.name;
    if (choice !== undefined && candidates.length !== 1) {
      adoption.problems.push(
        `--bind ${r.key}=${choice}: ${candidates.length === 0 ? 'no' : candidates.length} ${singularOf(r.kind)}${candidates.length > 1 ? 's' : ''} of the integration "${integrationName}" ${candidates.length > 1 ? 'have' : 'has'} that id or exact name`,
      );
      continue;
    }
    if (candidates.length === 0) continue; // created
    const folderTwins = choice === undefined ? (namesakes.get(`${r.kind}\n${name}`) ?? []) : [r.key];
    if (candidates.length > 1 || folderTwins.length > 1) {
      adoption.ambiguous.set(r.key, candidates);
      adoption.problems.push(
        candidates.length > 1
          ? `${r.key}: ${candidates.length} ${r.kind} of the integration "${integrationName}" are named "${name}" (${ids(candidates)}): choose one`
          : `${folderTwins.join(' and ')} are all named "${name}", and the integration "${integrationName}" has one ${singularOf(r.kind)} of that name (${candidates[0]!.id}): choose which file it is`,
      );
      continue;
    }
    const id = candidates[0]!.id;
    const twin = adoptedBy.get(id);
    if (twin) {
      adoption.problems.push(`${twin} and ${r.key} would both adopt ${singularOf(r.kind)} ${id}: choose another for one of them`);
      continue;
    }
    adoptedBy.set(id, r.key);
    adoption.ids.set(r.key, id);
  }
}

function nameOf(doc: Record<string, unknown>): string | undefined {
  return typeof doc.name === 'string' ? doc.name : undefined;
}

function ids(candidates: Candidate[]): string {
  return candidates.map((c) => c.id).join(', ');
}
