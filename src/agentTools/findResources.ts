/**
 * integratorFindResources: resources whose name has every word of a query (or whose id is the
 * query), across environments and kinds, as Find Resource searches (model/accountSearch.ts).
 */
import { ALL_KINDS, ResourceKind } from '../model/resourceKinds';
import { listForSearch, matches, SEARCHED_KINDS } from '../model/accountSearch';
import { dataName } from '../model/accountText';
import { environmentLabel, environmentOf, inputObject, oneOf, optionalInteger, optionalText, requiredText } from './input';
import { accountData, AgentTool, ToolContext, ToolEnvironment } from './types';

export interface FindInput {
  query: string;
  environment?: string;
  kind?: ResourceKind;
  offset: number;
  limit: number;
}

const MAX_LIMIT = 100;

export const findResources: AgentTool<FindInput> = {
  name: 'integratorFindResources',
  title: 'Find integrator.io resources',
  description:
    'Finds Celigo integrator.io resources (flows, exports, imports, connections, integrations, scripts, file definitions) whose name contains every word of the query, or whose id is the query, in the signed-in environments. Returns kind, id, name and environment of each match, a page at a time (offset/limit) with the total. Use it first to get the ids the other integrator tools take.',
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'Words that all appear in the name (case-insensitive), or a whole resource id.' },
      environment: { type: 'string', description: 'Environment name or id; omit to search every signed-in environment.' },
      kind: { type: 'string', enum: [...ALL_KINDS], description: 'Only this kind of resource.' },
      offset: { type: 'integer', minimum: 0, description: 'Skip this many matches (paging).' },
      limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, description: 'At most this many matches (default 25).' },
    },
    required: ['query'],
  },
  read(input) {
    const o = inputObject(input, ['query', 'environment', 'kind', 'offset', 'limit']);
    const environment = optionalText(o, 'environment');
    const kind = oneOf(o, 'kind', ALL_KINDS);
    return {
      query: requiredText(o, 'query'),
      ...(environment ? { environment } : {}),
      ...(kind ? { kind } : {}),
      offset: optionalInteger(o, 'offset', 0, 1_000_000) ?? 0,
      limit: optionalInteger(o, 'limit', 1, MAX_LIMIT) ?? 25,
    };
  },
  async invoke(input, context) {
    const envs = input.environment ? [environmentOf(context, input.environment)] : context.environments();
    const kinds = input.kind ? [input.kind] : SEARCHED_KINDS;
    const found = [];
    const failures = [];
    for (const env of envs) {
      try {
        found.push(...(await search(context, env, kinds, input.query)));
      } catch (err) {
        // One environment that cannot be read (signed out, offline) does not hide the others' matches.
        failures.push({ environment: env.name, error: err instanceof Error ? err.message : String(err) });
      }
    }
    const page = found.slice(input.offset, input.offset + input.limit);
    const next = input.offset + page.length;
    return accountData({
      total: found.length,
      offset: input.offset,
      matches: page,
      ...(next < found.length ? { more: `${found.length - next} more: call again with offset ${next}.` } : {}),
      ...(failures.length ? { unreadEnvironments: failures } : {}),
    });
  },
};

async function search(context: ToolContext, env: ToolEnvironment, kinds: readonly ResourceKind[], query: string) {
  const client = await context.client(env.id);
  const hits = [];
  for (const kind of kinds) {
    for (const hit of await listForSearch(client, kind, context.signal)) {
      if (matches(hit, query)) hits.push({ environment: environmentLabel(env), ...hit, name: dataName(hit.name) });
    }
  }
  return hits;
}
