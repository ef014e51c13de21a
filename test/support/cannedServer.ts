/**
 * Malformed API answers for property-based tests, and a loopback HTTP server that serves
 * whichever one a test sets: wrong types, missing fields, huge strings, invalid JSON, HTML error
 * pages, odd Link and Retry-After headers. Generated with fast-check.
 */
import fc from 'fast-check';
import * as http from 'http';
import { AddressInfo } from 'net';

export interface CannedResponse {
  status: number;
  contentType: string;
  body: string;
  link?: string;
  retryAfter?: string;
}

const json = fc.jsonValue().map((v) => JSON.stringify(v));

/** Any answer a broken server, gateway or proxy might give; `echoedSecret` shows up in some bodies. */
export function cannedResponse(echoedSecret: string): fc.Arbitrary<CannedResponse> {
  return fc.record(
    {
      status: fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 404, 415, 422, 429, 500, 502, 503),
      contentType: fc.constantFrom('application/json; charset=utf-8', 'text/html', 'text/plain', ''),
      body: fc.oneof(
        json,
        fc.string(),
        fc.constant('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'),
        fc.constant('{"errors":[{"code":123,"message":{"nested":true}}]}'),
        fc.constant('{"errors":"not a list"}'),
        fc.constant('[{"_id":1},{"name":null},"text",42]'),
        fc.constant('[{"_id":"a1","name":{"not":"a string"},"pageProcessors":"x","pageGenerators":[null,7]}]'),
        fc.constant(`{"errors":[{"code":"x","message":"echo ${echoedSecret}"}]}`),
        fc.constant('{"truncated": '),
        fc.string({ minLength: 100_000, maxLength: 100_000 }).map((s) => JSON.stringify([{ _id: 'b2', name: s }])),
      ),
      link: fc.oneof(
        fc.constant(undefined),
        fc.string(),
        fc.constant('<not a url>; rel="next"'),
        fc.constant('<http://elsewhere.example/v1/flows?skip=1>; rel="next"'),
      ),
      retryAfter: fc.oneof(fc.constant(undefined), fc.constant('0'), fc.constant('soon'), fc.constant('Wed, 21 Oct 2015 07:28:00 GMT')),
    },
    { requiredKeys: ['status', 'contentType', 'body'] },
  );
}

export interface CannedServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  /** The answer every request gets from now on. */
  answer(response: CannedResponse): void;
  close(): Promise<void>;
}

/**
 * Serves the current canned answer to every request. `fixed` answers some paths properly
 * whatever is canned (an environment needs a working /tokenInfo before it can be added).
 */
export async function startCannedServer(fixed: Record<string, unknown> = {}): Promise<CannedServer> {
  let current: CannedResponse = { status: 200, contentType: 'application/json', body: '[]' };
  const server = http.createServer((req, res) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://canned').pathname.replace(/^\/v1/, '');
    if (path in fixed) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(fixed[path]));
      return;
    }
    const headers: Record<string, string> = {};
    if (current.contentType) headers['Content-Type'] = current.contentType;
    if (current.link !== undefined) headers.Link = current.link.replace(/[\r\n]/g, ' ');
    if (current.retryAfter !== undefined) headers['Retry-After'] = current.retryAfter;
    try {
      res.writeHead(current.status, headers);
    } catch {
      res.writeHead(current.status); // a header value Node refuses: send none
    }
    res.end(current.status === 204 ? undefined : current.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    answer: (response) => {
      current = response;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
