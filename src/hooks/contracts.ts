/**
 * What integrator.io passes to each hook and expects back (../shared/docs/hooks.md), as two
 * functions: `fillOptions` completes an `options` object with the documented fields the input
 * leaves out (empty values of the right type), and `checkContract` lists what a returned value
 * does wrong. No `vscode`: the CLI and the extension share it.
 */
import { isJsonObject } from '../api/types';

export const HOOK_TYPES = [
  'preSavePage',
  'preMap',
  'postMap',
  'postSubmit',
  'postAggregate',
  'postResponseMap',
  'filter',
  'transform',
  'router',
  'handleRequest',
] as const;

export type HookType = (typeof HOOK_TYPES)[number];

export function isHookType(value: string): value is HookType {
  return HOOK_TYPES.some((type) => type === value);
}

type Empty = () => unknown;
const list: Empty = () => [];
const object: Empty = () => ({});

/** Documented fields of `options` per hook, with the empty value each gets when left out. */
const FIELDS: Readonly<Record<HookType, Record<string, Empty>>> = {
  preSavePage: { data: list, errors: list, retryData: object, files: list, pageIndex: () => 0 },
  preMap: { data: list },
  postMap: { preMapData: list, postMapData: list },
  postSubmit: { preMapData: list, postMapData: list, responseData: list },
  postAggregate: { postAggregateData: () => ({ success: true }) },
  postResponseMap: { postResponseMapData: list, responseData: list, oneToMany: () => false, pathToMany: () => '' },
  filter: { record: object, pageIndex: () => 0 },
  transform: { record: object },
  router: { record: object },
  handleRequest: { method: () => 'GET', headers: object, queryString: object, body: object, rawBody: () => '' },
};

/** Present in most hooks (STUB, SKILL). */
const COMMON: Record<string, Empty> = {
  settings: object,
  configuration: object,
  testMode: () => true,
  job: () => ({ _id: 'local-run', type: 'flow', startedAt: new Date(0).toISOString() }),
};

export interface FilledOptions {
  options: Record<string, unknown>;
  /** The fields the runner added, so the user knows what the hook saw that they did not give. */
  filled: string[];
}

export function fillOptions(type: HookType, input: unknown): FilledOptions {
  const options: Record<string, unknown> = isJsonObject(input) ? { ...input } : {};
  const filled: string[] = [];
  for (const [field, empty] of Object.entries({ ...FIELDS[type], ...COMMON })) {
    if (options[field] === undefined) {
      options[field] = empty();
      filled.push(field);
    }
  }
  return { options, filled };
}

const describe = (v: unknown) =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? `an array of ${v.length}` : typeof v;

/**
 * Problems listed per result: past this many they are counted, not listed. A result of millions
 * of bad elements is a few megabytes of JSON, but a hundred characters of problem per element
 * grew to gigabytes on the host.
 */
export const MAX_PROBLEMS = 100;

/** A list of problems that keeps the first MAX_PROBLEMS and counts the rest. */
function problemList(first: string[] = []): { add(problem: string): void; done(): string[] } {
  const list = [...first];
  let more = 0;
  return {
    add(problem) {
      if (list.length < MAX_PROBLEMS) list.push(problem);
      else more++;
    },
    done: () => (more ? [...list, `…and ${more} more problem${more === 1 ? '' : 's'} like these`] : list),
  };
}

/** Keys named in a problem: a few, then how many more. */
function someKeys(keys: string[]): string {
  const named = keys.slice(0, 5).map((k) => `\`${k.length > 40 ? `${k.slice(0, 40)}…` : k}\``);
  return keys.length > 5 ? `${named.join(', ')} and ${keys.length - 5} more` : named.join(', ');
}

/** `[{ data }, { errors }, {}]`: one element per record, each an object with only `data` and `errors`. */
function perRecordProblems(type: HookType, result: unknown, expected: number, of: string): string[] {
  if (!Array.isArray(result))
    return [`${type} must return an array of the same length as \`options.${of}\` (${expected}), but returned ${describe(result)}`];
  const problems = problemList();
  if (result.length !== expected)
    problems.add(`${type} must return an array of the same length as \`options.${of}\` (${expected}), but returned ${result.length}`);
  result.forEach((element, i) => {
    if (!isJsonObject(element))
      problems.add(`element ${i} must be an object ({ data }, { errors }, both, or {} to ignore the record), but is ${describe(element)}`);
    else {
      const extra = Object.keys(element).filter((k) => k !== 'data' && k !== 'errors');
      if (extra.length) problems.add(`element ${i} has ${someKeys(extra)}: only \`data\` and \`errors\` are read`);
      if (element.errors !== undefined && !Array.isArray(element.errors)) problems.add(`element ${i}'s \`errors\` must be an array`);
    }
  });
  return problems.done();
}

function lengthOf(options: Record<string, unknown>, field: string): number {
  const value = options[field];
  return Array.isArray(value) ? value.length : 0;
}

/** The problems with what a hook returned; empty when it fits its contract. */
export function checkContract(type: HookType, options: Record<string, unknown>, result: unknown): string[] {
  switch (type) {
    case 'preSavePage': {
      if (!isJsonObject(result)) return [`preSavePage must return { data, errors }, but returned ${describe(result)}`];
      const problems: string[] = [];
      if (!Array.isArray(result.data)) problems.push(`preSavePage returned no \`data\` array (${describe(result.data)})`);
      if (result.errors !== undefined && !Array.isArray(result.errors)) problems.push('preSavePage returned `errors` that is not an array');
      if (result.abort !== undefined && typeof result.abort !== 'boolean') problems.push('`abort` must be true or false');
      if (result.newErrorsAndRetryData !== undefined && !Array.isArray(result.newErrorsAndRetryData))
        problems.push('`newErrorsAndRetryData` must be an array of { retryData, errors }');
      return problems;
    }
    case 'preMap':
      return perRecordProblems(type, result, lengthOf(options, 'data'), 'data');
    case 'postMap':
      return perRecordProblems(type, result, lengthOf(options, 'postMapData'), 'postMapData');
    case 'postSubmit': {
      const expected = lengthOf(options, 'responseData');
      if (!Array.isArray(result)) return [`postSubmit returned no \`responseData\` (an array of ${expected}), but ${describe(result)}`];
      const problems = problemList(
        result.length === expected
          ? []
          : [`postSubmit must return \`responseData\` of the same length (${expected}), but returned ${result.length}`],
      );
      result.forEach((element, i) => {
        if (!isJsonObject(element)) problems.add(`responseData element ${i} must be an object, but is ${describe(element)}`);
      });
      return problems.done();
    }
    case 'postAggregate':
      return result === undefined ? [] : [`postAggregate's return value is not read (it returned ${describe(result)})`];
    case 'postResponseMap':
      return Array.isArray(result) && result.length === lengthOf(options, 'postResponseMapData')
        ? []
        : [
            `postResponseMap must return \`postResponseMapData\` of the same length (${lengthOf(options, 'postResponseMapData')}), but returned ${describe(result)}`,
          ];
    case 'filter':
      return typeof result === 'boolean'
        ? []
        : [`a filter must return true (keep the record) or false (drop it), but returned ${describe(result)}`];
    case 'transform':
      return isJsonObject(result) ? [] : [`a transform must return the transformed record (an object), but returned ${describe(result)}`];
    case 'router':
      return Array.isArray(result) && result.every((b) => typeof b === 'number' || typeof b === 'string')
        ? []
        : [`a router script must return the branches to take (indices or names), but returned ${describe(result)}`];
    case 'handleRequest': {
      if (!isJsonObject(result)) return [`handleRequest must return { statusCode, headers?, body }, but returned ${describe(result)}`];
      return typeof result.statusCode === 'number' ? [] : ['handleRequest returned no numeric `statusCode`'];
    }
  }
}

/** What a router returned, said plainly: indices (the stub's way) or names (the newer schema's). */
export function routerReturnKind(result: unknown): 'indices' | 'names' | undefined {
  if (!Array.isArray(result) || !result.length) return undefined;
  return result.every((b) => typeof b === 'number') ? 'indices' : result.every((b) => typeof b === 'string') ? 'names' : undefined;
}
