/**
 * integratorDependencies: what one resource uses and what uses it, named, as "Show Dependencies"
 * reads them (model/dependencies.ts); for a script, also which hook each user makes of it and
 * with which function (hooks/hookUsage.ts, as the hook runner finds them). Paged over the whole
 * list (used-by first), since a connection may carry hundreds of exports.
 */
import { findHookUsages } from '../hooks/hookUsage';
import { dependenciesOf, DependencyItem } from '../model/dependencies';
import { ALL_KINDS, ResourceKind } from '../model/resourceKinds';
import { cutText } from '../model/accountText';
import { environmentField, environmentLabel, environmentOf, inputObject, pageOf, type Paging, resourceOf } from './input';
import { accountData, AgentTool } from './types';
import { ENVIRONMENT_PROPERTY, pageProperties, resourceProperties } from './schemaParts';

export interface DependenciesInput {
  environment?: string;
  kind: ResourceKind;
  id: string;
  offset: number;
  limit: number;
}

const PAGING: Paging = { maxOffset: 100_000, maxLimit: 200, defaultLimit: 50 };
const MAX_NAME = 300;

export const dependencies: AgentTool<DependenciesInput> = {
  name: 'integratorDependencies',
  title: "A resource's dependencies",
  description:
    'What one integrator.io resource (kind and id) uses and what uses it, each named: the connection, exports, imports, scripts, file definitions and integration it refers to (`uses`), and the flows that run an export or import, the exports and imports on a connection, the resources whose hooks name a script (`usedBy`; for a script, with the hook and function). Paged (offset/limit) with a total. Read-only.',
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      ...resourceProperties(ALL_KINDS),
      ...pageProperties('dependencies', PAGING),
    },
    required: ['kind', 'id'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'kind', 'id', 'offset', 'limit']);
    return { ...resourceOf(o, ALL_KINDS), ...pageOf(o, PAGING), ...environmentField(o) };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const signal = context.signal;
    const all = await dependenciesOf(client, input, signal);
    const hooks = input.kind === 'scripts' ? await findHookUsages(client, input.id) : [];
    // A hook found in the account that /dependencies did not list is a use all the same.
    const listed = new Set(all.map((i) => `${i.relation} ${i.id}`));
    const hookUsers: DependencyItem[] = hooks
      .filter((h) => !listed.has(`usedBy ${h.resourceId}`))
      .map((h) => ({ relation: 'usedBy', kind: h.kind, id: h.resourceId, name: h.resourceName, found: true }));
    const unique = [...new Map(hookUsers.map((i) => [i.id, i])).values()];
    const items = [...all.filter((i) => i.relation === 'usedBy'), ...unique, ...all.filter((i) => i.relation === 'uses')];
    const page = items.slice(input.offset, input.offset + input.limit);
    const next = input.offset + page.length;
    const hooksOf = (item: DependencyItem) =>
      hooks
        .filter((h) => item.relation === 'usedBy' && h.kind === item.kind && h.resourceId === item.id)
        .map((h) => ({ hook: h.type, function: cutText(h.functionName, MAX_NAME) }));
    return accountData({
      environment: environmentLabel(env),
      kind: input.kind,
      id: input.id,
      total: items.length,
      offset: input.offset,
      dependencies: page.map((item) => {
        const used = hooksOf(item);
        return {
          relation: item.relation,
          kind: item.kind,
          id: item.id,
          ...(item.found ? { name: cutText(item.name, MAX_NAME) } : { notFound: true }),
          ...(used.length ? { hooks: used } : {}),
        };
      }),
      ...(items.length > next ? { more: `More dependencies: call again with offset ${next}.` } : {}),
    });
  },
};
