/**
 * integratorPreviewExport: the first page of an export's records, as Preview Export shows them:
 * the stored export run as a virtual export through its connection
 * (`POST /connections/:id/export/pages`), which reads the source application and saves nothing
 * (no job, no state kept). Running it performs what the export says against the application, so
 * only an export that can only read is run (model/exportSafety.ts); any other is refused with
 * the reason, for the user to preview themselves. Only the first page is asked for; of it, a model is given a slice
 * (offset/limit) cut at a size, with the page's count and the export's total where the API says it.
 */
import { isJsonObject } from '../api/types';
import { quotedName } from '../model/accountText';
import { textOf } from '../model/describe';
import { exportReadsOnly, withoutServerScripts } from '../model/exportSafety';
import { environmentField, environmentLabel, environmentOf, inputObject, pageOf, type Paging, requiredId } from './input';
import { accountData, AgentTool, ToolInputError } from './types';
import { ENVIRONMENT_PROPERTY, pageProperties } from './schemaParts';

export interface PreviewExportInput {
  environment?: string;
  exportId: string;
  offset: number;
  limit: number;
}

const PAGING: Paging = { maxOffset: 100_000, maxLimit: 50, defaultLimit: 10 };
/** The records a model is given as JSON text; past it the slice is cut, said so. */
const MAX_OUTPUT = 50_000;

export const previewExport: AgentTool<PreviewExportInput> = {
  name: 'integratorPreviewExport',
  title: "Preview an integrator.io export's first page",
  description:
    "Runs an integrator.io export as a preview (a virtual export through its connection, as the extension's Preview Export does) and returns records of its first page, a slice at a time (offset/limit), with how many the page holds and the export's total when integrator.io says it. Only an export that can only read is run (HTTP GET, a NetSuite or Salesforce search); any other is refused with the reason. Its own scripts (hooks, a script transform or filter) are left out of the run, so the records are the application's, before them. The export is not run as a flow step: no job, nothing saved or sent on. Webhook and data-loader exports have nothing to preview.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      exportId: { type: 'string', description: 'The export id.' },
      ...pageProperties("of the first page's records", PAGING),
    },
    required: ['exportId'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'exportId', 'offset', 'limit']);
    return { exportId: requiredId(o, 'exportId'), ...pageOf(o, PAGING), ...environmentField(o) };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const exportDoc = await client.exports.get(input.exportId, { signal: context.signal });
    const name = textOf(exportDoc.name) ?? input.exportId;
    const connectionId = textOf(exportDoc._connectionId);
    if (!connectionId)
      throw new ToolInputError(
        `The export "${name}" has no connection to run through (webhook and data-loader exports receive records instead): nothing to preview.`,
      );
    const safety = exportReadsOnly(exportDoc);
    if (!safety.readsOnly)
      throw new ToolInputError(
        `The export ${quotedName(name)} was not run: ${safety.reason}, and an agent's preview only runs exports that only read (HTTP GET, NetSuite and Salesforce searches). To see its records, preview it yourself in VS Code (Preview Export on the export).`,
      );
    // What integrator.io would run of the account's code during the run (hooks, script transform or
    // filter) may write: left out, and said so; the records are the application's, before them.
    const { doc: sent, dropped } = withoutServerScripts(exportDoc);
    const page = await client.connectionActions.exportPage(connectionId, sent, undefined, { signal: context.signal });
    const state = isJsonObject(page.pagedExportState) ? page.pagedExportState : undefined;
    const shown = page.data.slice(input.offset, input.offset + input.limit);
    const next = input.offset + shown.length;
    const text = JSON.stringify(shown);
    return accountData({
      environment: environmentLabel(env),
      export: { id: input.exportId, name },
      ...(dropped.length
        ? { notRun: `The export's ${dropped.join(' and ')} did not run: the records are the application's, before them.` }
        : {}),
      recordsOnFirstPage: page.data.length,
      ...(typeof state?.totalRecords === 'number' ? { totalRecords: state.totalRecords } : {}),
      ...(state && state.done !== true
        ? { morePages: 'The export yields more pages than this first one; the preview shows the first only.' }
        : {}),
      offset: input.offset,
      ...(text.length > MAX_OUTPUT
        ? {
            recordsText: text.slice(0, MAX_OUTPUT),
            cut: `records cut at ${MAX_OUTPUT} of ${text.length} characters of JSON: ask for fewer (limit)`,
          }
        : { records: shown }),
      ...(next < page.data.length ? { more: `More records on the first page: call again with offset ${next}.` } : {}),
    });
  },
};
