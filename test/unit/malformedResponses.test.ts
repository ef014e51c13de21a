/**
 * Malformed answers, generated with fast-check and served by a small HTTP server: wrong types,
 * missing fields, huge strings, invalid JSON, HTML error pages, odd Link headers. Whatever
 * comes back, the client resolves with what it asked for or rejects with an IntegratorApiError
 * that has a message and no token; it never throws anything else, hangs or leaves an
 * unhandled rejection. The tree's one-line descriptions take any resource shape.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { IntegratorApiError, IntegratorClient } from '../../src/api';
import { Connection, Export, Flow } from '../../src/api/types';
import { CannedServer, cannedResponse, startCannedServer } from '../support/cannedServer';
import { describeConnection, describeExport, describeFlow, describeSchedule } from '../../src/model/describe';

const TOKEN = 'fuzz-token-3c9a0e71d2';

describe('malformed API responses (property-based)', () => {
  let server: CannedServer;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startCannedServer();
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server.close();
  });

  it('lists, gets, saves and pings: a result or an IntegratorApiError, never anything else', async function () {
    this.timeout(120_000);
    const client = new IntegratorClient({
      baseUrl: server.baseUrl,
      token: TOKEN,
      maxRetries: 1,
      retryBaseDelayMs: 1,
      maxRetryAfterSeconds: 0,
      timeoutMs: 5000,
    });
    try {
      await fc.assert(
        fc.asyncProperty(
          cannedResponse(TOKEN),
          fc.constantFrom('list', 'get', 'update', 'ping', 'jobs', 'errors'),
          async (response, call) => {
            server.answer(response);
            try {
              const result = await run(client, call);
              if (call === 'list' || call === 'jobs' || call === 'errors')
                assert.ok(Array.isArray(result), 'a list call resolves with a list');
            } catch (err) {
              assert.ok(err instanceof IntegratorApiError, `${call} threw ${String(err)}`);
              assert.ok(err.message.length > 0);
              assert.ok(!err.message.includes(TOKEN) && !err.userMessage.includes(TOKEN), 'the token never shows');
            }
          },
        ),
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
