/**
 * Which binding file a folder is compared with, by one rule for VS Code and the CLI. VS Code names
 * a binding file after the environment (`acme-dev`), the CLI after the URL's host and port; so
 * that a folder pulled by one plans the same in the other (and an `apply --yes` in CI never
 * creates the integration a second time), each also recognises the other's file by the base URL
 * it records:
 *
 *   CLI without --env  the one file whose baseUrl equals --url; none: a new one named after the
 *                      URL; more than one: refused, listing them, until --env names one.
 *   VS Code            the file named after the environment; else the one file whose baseUrl
 *                      equals the environment's and that no other environment is named for;
 *                      else a new one named after the environment.
 */
import { normaliseBaseUrl } from '../api';
import { environmentNameOf } from './bindings';
import { listConfined, readOpened, realRootSync } from './confinedFs';
import { isJsonObject } from '../api/types';
import { BINDINGS_DIR } from './layout';

export interface BindingFileInfo {
  /** The environment name: the file's name without `.json`. */
  name: string;
  /** The base URL it records, normalised; undefined when it records none (or is not JSON). */
  baseUrl?: string;
}

export class AmbiguousBindingError extends Error {
  constructor(
    readonly baseUrl: string,
    readonly names: readonly string[],
  ) {
    super(`${names.length} binding files record ${baseUrl} (${names.join(', ')}): name one with --env.`);
  }
}

/** The folder's binding files, each with the base URL it records. Read through no link. */
export function listBindingFiles(dir: string): BindingFileInfo[] {
  const root = realRootSync(dir);
  // Only the binding files themselves are refused when odd; `.integrator-io/samples/` and the like are not read here.
  const names = listConfined(root, BINDINGS_DIR, (name) => name.endsWith('.json')) ?? [];
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), baseUrl: recordedBaseUrl(readOpened(root, `${BINDINGS_DIR}/${file}`)) }));
}

function recordedBaseUrl(text: string): string | undefined {
  try {
    const recorded: unknown = JSON.parse(text);
    return isJsonObject(recorded) && typeof recorded.baseUrl === 'string' ? normaliseBaseUrl(recorded.baseUrl) : undefined;
  } catch {
    return undefined;
  }
}

function matching(files: readonly BindingFileInfo[], baseUrl: string): BindingFileInfo[] {
  const wanted = normaliseBaseUrl(baseUrl);
  return files.filter((f) => f.baseUrl === wanted);
}

/** The CLI's rule: the binding file for `--url` when `--env` is not given. */
export function bindingNameForUrl(dir: string, baseUrl: string): string {
  const found = matching(listBindingFiles(dir), baseUrl);
  if (found.length > 1)
    throw new AmbiguousBindingError(
      normaliseBaseUrl(baseUrl),
      found.map((f) => f.name),
    );
  return found[0]?.name ?? environmentNameOf(baseUrl);
}

/**
 * VS Code's rule: the binding file of an environment named `ownName` (its name as a slug) reached
 * at `baseUrl`; `otherNames` are the binding names of the user's other environments.
 */
export function bindingNameForEnvironment(dir: string, ownName: string, baseUrl: string, otherNames: readonly string[]): string {
  const files = listBindingFiles(dir);
  if (files.some((f) => f.name === ownName)) return ownName;
  const others = new Set(otherNames);
  const found = matching(files, baseUrl).filter((f) => !others.has(f.name));
  return found.length === 1 ? found[0]!.name : ownName;
}
