/**
 * Which environment a pulled folder is compared with in the Source Control view, and under which
 * binding file. The extension names a binding file after the environment (`.integrator-io/acme-dev.json`
 * for "Acme Dev"), so that two accounts of one region are two environments and a team that names
 * its environments alike shares binding files. A folder pulled by the CLI (whose file is named
 * after the URL) is recognised by the base URL its binding file records, by the one rule the CLI
 * follows too (iac/bindingChoice.ts): so the folder plans the same in both.
 */
import { baseUrlOf } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { bindingNameForEnvironment, listBindingFiles } from '../iac/bindingChoice';
import { slugify } from '../iac/keys';

/** The binding file name an environment gives a folder that has none for it: its name as a slug. */
export function bindingNameOf(env: EnvironmentInfo): string {
  return slugify(env.name);
}

/** The binding file of `env` (reached at `baseUrl`) in `dir`: its own, or one the CLI wrote for the same base URL. */
export function bindingNameIn(dir: string, env: EnvironmentInfo, baseUrl: string, environments: readonly EnvironmentInfo[]): string {
  const others = environments.filter((e) => e.id !== env.id).map(bindingNameOf);
  return bindingNameForEnvironment(dir, bindingNameOf(env), baseUrl, others);
}

/**
 * The environments the folder has a binding file for, in the store's order. The local sandbox's
 * base URL is known only once it runs, so it is recognised by its name alone.
 */
export function boundEnvironments(dir: string, environments: readonly EnvironmentInfo[]): EnvironmentInfo[] {
  let names: Set<string>;
  try {
    names = new Set(listBindingFiles(dir).map((f) => f.name));
  } catch {
    return [];
  }
  return environments.filter((env) => {
    if (names.has(bindingNameOf(env))) return true;
    const baseUrl = baseUrlOf(env);
    return baseUrl !== undefined && names.has(bindingNameIn(dir, env, baseUrl, environments));
  });
}

/** The environment to compare with: the one chosen before, else the active one, else the first bound. */
export function chooseEnvironment(
  bound: readonly EnvironmentInfo[],
  remembered: string | undefined,
  active: EnvironmentInfo | undefined,
): EnvironmentInfo | undefined {
  return bound.find((e) => e.id === remembered) ?? bound.find((e) => e.id === active?.id) ?? bound[0];
}
