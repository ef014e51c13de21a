/**
 * Binding files: `.integrator-io/<environment>.json`, one per environment the folder has been
 * pulled from or applied to. Account ids live here and nowhere else in the folder. Each entry
 * binds a logical key to an id, with the `lastModified` and the content fingerprint seen at the
 * last pull or apply: the base of the three-way comparison (folder, base, account).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { JsonObject } from '../api/types';
import { canonicalJson } from './canonical';
import { readConfined, realRoot, UnsafeFolderError } from './confinedFs';
import { writeIfChanged } from './folder';
import { errorMessage } from '../api/errors';
import { isJsonObject } from '../api/types';
import { avoidDeviceName } from './keys';
import { BINDINGS_DIR, isLogicalKey, LogicalKey } from './layout';
import { isObjectId } from './references';

export interface Binding {
  id: string;
  /** The account's `lastModified` at the last pull or apply. */
  lastModified?: string;
  /** The folder content's fingerprint at the last pull or apply. */
  hash: string;
  /**
   * A connection of this environment bound by its name on a promotion: its settings and
   * credentials belong to the environment, so applies never change it.
   */
  boundByName?: boolean;
}

export interface BindingFile {
  /** The environment's base URL, for people reading the file. */
  baseUrl: string;
  resources: Record<LogicalKey, Binding>;
}

/**
 * The default environment name for a base URL: its host, and its port when it has one, so that
 * two sandboxes on different ports are two environments (`api.integrator.io`, `127.0.0.1-3000`).
 */
export function environmentNameOf(baseUrl: string): string {
  const url = new URL(baseUrl);
  return avoidDeviceName(`${url.hostname}${url.port ? `-${url.port}` : ''}`.replace(/[^A-Za-z0-9.-]+/g, '-'));
}

/** Whether `dir` is a pulled folder: one with a binding file in `.integrator-io/` (the folder alone also holds Run Hook…'s samples). */
export async function isPulledFolder(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(path.join(dir, BINDINGS_DIR))).some((name) => name.endsWith('.json'));
  } catch {
    return false;
  }
}

/** The binding file of an environment, relative to the folder. */
export function bindingPathOf(environment: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
    throw new Error(`"${environment}" cannot name an environment: use letters, digits, dots, dashes and underscores.`);
  }
  return `${BINDINGS_DIR}/${environment}.json`;
}

/**
 * The binding file of an environment as the folder holds it (empty when there is none). It comes
 * from a pull request like any file of the folder: it is read through no link, each key must be a
 * logical key (`exports/<slug>`, never a path) and each id an account id, or the whole file is
 * refused, naming it.
 */
export async function readBindings(dir: string, environment: string, baseUrl: string): Promise<BindingFile> {
  const relative = bindingPathOf(environment);
  const text = readConfined(await realRoot(dir), relative);
  if (text === undefined) return { baseUrl, resources: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`${relative} is not valid JSON: ${errorMessage(err)}`);
  }
  const file = isJsonObject(parsed) ? parsed : {};
  const entries: [string, unknown][] = file.resources && typeof file.resources === 'object' ? Object.entries(file.resources) : [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const checked: Record<LogicalKey, Binding> = {};
  for (const [key, entry] of entries) {
    const written: string = key;
    if (!isLogicalKey(key)) {
      problems.push(`${relative} binds "${written}", which is not a logical key (<kind>/<lowercase-slug>)`);
      continue;
    }
    const id = isJsonObject(entry) ? entry.id : undefined;
    if (!isJsonObject(entry) || typeof id !== 'string' || !isObjectId(id)) {
      problems.push(`${relative} binds ${key} to ${JSON.stringify(id)}, which is not an account id`);
      continue;
    }
    const twin = ids.get(id);
    if (twin) problems.push(`${relative} binds both ${twin} and ${key} to ${id}`);
    ids.set(id, key);
    checked[key] = bindingFromEntry(entry, id);
  }
  if (problems.length) throw new UnsafeFolderError(problems);
  return { baseUrl: typeof file.baseUrl === 'string' ? file.baseUrl : baseUrl, resources: checked };
}

/**
 * An entry's fields, each read for what it is: a hash that is not a string never matches a
 * resource (so it counts as changed), and only `true` binds by name.
 */
function bindingFromEntry(entry: JsonObject, id: string): Binding {
  const binding: Binding = { id, hash: typeof entry.hash === 'string' ? entry.hash : '' };
  if (typeof entry.lastModified === 'string') binding.lastModified = entry.lastModified;
  if (entry.boundByName === true) binding.boundByName = true;
  return binding;
}

export async function writeBindings(dir: string, environment: string, bindings: BindingFile): Promise<void> {
  await writeIfChanged(dir, bindingPathOf(environment), canonicalJson(bindings));
}

/** Key by id, for turning an account's ids into the folder's keys. */
export function keysById(bindings: BindingFile): Map<string, LogicalKey> {
  return new Map(Object.entries(bindings.resources).map(([key, b]) => [b.id, key]));
}
