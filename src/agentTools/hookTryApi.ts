/**
 * The `integrator-api` a script gets when an agent runs it (integratorRunHook). Run Hook… gives
 * the script every call hooks/apiCalls.ts knows, asking the user first outside the local sandbox;
 * an agent's run has nobody to ask and is a try, so here a script may only read:
 *
 *   exports.run({ _id })    the stored export run as a virtual export (what integratorPreviewExport
 *                           does), when it can only read (model/exportSafety.ts: an HTTP GET, a
 *                           NetSuite or Salesforce search); any other export, a DELETE say, is
 *                           refused inside the script with the reason, and not run
 *   anything else           refused inside the script, without a request: imports.run and
 *                           imports.runVirtual send records to the target application, flows.run
 *                           starts a flow, and exports.runVirtual runs whatever export definition
 *                           the script makes up (an HTTP export is any method on any path of the
 *                           connection's application)
 *
 * A script is the account's code, so reads are bounded too: MAX_TRY_CALLS per run.
 */
import { IntegratorClient } from '../api';
import { apiCalls } from '../hooks/apiCalls';
import { exportReadsOnly, withoutServerScripts } from '../model/exportSafety';
import { JsonObject } from '../api/types';

/**
 * How a try runs an export, as apiCalls' and the sample's check: refused, with the words a refused
 * call gives, unless it only reads; sent without the scripts integrator.io would run of its own.
 */
export function tryExport(exportDoc: JsonObject): { send: JsonObject } | { refused: string } {
  const safety = exportReadsOnly(exportDoc);
  if (!safety.readsOnly)
    return {
      refused: `${safety.reason}; an agent's run of a hook only runs exports that only read (run the hook with Run Hook… to run it)`,
    };
  return { send: withoutServerScripts(exportDoc).doc };
}

/** The calls a try run lets through: each only reads. */
export const TRY_CALLS: readonly string[] = ['exports.run'];
/** A few lookups per record of a sample, no more: each is a real request with the user's token. */
export const MAX_TRY_CALLS = 50;

export function tryApiCalls(client: IntegratorClient): (path: string, args: unknown[]) => Promise<unknown> {
  const call = apiCalls(client, tryExport);
  let made = 0;
  return async (path, args) => {
    if (!TRY_CALLS.includes(path))
      throw new Error(
        `${path} was not made: an agent's run of a hook only reads (${TRY_CALLS.join(', ')}); run the hook with Run Hook… to make it`,
      );
    if (++made > MAX_TRY_CALLS) throw new Error(`${path} was not made: an agent's run of a hook makes at most ${MAX_TRY_CALLS} calls`);
    return call(path, args);
  };
}
