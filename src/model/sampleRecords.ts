/**
 * Sample records for what previews a record's way through a flow step (the mapping preview, the
 * step's Handlebars templates): the first page of the export that feeds a flow using the step,
 * run as a virtual export, or a small example when there is none.
 */
import { IntegratorClient } from '../api';

const SAMPLE_RECORDS = 5;
const EXAMPLE = [{ id: 1, name: 'Example record', email: 'someone@example.com' }];

export interface Sample {
  records: unknown[];
  /** The export the records came from; none for the example. */
  from?: string;
}

/** Records for an import's (or a lookup's) preview, and where they came from. */
export async function sampleFor(client: IntegratorClient, kind: 'imports' | 'exports', id: string): Promise<Sample> {
  try {
    const flows = (await client[kind].dependencies(id)).flows ?? [];
    for (const { id: flowId } of flows) {
      const flow = await client.flows.get(flowId);
      const exportId = flow.pageGenerators?.[0]?._exportId;
      if (!exportId || exportId === id) continue;
      const exp = await client.exports.get(exportId);
      if (!exp._connectionId) continue;
      const page = await client.connectionActions.exportPage(exp._connectionId, { ...exp, pageSize: SAMPLE_RECORDS });
      if (page.data.length) return { records: page.data.slice(0, SAMPLE_RECORDS), from: exp.name ?? exportId };
    }
  } catch {
    // No preview of the source: the example below still lets the user start.
  }
  return { records: EXAMPLE };
}

/** Records for an import's mapping preview. */
export async function sampleRecords(client: IntegratorClient, importId: string): Promise<unknown[]> {
  return (await sampleFor(client, 'imports', importId)).records;
}
