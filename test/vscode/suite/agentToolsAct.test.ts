/**
 * The acting agent tools in VS Code, through the registered tools as a chat calls them
 * (prepareInvocation, then invoke): the question names the flow or the step's errors and the
 * environment, PRODUCTION first in production; there invoke meets the production question a click
 * asks, and declined nothing reaches the account (the sandbox's request log); agreed, the flow runs
 * and the errors are resolved or retried.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DATA_NOTE } from '../../../src/agentTools/types';
import { IntegratorClient } from '../../../src/api';
import { addEnvironment, confirmationText, startTestSandbox, TestSandbox, useDemoEnvironment } from './support';

const ORDERS_FLOW = 'Shopify Orders to NetSuite Sales Orders';
const SALES_ORDERS = 'NetSuite - Create Sales Orders';

describe('acting agent tools in VS Code', () => {
  const demo = useDemoEnvironment('Act Demo');
  let prodSandbox: TestSandbox;
  let prod: IntegratorClient;
  let prodId: string;
  before(async () => {
    prodSandbox = await startTestSandbox();
    prod = new IntegratorClient({ baseUrl: prodSandbox.baseUrl, token: prodSandbox.token });
    prodId = (await addEnvironment('Acme Production', prodSandbox, { production: true })).id;
  });
  after(async () => {
    prod.dispose();
    await demo.api.environments.remove(prodId);
    await prodSandbox.close();
  });
  afterEach(() => assert.deepStrictEqual(demo.api.takeUnusedAnswers(), [], 'every queued answer was asked for'));

  const none = new vscode.CancellationTokenSource().token;
  const toolNamed = (name: string) => demo.api.languageModelTool(name)!;
  /** The question VS Code puts before the tool runs, as a person reads it. */
  async function question(name: string, input: object): Promise<{ title: string; message: string }> {
    const prepared = await toolNamed(name).prepareInvocation!({ input }, none);
    const asked = prepared?.confirmationMessages;
    assert.ok(asked, 'an acting tool always asks');
    return { title: confirmationText(asked.title), message: confirmationText(asked.message) };
  }
  /** What the tool answered the model, after the person agreed to the question. */
  async function invoke(name: string, input: object): Promise<Record<string, unknown>> {
    const result = await toolNamed(name).invoke({ input, toolInvocationToken: undefined }, none);
    const [part] = result!.content as vscode.LanguageModelTextPart[];
    for (const token of [demo.sandbox.token, prodSandbox.token]) assert.ok(!part!.value.includes(token), 'no token in an answer');
    const answer = JSON.parse(part!.value) as { note: string; data: Record<string, unknown> };
    assert.strictEqual(answer.note, DATA_NOTE);
    return answer.data;
  }
  const flowIn = async (client: IntegratorClient) => (await client.flows.listAll()).find((f) => f.name === ORDERS_FLOW)!._id;
  const stepIn = async (client: IntegratorClient) => (await client.imports.listAll()).find((i) => i.name === SALES_ORDERS)!._id;
  const writesTo = (sandbox: TestSandbox) =>
    sandbox
      .requests()
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`);

  it('runs a flow after asking, the flow and the environment named, and answers the finished run', async () => {
    const flowId = await flowIn(demo.client);
    const input = { environment: 'Act Demo', flowId, waitSeconds: 60 };
    const asked = await question('integratorRunFlow', input);
    // The title holds no account text; the question in full opens the message.
    assert.strictEqual(asked.title, 'Run an integrator.io flow in the environment "Act Demo"?');
    assert.strictEqual(asked.message.split('\n')[0], `Run the flow "${ORDERS_FLOW}" in the environment "Act Demo"?`);
    assert.match(asked.message, /waits up to 60 seconds/);
    demo.sandbox.clearRequests();
    // Not production: no second question (none is queued; one asked would wait for a person).
    const ran = await invoke('integratorRunFlow', input);
    assert.deepStrictEqual(writesTo(demo.sandbox), [`POST /flows/${flowId}/run`]);
    assert.deepStrictEqual([ran.ran, ran.finished], [true, true]);
    assert.match(String(ran.status), /^completed/);
    assert.deepStrictEqual(ran.environment, { id: demo.envId, name: 'Act Demo', production: false });
    const job = await demo.client.jobs.get(String(ran.jobId));
    assert.deepStrictEqual([job._flowId, job.status], [flowId, 'completed']);
  });

  it('in production the question says PRODUCTION first, the run meets the production question, and declined nothing is posted', async () => {
    const flowId = await flowIn(prod);
    const input = { environment: 'Acme Production', flowId };
    const asked = await question('integratorRunFlow', input);
    assert.strictEqual(asked.title, 'PRODUCTION: Run an integrator.io flow in the PRODUCTION environment "Acme Production"?');
    assert.strictEqual(
      asked.message.split('\n')[0],
      `PRODUCTION: Run the flow "${ORDERS_FLOW}" in the PRODUCTION environment "Acme Production"?`,
    );
    assert.match(asked.message.split('\n')[1]!, /^PRODUCTION: /);

    const runs = async () => (await prod.jobs.listAll({ _flowId: flowId, type: 'flow' })).length;
    const before = await runs();
    prodSandbox.clearRequests();
    demo.api.answerNextDialog("Don't run");
    const declined = await invoke('integratorRunFlow', input);
    assert.strictEqual(demo.api.lastDialog()?.message, `Run flow "${ORDERS_FLOW}" in the PRODUCTION environment "Acme Production"?`);
    assert.deepStrictEqual(demo.api.lastDialog()?.buttons, ["Don't run", 'Run in Production', 'Cancel'], 'the default writes nothing');
    assert.deepStrictEqual([declined.declined, declined.sent], [true, false]);
    assert.deepStrictEqual(writesTo(prodSandbox), []);
    assert.strictEqual(await runs(), before, 'no new run');

    demo.api.answerNextDialog('Run in Production');
    const ran = await invoke('integratorRunFlow', input);
    assert.deepStrictEqual(writesTo(prodSandbox), [`POST /flows/${flowId}/run`]);
    assert.strictEqual((await prod.jobs.get(String(ran.jobId)))._flowId, flowId, 'the flow ran: its job exists');
    assert.strictEqual(await runs(), before + 1);
    await prod.jobs.follow(String(ran.jobId), { intervalMs: 50 });
  });

  it('resolves a step’s errors after asking how many, of which step, flow and environment', async () => {
    const flowId = await flowIn(demo.client);
    const stepId = await stepIn(demo.client);
    const open = await demo.client.errors.listAll(flowId, stepId);
    const input = { environment: 'Act Demo', flowId, stepId, errorIds: open.slice(0, 2).map((e) => e.errorId) };
    const asked = await question('integratorResolveErrors', input);
    assert.strictEqual(
      asked.message.split('\n')[0],
      `Resolve 2 errors of the step "${SALES_ORDERS}" of the flow "${ORDERS_FLOW}" in the environment "Act Demo"?`,
    );
    demo.sandbox.clearRequests();
    const resolved = await invoke('integratorResolveErrors', input);
    assert.strictEqual(resolved.resolved, 2);
    assert.deepStrictEqual(writesTo(demo.sandbox), [`PUT /flows/${flowId}/${stepId}/resolved`]);
    const left = (await demo.client.errors.listAll(flowId, stepId)).map((e) => e.errorId);
    assert.deepStrictEqual(
      left,
      open.slice(2).map((e) => e.errorId),
      'the two are gone, the rest open',
    );
  });

  it('in production resolving and retrying meet the production question: declined nothing is sent, agreed the retry runs', async () => {
    const flowId = await flowIn(prod);
    const stepId = await stepIn(prod);
    const open = await prod.errors.listAll(flowId, stepId);
    const all = { environment: 'Acme Production', flowId, stepId, all: true };
    const asked = await question('integratorRetryErrors', all);
    assert.strictEqual(asked.title, `PRODUCTION: Retry a flow step's errors in the PRODUCTION environment "Acme Production"?`);
    assert.strictEqual(
      asked.message.split('\n')[0],
      `PRODUCTION: Retry ${open.length} errors of the step "${SALES_ORDERS}" of the flow "${ORDERS_FLOW}" in the PRODUCTION environment "Acme Production"?`,
    );

    prodSandbox.clearRequests();
    demo.api.answerNextDialog('Cancel');
    const declined = await invoke('integratorResolveErrors', all);
    assert.match(
      demo.api.lastDialog()?.message ?? '',
      new RegExp(`^Resolve ${open.length} errors of step "${SALES_ORDERS}" of flow "${ORDERS_FLOW}" in the PRODUCTION environment`),
    );
    assert.strictEqual(declined.declined, true);
    assert.deepStrictEqual(writesTo(prodSandbox), []);
    assert.strictEqual((await prod.errors.listAll(flowId, stepId)).length, open.length, 'none resolved');

    demo.api.answerNextDialog('Retry in Production');
    const retried = await invoke('integratorRetryErrors', all);
    assert.deepStrictEqual(writesTo(prodSandbox), [`POST /flows/${flowId}/${stepId}/retry`]);
    assert.strictEqual(retried.retried, open.length);
    const job = await prod.jobs.follow(String(retried.jobId), { intervalMs: 50 });
    assert.deepStrictEqual([job.type, job.status, job.numExport], ['retry', 'completed', open.length], 'the retry sent every record again');
  });
});
