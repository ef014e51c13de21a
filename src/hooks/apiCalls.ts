/**
 * What a script's `integrator-api` calls do in a local run: each maps to the API the server's
 * runtime uses, performed by the project's client against the environment the run was given.
 *
 *   exports.runVirtual({ export })          → the export run as a virtual export: { data, … }
 *   exports.run({ _id })                    → the stored export, run as a virtual export
 *   imports.runVirtual({ import, data })    → the import run virtually: one result per record
 *   imports.run({ _id, data })              → the stored import, run virtually
 *   flows.run({ _id })                      → starts the flow: { _jobId }
 */
import { IntegratorClient } from '../api';
import { isJsonObject, JsonObject } from '../api/types';

type Args = JsonObject;

/** What the script sent as the document to run; anything but an object runs as one without fields. */
const documentOf = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/**
 * The id a script names, checked before it goes into a URL path: the script is the account's
 * code, and `..` or `.` there would reach another endpoint of the API with the user's token.
 */
function idOf(value: unknown, what: string): string {
  if (typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value)) return value;
  throw new Error(`${what} needs the _id of one (24 hexadecimal characters), not ${JSON.stringify(String(value)).slice(0, 60)}`);
}

/**
 * Whether an export may be run for the script, and as what: `{ send }` runs that document, a
 * `{ refused }` reason refuses it (the call then fails inside the script, and nothing is sent).
 * Run Hook… runs what the script asks; a try (an agent's run) runs only exports that read, without
 * the scripts integrator.io would run of its own.
 */
export type ExportCheck = (exportDoc: JsonObject) => { send: JsonObject } | { refused: string };

export function apiCalls(client: IntegratorClient, exportCheck?: ExportCheck): (path: string, args: unknown[]) => Promise<unknown> {
  const checked = (doc: JsonObject, path: string): JsonObject => {
    const verdict = exportCheck?.(doc);
    if (verdict && 'refused' in verdict) throw new Error(`${path} was not made: ${verdict.refused}`);
    return verdict ? verdict.send : doc;
  };
  const connectionOf = (doc: JsonObject, what: string): string => {
    if (doc._connectionId === undefined) throw new Error(`the ${what} has no _connectionId to run through`);
    return idOf(doc._connectionId, `the ${what}'s _connectionId`);
  };
  const calls: Record<string, (a: Args) => Promise<unknown>> = {
    'exports.runVirtual': async (a) => {
      const doc = checked(documentOf(a.export ?? a), 'exports.runVirtual');
      return client.connectionActions.exportVirtual(connectionOf(doc, 'export'), doc);
    },
    'exports.run': async (a) => {
      // The stored export is sent back as the run's body as it is.
      const doc = checked(await client.exports.get(idOf(a._id, 'exports.run')), 'exports.run');
      return client.connectionActions.exportVirtual(connectionOf(doc, 'export'), doc);
    },
    'imports.runVirtual': async (a) => {
      const doc = documentOf(a.import);
      return client.connectionActions.importVirtual(connectionOf(doc, 'import'), doc, Array.isArray(a.data) ? a.data : []);
    },
    'imports.run': async (a) => {
      // The stored import is sent back as the run's body as it is.
      const doc = await client.imports.get(idOf(a._id, 'imports.run'));
      return client.connectionActions.importVirtual(connectionOf(doc, 'import'), doc, Array.isArray(a.data) ? a.data : []);
    },
    'flows.run': async (a) => ({ _jobId: await client.jobs.runFlow(idOf(a._id, 'flows.run')) }),
  };
  return async (path, args) => {
    const call = calls[path];
    if (!call) throw new Error(`${path} is not available in a local run`);
    return call(documentOf(args[0]));
  };
}
