/**
 * Which environment a pulled folder is compared with in the Source Control view. Binding files in
 * the extension are named after the environment (`.integrator-io/acme-dev.json` for "Acme Dev"),
 * so that two accounts of one region are two environments and a team that names its environments
 * alike shares binding files; the CLI takes the same name with `--env`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { EnvironmentInfo } from '../environments/environment';
import { slugify } from '../iac/keys';
import { BINDINGS_DIR } from '../iac/layout';

/** The binding file name of an environment: its name as a slug. */
export function bindingNameOf(env: EnvironmentInfo): string {
  return slugify(env.name);
}

/** The environments the folder has a binding file for, in the store's order. */
export async function boundEnvironments(dir: string, environments: readonly EnvironmentInfo[]): Promise<EnvironmentInfo[]> {
  let files: string[];
  try {
    files = await fs.readdir(path.join(dir, BINDINGS_DIR));
  } catch {
    return [];
  }
  const names = new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)));
  return environments.filter((env) => names.has(bindingNameOf(env)));
}

/** The environment to compare with: the one chosen before, else the active one, else the first bound. */
export function chooseEnvironment(
  bound: readonly EnvironmentInfo[],
  remembered: string | undefined,
  active: EnvironmentInfo | undefined,
): EnvironmentInfo | undefined {
  return bound.find((e) => e.id === remembered) ?? bound.find((e) => e.id === active?.id) ?? bound[0];
}
