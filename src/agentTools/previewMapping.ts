/**
 * integratorPreviewMapping: an import's mapping applied to sample records, by the API's mapping
 * evaluation (`POST /connections/:id/import/map`), as the mapping preview does: nothing is
 * written to the target application and the import is not saved.
 */
import { textOf } from '../model/describe';
import { environmentField, environmentLabel, environmentOf, inputObject, MAX_RECORDS, recordsOf, requiredId } from './input';
import { accountData, AgentTool, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY } from './schemaParts';

export interface PreviewMappingInput {
  environment?: string;
  importId: string;
  records: Record<string, unknown>[];
}

/** The mapped records a model is given as JSON text; more is cut, said so. */
const MAX_OUTPUT = 50_000;

export const previewMapping: AgentTool<PreviewMappingInput> = {
  name: 'integratorPreviewMapping',
  title: "Preview an integrator.io import's mapping",
  description:
    "Applies an integrator.io import's saved mapping to sample records and returns the records as the import would send them, by integrator.io's own mapping evaluation. Nothing is written to the target application and nothing is saved. Use it to check a mapping against real-looking data.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      importId: { type: 'string', description: 'The import id.' },
      records: {
        type: 'array',
        items: { type: 'object' },
        maxItems: MAX_RECORDS,
        description: 'Sample records, as the import receives them.',
      },
    },
    required: ['importId', 'records'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'importId', 'records']);
    if (o.records === undefined) throw new ToolInputError('"records" is required: an array of JSON objects.');
    return { importId: requiredId(o, 'importId'), records: recordsOf(o.records), ...environmentField(o) };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const importDoc = await client.imports.get(input.importId, { signal: context.signal });
    const connectionId = textOf(importDoc._connectionId);
    if (!connectionId) throw new ToolInputError(`The import ${input.importId} has no connection, so its mapping cannot be evaluated.`);
    const mapped = await client.connectionActions.importMap(connectionId, importDoc, input.records, { signal: context.signal });
    const text = JSON.stringify(mapped);
    return accountData({
      environment: environmentLabel(env),
      import: { id: input.importId, name: textOf(importDoc.name) ?? input.importId },
      ...(text.length > MAX_OUTPUT
        ? {
            mappedText: text.slice(0, MAX_OUTPUT),
            cut: `mapped records cut at ${MAX_OUTPUT} of ${text.length} characters of JSON: send fewer records`,
          }
        : { mapped }),
    });
  },
};
