/**
 * The routes the sandbox's own data points to: the HTTP exchange behind an error's
 * `reqAndResKey`, signed downloads of retry data and error lists, the error filter lists, and the
 * older job-error routes (`joberrors`, `errorFile`, `/retries`). Over real HTTP.
 */
import * as assert from 'assert';
import { IntegratorApiError } from '../../src/api';
import { ErrorRecord, Flow, JsonObject } from '../../src/api/types';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

describe('error detail routes', () => {
  let t: TestSandbox;
  let flow: Flow;
  let stepId: string;
  let errors: ErrorRecord[];
  const get = async <T>(path: string) => (await t.client.transport.request<T>({ path })).body;
  const download = async (signedURL: string) => {
    const response = await fetch(signedURL); // no bearer token: the URL carries its own credential
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  before(async () => {
    t = await startTestSandbox();
    flow = (await t.client.flows.listAll()).find((f) => f.name === 'Shopify Orders to NetSuite Sales Orders')!;
    const summary = await t.client.errors.flowSummary(flow._id);
    stepId = summary.flowErrors.find((s) => s.numError > 0)!._expOrImpId;
    errors = await t.client.errors.listAll(flow._id, stepId);
  });
  after(() => t.close());

  it('serves the HTTP request and response behind an error, with credentials masked', async () => {
    const error = errors.find((e) => e.reqAndResKey)!;
    assert.match(error.reqAndResKey!, /^\d+-[0-9a-f]{32}-422-POST$/);
    const exchange = await t.client.errors.httpExchange(flow._id, stepId, error.reqAndResKey!);
    assert.strictEqual(exchange.request?.method, 'POST');
    assert.match(exchange.request?.url ?? '', /^https:\/\/tstdrv1234567\.restlets\.api\.netsuite\.com\//);
    assert.strictEqual(exchange.request?.headers?.authorization, 'Bearer ********');
    assert.ok((JSON.parse(exchange.request?.body ?? '{}') as JsonObject).email, 'the mapped record was sent');
    assert.strictEqual(exchange.response?.statusCode, 422);
    assert.ok(exchange.response?.body?.includes(error.code), 'the response names the error');
  });

  it('answers 404 for a key of another step or an unknown key', async () => {
    const error = errors.find((e) => e.reqAndResKey)!;
    const otherStep = (flow.pageGenerators ?? [])[0]!._exportId;
    for (const [step, key] of [
      [otherStep, error.reqAndResKey!],
      [stepId, '1-00-422-POST'],
    ]) {
      await assert.rejects(t.client.errors.httpExchange(flow._id, step!, key!), (err: IntegratorApiError) => err.status === 404);
    }
  });

  it('leaves the key off errors of steps that do not talk HTTP', async () => {
    const statements = (await t.client.flows.listAll()).find((f) => f.name === 'SFTP Bank Statements to NetSuite')!;
    const step = (await t.client.errors.flowSummary(statements._id)).flowErrors[0]!._expOrImpId;
    const sftpErrors = await t.client.errors.listAll(statements._id, step);
    assert.ok(sftpErrors.length > 0 && sftpErrors.every((e) => e.reqAndResKey === undefined));
  });

  it('signs a download of an error’s retry data, which works without a token', async () => {
    const error = errors[0]!;
    const { signedURL } = await get<{ signedURL: string }>(`/flows/${flow._id}/${stepId}/${error.retryDataKey}/signedURL`);
    assert.match(signedURL, /^http:\/\/127\.0\.0\.1:\d+\/signed\/[0-9a-f]+\?X-Amz-Expires=900$/);
    const file = await download(signedURL);
    assert.strictEqual(file.status, 200);
    assert.deepStrictEqual(JSON.parse(file.text), await t.client.errors.getRetryData(flow._id, stepId, error.retryDataKey!));
    const forged = await download(signedURL.replace(/\/signed\/[0-9a-f]+/, '/signed/0123456789abcdef'));
    assert.strictEqual(forged.status, 403);
  });

  it('signs downloads of the open and resolved error lists as CSV', async () => {
    const { signedURL } = await get<{ signedURL: string }>(`/flows/${flow._id}/${stepId}/errors/signedURL`);
    const file = await download(signedURL);
    assert.match(file.type, /^text\/csv/);
    const rows = file.text.trim().split('\r\n');
    assert.strictEqual(rows[0], 'errorId,occurredAt,source,code,message,classification,traceKey,retryDataKey,resolvedAt');
    assert.strictEqual(rows.length, errors.length + 1);
    const resolved = await download((await get<{ signedURL: string }>(`/flows/${flow._id}/${stepId}/resolved/signedURL`)).signedURL);
    assert.strictEqual(resolved.text.trim().split('\r\n').length, 1, 'only the header: nothing is resolved yet');
  });

  it('lists the sources and classifications a step’s errors have, and all of them account-wide', async () => {
    const step = await get<{ sources: string[]; classifications: string[] }>(`/flows/${flow._id}/${stepId}/errors/filterMetadata`);
    assert.deepStrictEqual(step.sources, [...new Set(errors.map((e) => e.source))].sort());
    assert.deepStrictEqual(step.classifications, [...new Set(errors.map((e) => e.classification!))].sort());
    const all = await get<{ sources: string[]; classifications: string[] }>('/errors/filterMetadata');
    assert.ok(all.sources.includes('post_submit_hook') && all.classifications.includes('intermittent'));
  });

  it('shows a job’s errors the older way: joberrors, an error file, and retry objects', async () => {
    const flowJobId = errors[0]!._flowJobId!;
    const family = await t.client.jobs.family(flowJobId);
    const importJob = family.children!.find((c) => c._importId === stepId)!;
    const jobErrors = await get<JsonObject[]>(`/jobs/${importJob._id}/joberrors`);
    assert.strictEqual(jobErrors.length, errors.filter((e) => e._flowJobId === flowJobId).length);
    assert.deepStrictEqual(Object.keys(jobErrors[0]!).sort(), [
      '_jobId',
      '_retryId',
      'code',
      'createdAt',
      'exportDataURI',
      'extract',
      'extracted',
      'generate',
      'generated',
      'importDataURI',
      'message',
      'resolve',
      'retry',
      'source',
    ]);
    assert.strictEqual(jobErrors[0]!._jobId, importJob._id);
    assert.strictEqual((await get<JsonObject[]>(`/jobs/${flowJobId}/joberrors`)).length, jobErrors.length, 'the flow job has them all');

    const file = await download((await get<{ signedURL: string }>(`/jobs/${importJob._id}/errorFile/signedURL`)).signedURL);
    assert.strictEqual(file.text.trim().split('\r\n').length, jobErrors.length + 1);

    const retries = await get<JsonObject[]>(`/retries?_jobId=${importJob._id}`);
    assert.deepStrictEqual(
      retries.map((r) => r._id),
      jobErrors.map((e) => e._retryId),
    );
    assert.deepStrictEqual(Object.keys(retries[0]!).sort(), ['_id', '_jobId', 'createdAt', 'data', 'type']);
    const data = await get<JsonObject>(`/retries/${String(retries[0]!._id)}/data`);
    const matching = errors.find((e) => e.retryDataKey === (retries[0]!.data as JsonObject).id)!;
    assert.deepStrictEqual(data, (await t.client.errors.getRetryData(flow._id, stepId, matching.retryDataKey!)).data);
    await assert.rejects(get('/retries/000000000000000000000000/data'), (err: IntegratorApiError) => err.status === 404);
  });
});
