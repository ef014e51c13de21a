/**
 * The parts of an input schema that many tools share: the environment, a resource by kind and id,
 * and paging. Each goes with its reader in input.ts, so what a schema promises (a default, a
 * maximum) is what the reader does.
 */
import { Paging } from './input';

export const ENVIRONMENT_PROPERTY = {
  type: 'string',
  description: 'Environment name or id (optional when there is only one).',
} as const;

/** `kind` among `kinds` and `id`, as integratorFindResources gives them. */
export function resourceProperties(kinds: readonly string[]) {
  return {
    kind: { type: 'string', enum: [...kinds] },
    id: { type: 'string', description: 'The resource id (from integratorFindResources).' },
  } as const;
}

/** `offset` and `limit` of a page of `what` (plural: "entries", "runs"). */
export function pageProperties(what: string, paging: Paging) {
  return {
    offset: { type: 'integer', minimum: 0, maximum: paging.maxOffset, description: `Skip this many ${what} (paging).` },
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: paging.maxLimit,
      description: `At most this many ${what} (default ${paging.defaultLimit}).`,
    },
  } as const;
}
