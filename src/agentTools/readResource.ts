/**
 * integratorReadResource: one resource's JSON as the API gives it (secrets arrive masked as
 * `******`, and are passed on so), with the ids it refers to (connections, exports, imports,
 * scripts, its integration) named, so a model need not look each one up.
 */
import { IntegratorClient } from '../api';
import { ALL_KINDS, RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { textOf } from '../model/describe';
import { referencesIn } from '../model/dependencies';
import { environmentLabel, environmentOf, inputObject, oneOf, optionalText, requiredId } from './input';
import { accountData, AgentTool, ToolInputError } from './types';

export interface ReadInput {
  environment?: string;
  kind: ResourceKind;
  id: string;
}

/** A flow with hundreds of steps names at most this many; the rest stay ids. */
const MAX_NAMED = 50;

export const readResource: AgentTool<ReadInput> = {
  name: 'integratorReadResource',
  title: 'Read an integrator.io resource',
  description:
    "Reads one integrator.io resource's JSON document by kind and id, as the API returns it: secrets are masked as ******. The ids it refers to (connections, exports, imports, scripts, its integration) are named in `references`. Read-only.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: { type: 'string', description: 'Environment name or id (optional when there is only one).' },
      kind: { type: 'string', enum: [...ALL_KINDS] },
      id: { type: 'string', description: 'The resource id (from integratorFindResources).' },
    },
    required: ['kind', 'id'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'kind', 'id']);
    const kind = oneOf(o, 'kind', ALL_KINDS);
    if (!kind) throw new ToolInputError(`"kind" is required: one of ${ALL_KINDS.join(', ')}.`);
    const environment = optionalText(o, 'environment');
    return { kind, id: requiredId(o, 'id'), ...(environment ? { environment } : {}) };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const document = await RESOURCE_KINDS[input.kind].collection(client).get(input.id, { signal: context.signal });
    const references = await nameReferences(client, referencesIn(document), context.signal);
    return accountData({ environment: environmentLabel(env), kind: input.kind, id: input.id, document, references });
  },
};

/** `{ id: { kind, name } }` for each reference; one that cannot be read says so instead of a name. */
export async function nameReferences(client: IntegratorClient, refs: Map<string, ResourceKind>, signal?: AbortSignal) {
  const named: Record<string, { kind: ResourceKind; name?: string; unread?: string }> = {};
  for (const [id, kind] of [...refs].slice(0, MAX_NAMED)) {
    try {
      const doc = await RESOURCE_KINDS[kind].collection(client).get(id, { signal });
      named[id] = { kind, name: textOf(doc.name) ?? id };
    } catch (err) {
      named[id] = { kind, unread: err instanceof Error ? err.message : String(err) };
    }
  }
  return named;
}
