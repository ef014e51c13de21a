/**
 * A first sample `options` for a hook, from real data where it can be had cheaply: a page of the
 * export that uses a preSavePage hook (run as a virtual export), the records an import's flow
 * feeds it for preMap (and their mapped output for postMap and postSubmit, with one 422 in
 * postSubmit's responseData to exercise error paths), one record for filters and transforms.
 * The user edits it from there; it is kept per script and function.
 */
import { IntegratorClient } from '../api';
import { ExportCheck } from './apiCalls';
import { fillOptions, HookType } from './contracts';
import { HookUsage } from './hookUsage';

const SAMPLE_RECORDS = 10;

export async function sampleOptions(
  /** Where real records come from; without one (a folder not compared with an environment), an example record. */
  client: IntegratorClient | undefined,
  type: HookType,
  usage: HookUsage | undefined,
  /** Whether the export that feeds the hook may be run (apiCalls.ts); refused, the sample holds an example record. */
  exportCheck?: ExportCheck,
): Promise<Record<string, unknown>> {
  const records = client ? await recordsFor(client, usage, exportCheck).catch((): unknown[] => []) : [];
  const some = records.length ? records : [{ id: 1, name: 'Example record' }];
  const ids = usage
    ? { [usage.kind === 'exports' ? '_exportId' : usage.kind === 'imports' ? '_importId' : '_flowId']: usage.resourceId }
    : {};
  let input: Record<string, unknown>;
  switch (type) {
    case 'preSavePage':
      input = { data: some, errors: [], pageIndex: 0 };
      break;
    case 'preMap':
      input = { data: some };
      break;
    case 'postMap':
    case 'postSubmit': {
      const mapped = client && usage?.kind === 'imports' ? await mappedOutput(client, usage.resourceId, some).catch(() => some) : some;
      input = { preMapData: some, postMapData: mapped };
      if (type === 'postSubmit')
        input.responseData = mapped.map((_, i) =>
          i === mapped.length - 1 && mapped.length > 1
            ? {
                statusCode: 422,
                errors: [{ code: 'invalid_field', message: 'A sample failure: the application refused this record.' }],
                ignored: false,
              }
            : { statusCode: 200, id: `local-${i + 1}`, errors: [], ignored: false, _json: {} },
        );
      break;
    }
    case 'postResponseMap':
      input = { postResponseMapData: some, responseData: some.map(() => ({ statusCode: 200, errors: [] })) };
      break;
    case 'postAggregate':
      input = { postAggregateData: { success: true, _json: {} } };
      break;
    case 'handleRequest':
      input = { method: 'GET', headers: {}, queryString: {}, body: {}, pathParams: {} };
      break;
    default:
      input = { record: some[0] };
  }
  return fillOptions(type, { ...ids, ...input }).options;
}

/** A page of records from the export that uses the hook, or that feeds the import's flow. */
async function recordsFor(client: IntegratorClient, usage: HookUsage | undefined, exportCheck?: ExportCheck): Promise<unknown[]> {
  if (!usage) return [];
  // Found with the uses when they were read from the account: no flow to look up then.
  const exportId = usage.feedingExportId ?? (usage.kind === 'exports' ? usage.resourceId : await feedingExportOf(client, usage));
  if (!exportId) return [];
  // Run as a virtual export as it is stored.
  const stored = await client.exports.get(exportId);
  const verdict = exportCheck?.(stored);
  if (typeof stored._connectionId !== 'string' || (verdict && 'refused' in verdict)) return [];
  const doc = verdict ? verdict.send : stored;
  const page = await client.connectionActions.exportVirtual(stored._connectionId, { ...doc, pageSize: SAMPLE_RECORDS });
  return page.data.slice(0, SAMPLE_RECORDS);
}

async function feedingExportOf(client: IntegratorClient, usage: HookUsage): Promise<string | undefined> {
  if (usage.kind === 'flows') return (await client.flows.get(usage.resourceId)).pageGenerators?.[0]?._exportId;
  for (const { id } of (await client.imports.dependencies(usage.resourceId)).flows ?? []) {
    const exportId = (await client.flows.get(id)).pageGenerators?.[0]?._exportId;
    if (exportId) return exportId;
  }
  return undefined;
}

async function mappedOutput(client: IntegratorClient, importId: string, records: unknown[]): Promise<unknown[]> {
  const doc = await client.imports.get(importId);
  if (typeof doc._connectionId !== 'string') return records;
  return client.connectionActions.importMap(doc._connectionId, doc, records);
}
