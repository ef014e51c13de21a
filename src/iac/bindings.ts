/**
 * Binding files: `.integrator-io/<environment>.json`, one per environment the folder has been
 * pulled from or applied to. Account ids live here and nowhere else in the folder. Each entry
 * binds a logical key to an id, with the `lastModified` and the content fingerprint seen at the
 * last pull or apply: the base of the three-way comparison (folder, base, account).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { canonicalJson } from './canonical';
import { writeIfChanged } from './folder';
import { BINDINGS_DIR, LogicalKey } from './layout';

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
  return `${url.hostname}${url.port ? `-${url.port}` : ''}`.replace(/[^A-Za-z0-9.-]+/g, '-');
}

/** Whether `dir` is a pulled folder: one with a binding file in `.integrator-io/` (the folder alone also holds Run Hook…'s samples). */
export async function isPulledFolder(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(path.join(dir, BINDINGS_DIR))).some((name) => name.endsWith('.json'));
  } catch {
    return false;
  }
}

export function bindingFileOf(dir: string, environment: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
    throw new Error(`"${environment}" cannot name an environment: use letters, digits, dots, dashes and underscores.`);
  }
  return path.join(dir, BINDINGS_DIR, `${environment}.json`);
}

export async function readBindings(dir: string, environment: string, baseUrl: string): Promise<BindingFile> {
  const file = bindingFileOf(dir, environment);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { baseUrl, resources: {} };
    throw err;
  }
  let parsed: Partial<BindingFile>;
  try {
    parsed = JSON.parse(text) as Partial<BindingFile>;
  } catch (err) {
    throw new Error(`${path.join(BINDINGS_DIR, `${environment}.json`)} is not valid JSON: ${(err as Error).message}`);
  }
  return { baseUrl: parsed.baseUrl ?? baseUrl, resources: { ...(parsed.resources ?? {}) } };
}

export async function writeBindings(dir: string, environment: string, bindings: BindingFile): Promise<void> {
  await writeIfChanged(bindingFileOf(dir, environment), canonicalJson(bindings));
}

/** Key by id, for turning an account's ids into the folder's keys. */
export function keysById(bindings: BindingFile): Map<string, LogicalKey> {
  return new Map(Object.entries(bindings.resources).map(([key, b]) => [b.id, key]));
}
