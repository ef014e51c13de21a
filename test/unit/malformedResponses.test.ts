/**
 * Malformed answers, generated with fast-check and served by a small HTTP server: wrong types,
 * missing fields, huge strings, invalid JSON, HTML error pages, odd Link headers. Whatever
 * comes back, the client resolves with what it asked for or rejects with an IntegratorApiError
 * that has a message and no token; it never throws anything else, hangs or leaves an
 * unhandled rejection. The tree's one-line descriptions take any resource shape.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as http from 'http';
import { AddressInfo } from 'net';
import { IntegratorApiError, IntegratorClient } from '../../src/api';
import { Connection, Export, Flow } from '../../src/api/types';
import { describeConnection, describeExport, describeFlow, describeSchedule } from '../../src/model/describe';

const TOKEN = 'fuzz-token-3c9a0e71d2';

interface CannedResponse {
  status: number;
  contentType: string;
  body: string;
  link?: string;
  retryAfter?: string;
}

const json = fc.jsonValue().map((v) => JSON.stringify(v));
const cannedResponse: fc.Arbitrary<CannedResponse> = fc.record(
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
      fc.constant(`{"errors":[{"code":"x","message":"echo ${TOKEN}"}]}`),
      fc.constant('{"truncated": '),
      fc.string({ minLength: 100_000, maxLength: 100_000 }).map((s) => JSON.stringify([{ name: s }])),
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

describe('malformed API responses (property-based)', () => {
  let server: http.Server;
  let current: CannedResponse = { status: 200, contentType: 'application/json', body: '[]' };
  let baseUrl: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = http.createServer((req, res) => {
      req.resume();
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
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    server.close();
  });

  it('lists, gets, saves and pings: a result or an IntegratorApiError, never anything else', async function () {
    this.timeout(120_000);
    const client = new IntegratorClient({
      baseUrl,
      token: TOKEN,
      maxRetries: 1,
      retryBaseDelayMs: 1,
      maxRetryAfterSeconds: 0,
      timeoutMs: 5000,
    });
    try {
      await fc.assert(
        fc.asyncProperty(cannedResponse, fc.constantFrom('list', 'get', 'update', 'ping', 'jobs', 'errors'), async (response, call) => {
          current = response;
          try {
            const result = await run(client, call);
            if (call === 'list' || call === 'jobs' || call === 'errors')
              assert.ok(Array.isArray(result), 'a list call resolves with a list');
          } catch (err) {
            assert.ok(err instanceof IntegratorApiError, `${call} threw ${String(err)}`);
            assert.ok(err.message.length > 0);
            assert.ok(!err.message.includes(TOKEN) && !err.userMessage.includes(TOKEN), 'the token never shows');
          }
        }),
        { numRuns: 300 },
      );
    } finally {
      client.dispose();
    }
    assert.deepStrictEqual(unhandled, []);
  });

  it('describes any resource shape in one line without throwing', () => {
    fc.assert(
      fc.property(fc.object(), (doc) => {
        for (const text of [describeExport(doc as Export), describeFlow(doc as Flow), describeConnection(doc as Connection)]) {
          assert.strictEqual(typeof text, 'string');
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string(), (cron) => assert.strictEqual(typeof describeSchedule(cron), 'string')));
  });
});

function run(client: IntegratorClient, call: string): Promise<unknown> {
  switch (call) {
    case 'list':
      return client.flows.listAll({ limit: 5 });
    case 'get':
      return client.flows.get('0123456789abcdef01234567');
    case 'update':
      return client.flows.update('0123456789abcdef01234567', { name: 'x' });
    case 'ping':
      return client.connectionActions.ping('0123456789abcdef01234567');
    case 'jobs':
      return client.jobs.listAll({ _flowId: '0123456789abcdef01234567' }, { pageCap: 3 });
    default:
      return client.errors.listAll('0123456789abcdef01234567', '0123456789abcdef01234568');
  }
}
