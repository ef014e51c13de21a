/**
 * The one shape of a command: what it acts on (worked out from what VS Code passed: a tree row,
 * the editor, or a target the extension's API built), what it does with it, and one error path.
 * A command that finds nothing to act on says what it needs; a command that fails says what
 * failed and why, once, as a notification (which the Notifier also writes to the log).
 */
import { ResourceKind } from '../model/resourceKinds';
import { describeError } from '../util/errors';
import { isObject } from '../util/guards';
import { fromApi, resourceTarget, ResourceTarget } from './resourceTarget';
import { Reopen } from '../webviews/statefulPanel';
import { CommandDefinition, Services } from './services';

/** A target the user was asked for and declined (Escape on a pick): the command ends without a word. */
export const DECLINED = Symbol('declined');

export interface CommandSpec<Target, Options extends object = Record<string, never>> {
  id: string;
  /** What the command acts on, or undefined when VS Code passed nothing it can act on (DECLINED: the user said no). */
  target(services: Services, arg: unknown): Target | undefined | typeof DECLINED | Promise<Target | undefined | typeof DECLINED>;
  /** Said when there is nothing to act on; left out, the command then does nothing. */
  needs?: string;
  /**
   * Extra options, read only with a target the extension's API built (tests, scripts): a link
   * or keybinding cannot pass them.
   */
  options?(raw: unknown): Options;
  /** What failed, as the start of "<failure>: <reason>". */
  failure(target: Target): string;
  run(services: Services, target: Target, options: Partial<Options>): unknown;
}

export function defineCommand<Target, Options extends object = Record<string, never>>(
  spec: CommandSpec<Target, Options>,
): CommandDefinition {
  return {
    id: spec.id,
    async run(services, arg?: unknown, rawOptions?: unknown) {
      const target = await spec.target(services, arg);
      if (target === DECLINED) return undefined;
      if (target === undefined) {
        if (spec.needs) void services.notify.info(spec.needs);
        return undefined;
      }
      const options: Partial<Options> = fromApi(arg) && spec.options ? spec.options(rawOptions) : {};
      try {
        return await spec.run(services, target, options);
      } catch (err) {
        void services.notify.error(`${spec.failure(target)}: ${describeError(err)}`);
        return undefined;
      }
    },
  };
}

/** A resource the user chose, of one of these kinds (any kind when none are named). */
export function resourceOf(...kinds: ResourceKind[]): (services: Services, arg: unknown) => ResourceTarget | undefined {
  return (services, arg) => {
    const target = resourceTarget(services, arg);
    return target && (kinds.length === 0 || kinds.includes(target.kind)) ? target : undefined;
  };
}

/** What reopens a view about `target` after a reload: `command` run again on it (webviews/statefulPanel.ts). */
export function reopenWith(command: string, key: string, target: ResourceTarget): Reopen {
  return { command, key, envId: target.env.id, kind: target.kind, id: target.id, ...(target.name ? { name: target.name } : {}) };
}

/** `"Orders to NetSuite"`: how messages name a target. */
export function quoted(target: { name?: string | undefined; id: string }): string {
  return `"${target.name ?? target.id}"`;
}

/** One field of an options object, whatever it is (undefined when `raw` is no object). */
export function optionValue(raw: unknown, name: string): unknown {
  return isObject(raw) ? raw[name] : undefined;
}

/** Reads one boolean option, if it is one. */
export function booleanOption(raw: unknown, name: string): boolean | undefined {
  const value = optionValue(raw, name);
  return typeof value === 'boolean' ? value : undefined;
}

/** Reads one number option, if it is a finite one. */
export function numberOption(raw: unknown, name: string): number | undefined {
  const value = optionValue(raw, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads one string option, if it is one. */
export function stringOption(raw: unknown, name: string): string | undefined {
  const value = optionValue(raw, name);
  return typeof value === 'string' ? value : undefined;
}
