/**
 * integratorFindResources: resources whose name has every word of a query (or whose id is the
 * query), across environments and kinds, as Find Resource searches (model/accountSearch.ts); or,
 * without a query, every resource of a kind (or of an integration), paged. When no environment
 * could be read at all, the tool fails with the reason: "0 matches" would be a wrong answer.
 */
import { IntegratorClient } from '../api';
import { IntegrationChild } from '../api/client';
import { IntegratorApiError } from '../api/errors';
import { ResourceBase } from '../api/types';
import { ALL_KINDS, ResourceKind } from '../model/resourceKinds';
import { listForSearch, matches, SearchHit, SEARCHED_KINDS } from '../model/accountSearch';
import { dataName } from '../model/accountText';
import { textOf } from '../model/describe';
import {
  environmentField,
  environmentLabel,
  environmentOf,
  inputObject,
  oneOf,
  optionalText,
  pageOf,
  type Paging,
  requiredId,
} from './input';
import { accountData, AgentTool, ToolContext, ToolEnvironment, ToolInputError } from './types';
import { pageProperties } from './schemaParts';

export interface FindInput {
  /** Absent: list rather than search (then `kind` or `integrationId` is given). */
  query?: string;
  environment?: string;
  kind?: ResourceKind;
  integrationId?: string;
  offset: number;
  limit: number;
}

const PAGING: Paging = { maxOffset: 1_000_000, maxLimit: 100, defaultLimit: 25 };
/** The kinds an integration lists (`/integrations/:id/<kind>`). */
const INTEGRATION_KINDS: readonly (ResourceKind & IntegrationChild)[] = ['flows', 'exports', 'imports', 'connections'];

export const findResources: AgentTool<FindInput> = {
  name: 'integratorFindResources',
  title: 'Find integrator.io resources',
  description:
    'Finds Celigo integrator.io resources (flows, exports, imports, connections, integrations, scripts, file definitions) whose name contains every word of the query, or whose id is the query, in the signed-in environments. Without a query it lists instead: every resource of the given kind, or of the given integration (integrationId: its flows, exports, imports and connections, or only the given kind of them); a query and an integrationId search that integration. Returns kind, id, name and environment of each, a page at a time (offset/limit) with the total. Fails, saying why, when no environment could be read (a wrong or expired token). Use it first to get the ids the other integrator tools take.',
  inputSchema: {
    type: 'object',
    properties: {
      query: {
        type: 'string',
        description:
          'Words that all appear in the name (case-insensitive), or a whole resource id. Omit to list (then give kind or integrationId).',
      },
      environment: { type: 'string', description: 'Environment name or id; omit to search every signed-in environment.' },
      kind: { type: 'string', enum: [...ALL_KINDS], description: 'Only this kind of resource.' },
      integrationId: {
        type: 'string',
        description: "Only this integration's resources (flows, exports, imports, connections).",
      },
      ...pageProperties('matches', PAGING),
    },
  },
  read(input) {
    const o = inputObject(input, ['query', 'environment', 'kind', 'integrationId', 'offset', 'limit']);
    const query = optionalText(o, 'query');
    const kind = oneOf(o, 'kind', ALL_KINDS);
    const integrationId = o.integrationId === undefined || o.integrationId === null ? undefined : requiredId(o, 'integrationId');
    if (!query && !kind && !integrationId)
      throw new ToolInputError('Give "query" to search, or "kind" (or "integrationId") to list without one.');
    if (integrationId && kind && !(INTEGRATION_KINDS as readonly string[]).includes(kind))
      throw new ToolInputError(`"integrationId" lists ${INTEGRATION_KINDS.join(', ')}; not ${kind}.`);
    return {
      ...(query ? { query } : {}),
      ...environmentField(o),
      ...(kind ? { kind } : {}),
      ...(integrationId ? { integrationId } : {}),
      ...pageOf(o, PAGING),
    };
  },
  async invoke(input, context) {
    const envs = input.environment ? [environmentOf(context, input.environment)] : context.environments();
    const found = [];
    const failures: { environment: string; error: string; status?: number }[] = [];
    for (const env of envs) {
      try {
        found.push(...(await search(context, env, input)));
      } catch (err) {
        // One environment that cannot be read (signed out, offline) does not hide the others' matches.
        const status = err instanceof IntegratorApiError ? err.status : undefined;
        failures.push({ environment: env.name, error: err instanceof Error ? err.message : String(err), ...(status ? { status } : {}) });
      }
    }
    if (envs.length && failures.length === envs.length) throw new Error(noEnvironmentRead(failures));
    const page = found.slice(input.offset, input.offset + input.limit);
    const next = input.offset + page.length;
    return accountData({
      ...(input.query ? {} : { listing: input.integrationId ? `the integration's ${input.kind ?? 'resources'}` : input.kind }),
      total: found.length,
      offset: input.offset,
      matches: page,
      ...(next < found.length ? { more: `${found.length - next} more: call again with offset ${next}.` } : {}),
      ...(!page.length && input.offset > 0 && input.offset >= found.length
        ? { none: `Offset ${input.offset} is past the end: there are ${found.length}.` }
        : {}),
      ...(failures.length ? { unreadEnvironments: failures.map(({ environment, error }) => ({ environment, error })) } : {}),
    });
  },
};

/** Why nothing was found: no environment answered. A refused token is named as the likely cause, and where to set it. */
function noEnvironmentRead(failures: { environment: string; error: string; status?: number }[]): string {
  const each = failures.map((f) => `"${f.environment}": ${f.error}`).join('; ');
  const refused = failures.some((f) => f.status === 401 || f.status === 403);
  const why = refused
    ? ' The API refused the token: it is wrong, expired or revoked. In VS Code, sign in to the environment again; for the MCP server (integrator-io mcp), set INTEGRATOR_IO_TOKEN to a valid API token of the account.'
    : '';
  return `No environment could be read, so nothing was searched. ${each}.${why}`;
}

async function search(context: ToolContext, env: ToolEnvironment, input: FindInput) {
  const client = await context.client(env.id);
  const { integrationId } = input;
  const lists = integrationId
    ? INTEGRATION_KINDS.filter((k) => !input.kind || k === input.kind).map(
        (kind) => () => integrationHits(client, integrationId, kind, context.signal),
      )
    : (input.kind ? [input.kind] : SEARCHED_KINDS).map((kind) => () => listForSearch(client, kind, context.signal));
  const hits = [];
  for (const list of lists) {
    for (const hit of await list()) {
      if (!input.query || matches(hit, input.query)) hits.push({ environment: environmentLabel(env), ...hit, name: dataName(hit.name) });
    }
  }
  return hits;
}

/** An integration's resources of one kind, as hits (names only, a page at a time). */
async function integrationHits(
  client: IntegratorClient,
  integrationId: string,
  kind: ResourceKind & IntegrationChild,
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for await (const page of client.integrationChildren<ResourceBase>(integrationId, kind, { include: ['name'], signal })) {
    for (const item of page)
      if (typeof item?._id === 'string')
        hits.push({ kind, id: item._id, name: textOf(item.name) ?? item._id, ...(kind === 'flows' ? { integrationId } : {}) });
  }
  return hits;
}
