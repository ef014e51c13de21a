/**
 * integratorRenderTemplate: renders a Handlebars template as integrator.io would, in the
 * template worker the editor's playground uses (handlebars/workerClient.ts: its own thread, a
 * time limit), over the context a step gives its templates (an import, a lookup or an export,
 * with the given records and, when named, the resource's settings), with what the editor would
 * underline (unknown helpers, paths no record has).
 */
import { templateContext, TemplateKind } from '../handlebars/templateContext';
import { runTemplate } from '../handlebars/workerClient';
import {
  environmentField,
  environmentLabel,
  environmentOf,
  inputObject,
  MAX_RECORDS,
  oneOf,
  recordsOf,
  requiredId,
  requiredText,
} from './input';
import { accountData, AgentTool, ToolInputError } from './types';
import { isJsonObject, JsonObject } from '../api/types';
import { redactStrings } from './redact';
import { maskSecrets } from './secrets';

export interface RenderInput {
  template: string;
  kind: TemplateKind;
  records: Record<string, unknown>[];
  environment?: string;
  resourceId?: string;
}

const KINDS: readonly TemplateKind[] = ['import', 'lookup', 'export'];
const MAX_TEMPLATE = 20_000;
/** The output a model is given; a longer one is cut, said so. */
const MAX_OUTPUT = 50_000;

export const renderTemplate: AgentTool<RenderInput> = {
  name: 'integratorRenderTemplate',
  title: 'Render an integrator.io Handlebars template',
  description:
    "Renders a Handlebars template the way integrator.io does (Celigo's helpers, its escaping) over sample records, in the context of an import, a lookup or an export (record, settings, connection, batch_of_records…). Optionally takes the export or import id whose settings fill the context (its secrets and tokens masked as ******). Returns the output or the template's problem with its line, and the editor's findings (unknown helpers, paths no record has). Changes nothing.",
  inputSchema: {
    type: 'object',
    properties: {
      template: { type: 'string', description: 'The Handlebars template text.' },
      kind: { type: 'string', enum: [...KINDS], description: 'Where the template runs: an import, a lookup or an export.' },
      records: { type: 'array', items: { type: 'object' }, maxItems: MAX_RECORDS, description: 'Sample records (the first is `record`).' },
      environment: { type: 'string', description: 'Environment name or id, with resourceId.' },
      resourceId: {
        type: 'string',
        description: 'The import (kind import) or export (lookup, export) whose settings and connection fill the context.',
      },
    },
    required: ['template', 'kind'],
  },
  read(input) {
    const o = inputObject(input, ['template', 'kind', 'records', 'environment', 'resourceId']);
    const kind = oneOf(o, 'kind', KINDS);
    if (!kind) throw new ToolInputError(`"kind" is required: one of ${KINDS.join(', ')}.`);
    return {
      template: requiredText(o, 'template', MAX_TEMPLATE),
      kind,
      records: recordsOf(o.records),
      ...environmentField(o),
      ...(o.resourceId !== undefined ? { resourceId: requiredId(o, 'resourceId') } : {}),
    };
  },
  async invoke(input, context) {
    let resource: Record<string, unknown> | undefined;
    let from: object | undefined;
    if (input.resourceId) {
      const env = environmentOf(context, input.environment);
      const client = await context.client(env.id);
      const collection = input.kind === 'import' ? client.imports : client.exports;
      resource = contextResource(input.kind, await collection.get(input.resourceId, { signal: context.signal }), context.redact);
      from = { environment: environmentLabel(env), id: input.resourceId };
    }
    const rendered = await runTemplate({
      template: input.template,
      context: templateContext({ kind: input.kind, records: input.records, ...(resource ? { resource } : {}) }),
      kind: input.kind,
      analyse: true,
    });
    const render = rendered.render;
    const output = render?.ok ? render.output : undefined;
    return accountData({
      ...(from ? { resource: from } : {}),
      ...(output !== undefined
        ? {
            output: output.length > MAX_OUTPUT ? output.slice(0, MAX_OUTPUT) : output,
            ...(output.length > MAX_OUTPUT ? { cut: `output cut at ${MAX_OUTPUT} of ${output.length} characters` } : {}),
          }
        : { problem: render && !render.ok ? render.problem : { message: 'The template was not rendered.' } }),
      findings: (rendered.findings ?? []).map((f) => ({
        severity: f.severity,
        message: f.message,
        line: f.start.line,
        column: f.start.column,
      })),
    });
  },
};

/**
 * The resource as the template sees it: its secrets masked and the environments' tokens masked
 * in every value (a header that holds the user's own key). A template can transform what it
 * reads (base64Encode, a hash), and the mask on the answer's way out matches a token only as it
 * is, so the mask comes before the template. Only this tool's context: the editor's playground
 * renders the user's own resource for the user.
 */
function contextResource(kind: TemplateKind, resource: JsonObject, redact?: (text: string) => string): JsonObject {
  const masked = maskSecrets(kind === 'import' ? 'imports' : 'exports', resource);
  const clean = redact ? redactStrings(masked, redact) : masked;
  return isJsonObject(clean) ? clean : {};
}
