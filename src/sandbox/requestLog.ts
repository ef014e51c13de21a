/**
 * The HTTP request and response behind an error, as `GET /flows/:flowId/:stepId/requests/:key`
 * serves them. integrator.io keeps these for steps that talk HTTP (HTTP, REST, NetSuite and
 * Salesforce adaptors) and names them in the error's `reqAndResKey`
 * (`<ms>-<hex>-<status>-<METHOD>`). The sandbox records one when a simulated step fails a record:
 * the mapped record as the request body, the target's refusal as the response. Credentials in
 * headers are masked, as the real debug log masks them.
 */
import { StoredRequest } from './account';
import { hexKey } from './ids';
import { asText, isObject, JsonObject } from './json';
import { mapRecords } from './mapping';

const MASKED_AUTH = 'Bearer ********';

/** The URL a step would have called, or undefined when the step does not talk HTTP. */
function targetUrl(step: JsonObject, connection: JsonObject | undefined): string | undefined {
  const block = (name: string): JsonObject => (isObject(connection?.[name]) ? connection[name] : {});
  const own = (name: string): JsonObject => (isObject(step[name]) ? step[name] : {});
  const relative = (name: string): string => {
    const uri = own(name).relativeURI;
    return typeof uri === 'string' ? uri : Array.isArray(uri) && typeof uri[0] === 'string' ? uri[0] : '/';
  };
  switch (connection?.type) {
    case 'http':
      return `${asText(block('http').baseURI ?? 'https://api.example.com')}${relative('http')}`;
    case 'rest':
      return `${asText(block('rest').baseURI ?? 'https://api.example.com')}${relative('rest')}`;
    case 'netsuite': {
      const account = asText(block('netsuite').account ?? 'account').toLowerCase();
      return `https://${account}.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=customscript_celigo_realtime_import&deploy=1`;
    }
    case 'salesforce':
      return 'https://login.salesforce.com/services/data/v60.0/composite/sobjects';
    default:
      return undefined;
  }
}

/**
 * Records the exchange that failed `record` at `step` and returns its key, or undefined when the
 * step does not talk HTTP (its errors then carry no `reqAndResKey`).
 */
export function recordFailedRequest(
  requests: Record<string, StoredRequest>,
  at: string,
  ids: { flowId: string; stepId: string },
  step: JsonObject | undefined,
  connection: JsonObject | undefined,
  record: JsonObject,
  error: { code: string; message: string },
): string | undefined {
  const url = step ? targetUrl(step, connection) : undefined;
  if (!step || !url) return undefined;
  const status = 422;
  const method = 'POST';
  const key = `${Date.parse(at)}-${hexKey()}-${status}-${method}`;
  let mapped: JsonObject;
  try {
    mapped = mapRecords(step, [record], status)[0] ?? record;
  } catch {
    mapped = record; // a mapping the sandbox cannot evaluate still sent something: the record
  }
  requests[key] = {
    key,
    time: at,
    _flowId: ids.flowId,
    _stepId: ids.stepId,
    request: {
      method,
      url,
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: MASKED_AUTH },
      body: JSON.stringify(mapped, null, 2),
    },
    response: {
      statusCode: status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ errors: [{ code: error.code, message: error.message }] }, null, 2),
    },
  };
  return key;
}
