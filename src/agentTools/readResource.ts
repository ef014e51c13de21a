/**
 * integratorReadResource: one resource's JSON as the API gives it, with the ids it refers to
 * (connections, exports, imports, scripts, its integration) named, so a model need not look each
 * one up. Secrets arrive masked as `******`; any the API left in clear text are masked here
 * (secrets.ts). A document too large for a model's context (a script of megabytes) is cut, said so.
 */
import { IntegratorClient } from '../api';
import { ALL_KINDS, RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { textOf } from '../model/describe';
import { referencesIn } from '../model/dependencies';
import { environmentField, environmentLabel, environmentOf, inputObject, resourceOf } from './input';
import { accountData, AgentTool } from './types';
import { cutText } from '../model/accountText';
import { maskCredentials, maskSecrets } from './secrets';
import { ENVIRONMENT_PROPERTY, resourceProperties } from './schemaParts';

export interface ReadInput {
  environment?: string;
  kind: ResourceKind;
  id: string;
}

/** A flow with hundreds of steps names at most this many; the rest stay ids. */
const MAX_NAMED = 50;
/** A document's JSON a model is given whole; a larger one is cut, said so (the other tools cut their output at the same size). */
export const MAX_DOCUMENT_TEXT = 50_000;
/** A referenced resource's name or the reason it could not be read, cut: no real name is longer. */
const MAX_REFERENCE_TEXT = 200;

export const readResource: AgentTool<ReadInput> = {
  name: 'integratorReadResource',
  title: 'Read an integrator.io resource',
  description:
    "Reads one integrator.io resource's JSON document by kind and id, as the API returns it: secrets are masked as ******. The ids it refers to (connections, exports, imports, scripts, its integration) are named in `references`. Read-only.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      ...resourceProperties(ALL_KINDS),
    },
    required: ['kind', 'id'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'kind', 'id']);
    return { ...resourceOf(o, ALL_KINDS), ...environmentField(o) };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const read = await RESOURCE_KINDS[input.kind].collection(client).get(input.id, { signal: context.signal });
    const document = maskCredentials(maskSecrets(input.kind, read));
    const references = await nameReferences(client, referencesIn(document), context.signal);
    return accountData({
      environment: environmentLabel(env),
      kind: input.kind,
      id: input.id,
      ...documentOrCut(document, context.redact),
      references,
    });
  },
};

/**
 * `{ document }`, or, past MAX_DOCUMENT_TEXT characters of JSON, the first of them as text and a
 * sentence saying how large it is. The text is masked before it is cut: a cut inside a token
 * would leave a piece the mask on the way out could only guess at.
 */
function documentOrCut(
  document: unknown,
  redact: (text: string) => string = (text) => text,
): { document: unknown } | { documentText: string; cut: string } {
  const text = JSON.stringify(document) ?? '';
  if (text.length <= MAX_DOCUMENT_TEXT) return { document };
  return {
    documentText: redact(text).slice(0, MAX_DOCUMENT_TEXT),
    cut: `The document is ${text.length} characters of JSON, too large to give whole: documentText holds its first ${MAX_DOCUMENT_TEXT}; the rest is left out.`,
  };
}

/** `{ id: { kind, name } }` for each reference; one that cannot be read says so instead of a name. */
export async function nameReferences(client: IntegratorClient, refs: Map<string, ResourceKind>, signal?: AbortSignal) {
  const named: Record<string, { kind: ResourceKind; name?: string; unread?: string }> = {};
  for (const [id, kind] of [...refs].slice(0, MAX_NAMED)) {
    try {
      const doc = await RESOURCE_KINDS[kind].collection(client).get(id, { signal });
      named[id] = { kind, name: cutText(textOf(doc.name) ?? id, MAX_REFERENCE_TEXT) };
    } catch (err) {
      named[id] = { kind, unread: cutText(err instanceof Error ? err.message : String(err), MAX_REFERENCE_TEXT) };
    }
  }
  return named;
}
