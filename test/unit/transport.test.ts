/**
 * Error paths of the client over real HTTP, with the sandbox's fault switches: 401, 404,
 * validation, 415, bad JSON, 429 then success, 5xx then success, dropped connections, time-outs,
 * cancellation, and the rule that a POST that creates or runs is never sent twice.
 */
import * as assert from 'assert';
import * as http from 'http';
import { IntegratorApiError, IntegratorClient, normaliseBaseUrl, parseLinkHeader, Transport } from '../../src/api';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

describe('transport and errors', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());
  afterEach(() => t.setFaults({ rules: [], latencyMs: 0, jobs: 'normal' }));

  it('turns 401 into a typed error that never contains the token', async () => {
    const wrong = 'wrong-token-0123456789abcdef';
    const client = new IntegratorClient({ baseUrl: t.sandbox.baseUrl, token: wrong });
    try {
      await assert.rejects(client.tokenInfo(), (err: IntegratorApiError) => {
        assert.ok(err instanceof IntegratorApiError);
        assert.strictEqual(err.status, 401);
        assert.strictEqual(err.code, 'unauthorized');
        assert.ok(err.isUnauthorized);
        const everything = `${err.message} ${err.stack} ${JSON.stringify(err)} ${err.userMessage}`;
        assert.ok(!everything.includes(wrong), 'token leaked into the error');
        return true;
      });
    } finally {
      client.dispose();
    }
  });

  it('redacts a token that a server echoes back in its error', async () => {
    const echo = http.createServer((req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'bad', message: `bad header ${req.headers.authorization ?? ''}` }] }));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    const port = (echo.address() as { port: number }).port;
    const client = new IntegratorClient({ baseUrl: `http://127.0.0.1:${port}/v1`, token: TEST_TOKEN });
    try {
      await assert.rejects(client.tokenInfo(), (err: IntegratorApiError) => {
        assert.ok(!err.message.includes(TEST_TOKEN));
        assert.match(err.message, /\[redacted\]/);
        return true;
      });
    } finally {
      client.dispose();
      echo.close();
    }
  });

  it('returns 404 for an unknown id', async () => {
    await assert.rejects(
      t.client.flows.get('0123456789abcdef01234567'),
      (err: IntegratorApiError) => err.status === 404 && err.code === 'not_found',
    );
  });

  it('gets 415 for a body that is not JSON and 400 for malformed JSON', async () => {
    const url = new URL(`${t.sandbox.baseUrl}/integrations`);
    const send = (type: string, body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          url,
          { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': type } },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const plain = await send('text/plain', 'name=x');
    assert.strictEqual(plain.status, 415);
    assert.strictEqual(firstCode(plain.body), 'unsupported_media_type');
    const broken = await send('application/json', '{"name": ');
    assert.strictEqual(broken.status, 400);
    assert.strictEqual(firstCode(broken.body), 'invalid_json');
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    await t.setFaults({ rules: [{ kind: 'rate_limit', path: '^/integrations$', times: 2, retryAfter: 1 }] });
    await t.clearRequests();
    const started = Date.now();
    const integrations = await t.client.integrations.listAll();
    const elapsed = Date.now() - started;
    assert.ok(integrations.length >= 3);
    assert.ok(elapsed >= 2000, `retried after ${elapsed} ms, before the 2 × 1 s the server asked for`);
    const gets = (await t.requests()).filter((r) => r.path === '/integrations');
    assert.deepStrictEqual(
      gets.map((r) => `${r.status} ${r.fault ?? 'handled'}`),
      ['429 rate_limit', '429 rate_limit', '200 handled'],
      'rate-limited attempts never reach a handler',
    );
  });

  it('gives up at once when Retry-After is longer than allowed', async () => {
    await t.setFaults({ rules: [{ kind: 'rate_limit', times: 1, retryAfter: 120 }] });
    const started = Date.now();
    await assert.rejects(
      t.client.integrations.listAll(),
      (err: IntegratorApiError) => err.status === 429 && err.retryAfterSeconds === 120 && err.code === 'rate_limited',
    );
    assert.ok(Date.now() - started < 1000);
  });

  it('retries a GET after 503 and after a 502 HTML page', async () => {
    await t.setFaults({
      rules: [
        { kind: 'status', status: 503, path: '^/flows$', times: 1 },
        { kind: 'status', status: 502, path: '^/flows$', times: 1 },
      ],
    });
    const flows = await t.client.flows.listAll();
    assert.ok(flows.length >= 8);
  });

  it('reads a readable message from an HTML error page', async () => {
    await t.setFaults({ rules: [{ kind: 'status', status: 502, times: 5 }] });
    const client = t.clientWith({ maxRetries: 0 });
    await assert.rejects(client.flows.listAll(), (err: IntegratorApiError) => {
      assert.strictEqual(err.status, 502);
      assert.match(err.message, /502 Bad Gateway/);
      assert.ok(!err.message.includes('<html>'));
      return true;
    });
  });

  it('never retries a POST that creates, even after 503', async () => {
    await t.setFaults({ rules: [{ kind: 'status', status: 503, method: 'POST', path: '^/integrations$', times: 1 }] });
    await t.clearRequests();
    await assert.rejects(t.client.integrations.create({ name: 'Only once' }), (err: IntegratorApiError) => err.status === 503);
    const after = await t.client.integrations.listAll();
    assert.ok(!after.some((i) => i.name === 'Only once'));
  });

  it('retries a GET whose connection was dropped, but not a flow run', async () => {
    await t.setFaults({ rules: [{ kind: 'drop', method: 'GET', path: '^/connections$', times: 1 }] });
    assert.ok((await t.client.connections.listAll()).length > 0);

    const flow = (await t.client.flows.listAll())[0]!;
    await t.setFaults({ rules: [{ kind: 'drop', method: 'POST', path: '/run$', times: 1 }] });
    await assert.rejects(t.client.jobs.runFlow(flow._id), (err: IntegratorApiError) => {
      assert.strictEqual(err.code, 'network_error');
      assert.strictEqual(err.status, 0);
      assert.ok(err.isTransient);
      return true;
    });
    const jobs = await t.client.jobs.listAll({ _flowId: flow._id, createdAt_gte: new Date(Date.now() - 60_000) });
    assert.strictEqual(jobs.length, 0, 'the dropped run was not sent again');
  });

  it('times out a stalled request with a clear error', async () => {
    await t.setFaults({ rules: [{ kind: 'stall', times: 1, stallMs: 3000 }] });
    const client = t.clientWith({ timeoutMs: 300, maxRetries: 0 });
    const started = Date.now();
    await assert.rejects(client.integrations.listAll(), (err: IntegratorApiError) => {
      assert.strictEqual(err.code, 'timeout');
      assert.match(err.message, /No answer within 0\.3 s/);
      return true;
    });
    assert.ok(Date.now() - started < 2000);
  });

  it('cancels a request through an AbortSignal', async () => {
    await t.setFaults({ latencyMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(
      t.client.flows.listAll({ signal: controller.signal }),
      (err: IntegratorApiError) => err.isCancelled && err.code === 'aborted',
    );
    assert.ok(Date.now() - started < 1500);
  });

  it('cancels while waiting out a Retry-After', async () => {
    await t.setFaults({ rules: [{ kind: 'rate_limit', times: 1, retryAfter: 5 }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(t.client.flows.listAll({ signal: controller.signal }), (err: IntegratorApiError) => err.isCancelled);
    assert.ok(Date.now() - started < 2000);
  });

  it('says when nothing listens at the address', async () => {
    const client = new IntegratorClient({ baseUrl: 'http://127.0.0.1:9/v1', token: TEST_TOKEN, maxRetries: 0 });
    try {
      await assert.rejects(
        client.tokenInfo(),
        (err: IntegratorApiError) => err.code === 'network_error' && /nothing is listening/.test(err.message),
      );
    } finally {
      client.dispose();
    }
  });

  it('sends the account-share header when one is set', async () => {
    const client = t.clientWith({ aShareId: 'abcdefabcdefabcdefabcdef' });
    assert.ok((await client.tokenInfo())._userId);
  });
});

/** The first error code of an envelope. */
function firstCode(body: string): string | undefined {
  return (JSON.parse(body) as { errors: { code: string }[] }).errors[0]?.code;
}

describe('base URLs and links', () => {
  it('accepts regions, https and loopback http; refuses credentials and remote http', () => {
    assert.strictEqual(normaliseBaseUrl('https://api.integrator.io/v1/'), 'https://api.integrator.io/v1');
    assert.strictEqual(normaliseBaseUrl('http://127.0.0.1:3000/v1'), 'http://127.0.0.1:3000/v1');
    assert.strictEqual(normaliseBaseUrl('http://localhost:3000/v1'), 'http://localhost:3000/v1');
    assert.throws(() => normaliseBaseUrl('http://api.example.com/v1'), /Plain http:\/\/ is only allowed/);
    assert.throws(
      () => normaliseBaseUrl('https://user:secret@api.example.com/v1'),
      (err: IntegratorApiError) => err.code === 'refused_url' && !err.message.includes('secret'),
    );
    assert.throws(() => normaliseBaseUrl('ftp://example.com'), /Only https/);
    assert.throws(() => normaliseBaseUrl('not a url'), /not a valid URL/);
  });

  it('never follows a next link to another host', () => {
    const transport = new Transport({ baseUrl: 'https://api.integrator.io/v1', token: 'x' });
    try {
      assert.strictEqual(transport.resolve('https://api.integrator.io/v1/flows?skip=10'), 'https://api.integrator.io/v1/flows?skip=10');
      assert.strictEqual(
        transport.resolve('/api/flows/a/b/errors?startAtErrorId=1'),
        'https://api.integrator.io/v1/flows/a/b/errors?startAtErrorId=1',
      );
      assert.strictEqual(
        transport.resolve('/flows', { status: ['queued', 'running'], x: undefined }),
        'https://api.integrator.io/v1/flows?status=queued&status=running',
      );
      assert.throws(() => transport.resolve('https://evil.example.com/v1/flows'), /another host/);
    } finally {
      transport.dispose();
    }
  });

  it('parses Link headers with several relations and commas in URLs', () => {
    const links = parseLinkHeader(
      '<https://x/v1/flows?skip=2&limit=2&include=a,b>; rel="next", <https://x/v1/flows?skip=0&limit=2>; rel="prev"',
    );
    assert.strictEqual(links.next, 'https://x/v1/flows?skip=2&limit=2&include=a,b');
    assert.strictEqual(links.prev, 'https://x/v1/flows?skip=0&limit=2');
    assert.deepStrictEqual(parseLinkHeader(null), {});
    assert.deepStrictEqual(parseLinkHeader('garbage'), {});
  });
});
