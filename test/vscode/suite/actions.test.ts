/** Run a flow and follow its job, cancel it, give up on one that never ends; ping connections. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';
import { PingResult } from '../../../src/api';
import { Flow, Job, JsonObject } from '../../../src/api/types';
import {
  childrenOf,
  closeAllEditors,
  descriptionOf,
  labelOf,
  nodeAt,
  replaceDocumentText,
  useDemoEnvironment,
  openResourceDocument,
  chosen,
} from './support';

describe('actions', () => {
  const demo = useDemoEnvironment('Actions');
  let flows: Flow[];
  before(async () => {
    flows = await demo.client.flows.listAll();
  });
  afterEach(async () => {
    demo.sandbox.setFaults();
    await closeAllEditors();
  });

  const flow = (name: string) => flows.find((f) => f.name === name)!;
  const run = (name: string, options: object = {}) =>
    vscode.commands.executeCommand<Job | undefined>(
      'integratorIo.runFlow',
      chosen({ envId: demo.envId, kind: 'flows', id: flow(name)._id, name }),
      options,
    );
  const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);

  it('runs a flow, follows its job to the end, and shows the run with its steps', async () => {
    const job = await run('Salesforce Opportunities to Snowflake');
    assert.ok(job, 'the command resolves with the finished job');
    assert.strictEqual(job.status, 'completed');
    assert.strictEqual(job.children?.length, 6);
    const fromApi = await demo.client.jobs.get(job._id);
    assert.strictEqual(job.numSuccess, fromApi.numSuccess);
    assert.strictEqual(job.numError, fromApi.numError);
    assert.strictEqual(
      job.numExport,
      (job.children ?? []).filter((c) => c.oIndex === 0).reduce((n, c) => n + (c.numExport ?? 0), 0),
    );
    assert.ok(tabLabels().includes('Run: Salesforce Opportunities to Snowflake'), tabLabels().join(', '));
  });

  it('runs a disabled flow only once the user says so', async () => {
    demo.api.answerNextDialog('Cancel');
    demo.sandbox.clearRequests();
    assert.strictEqual(await run('NetSuite Inventory to Shopify'), undefined);
    assert.ok(!demo.sandbox.requests().some((r) => r.method === 'POST'), 'no run was started');
    demo.api.answerNextDialog('Run Once');
    const job = await run('NetSuite Inventory to Shopify');
    assert.strictEqual(job?.status, 'completed');
  });

  // The job view's Cancel run is clicked in the UI test pagingAndCancel; here the run is canceled elsewhere.
  it('follows a run canceled elsewhere to its end: canceled', async () => {
    demo.sandbox.setFaults({ jobs: 'hang' });
    const target = flow('NetSuite Fulfillments to Shopify');
    const running = run('NetSuite Fulfillments to Shopify');
    const jobId = await waitFor(async () => {
      const [latest] = await demo.client.jobs.listAll({ _flowId: target._id, status: 'running' });
      return latest?._id;
    }, 'the run to start');
    await demo.client.jobs.cancel(jobId);
    const job = await running;
    assert.strictEqual(job?.status, 'canceled');
  });

  it('stops following a job that never ends, and the job can still be cancelled', async () => {
    demo.sandbox.setFaults({ jobs: 'hang' });
    const started = Date.now();
    const job = await run('Nightly Order Archive to S3', { followTimeoutMs: 1500 });
    assert.ok(Date.now() - started < 10_000);
    assert.strictEqual(job?.status, 'running', 'the follower gave up while the job runs on');
    await demo.client.jobs.cancel(job._id);
    await waitFor(async () => ((await demo.client.jobs.get(job._id)).status === 'canceled' ? true : undefined), 'the job to be canceled');
  });

  it('reports a run whose job fails', async () => {
    const job = await run('SFTP Bank Statements to NetSuite');
    assert.strictEqual(job?.status, 'failed');
  });

  it('shows recent runs of a flow', async () => {
    const families = await vscode.commands.executeCommand<Job[]>(
      'integratorIo.showRecentJobs',
      chosen({
        envId: demo.envId,
        kind: 'flows',
        id: flow('Salesforce Opportunities to Snowflake')._id,
        name: 'x',
      }),
    );
    assert.ok(families.length >= 2, 'the seeded run and the one from the first test');
    assert.ok(families.every((j) => Array.isArray(j.children)));
  });

  it('pings a healthy connection and a failing one, and marks the failing one offline in the tree', async () => {
    const connections = await demo.client.connections.listAll();
    const ping = (name: string) => {
      const c = connections.find((x) => x.name === name)!;
      return vscode.commands.executeCommand<PingResult>(
        'integratorIo.pingConnection',
        chosen({
          envId: demo.envId,
          kind: 'connections',
          id: c._id,
          name,
        }),
      );
    };
    assert.deepStrictEqual(await ping('Shopify Store'), { ok: true });
    const failed = await ping('Bank SFTP');
    assert.strictEqual(failed.ok, false);
    if (!failed.ok) assert.match(failed.message, /Authentication failed/);
    const said = demo.api.notify.recent.filter((n) => n.message.startsWith('Connection "Bank SFTP" failed')).at(-1);
    assert.deepStrictEqual(said?.actions, ['Open Connection'], 'a failed ping offers to open the connection');
    assert.deepStrictEqual(
      demo.api.notify.recent.filter((n) => n.message === 'Connection "Shopify Store" is healthy.').at(-1)?.actions,
      [],
    );
    const rows = await childrenOf(demo.api, await nodeAt(demo.api, 'Actions', 'Connections'));
    assert.strictEqual(descriptionOf(rows.find((r) => labelOf(r) === 'Bank SFTP')!), 'ftp · offline');
  });

  it('shows hostile connection names and API messages as text: no link or command in the notification', async () => {
    const sftp = (await demo.client.connections.listAll()).find((c) => c.name?.startsWith('Bank SFTP'))!;
    const hostile = 'Temp [Open settings](command:workbench.action.openSettings) $(alert)';
    await demo.client.connections.update(sftp._id, { ...(await demo.client.connections.get(sftp._id)), name: hostile });
    try {
      await vscode.commands.executeCommand(
        'integratorIo.pingConnection',
        chosen({
          envId: demo.envId,
          kind: 'connections',
          id: sftp._id,
          name: hostile,
        }),
      );
      const shown = demo.api.notify.recent.at(-1)!.message;
      assert.match(shown, /Open settings/, 'the name is still there to read');
      // VS Code renders [label](command:…) in notifications as a link, and $(name) as an icon.
      assert.ok(!/\]\(/.test(shown), `a link survived: ${shown}`);
      assert.ok(!/\$\(/.test(shown), `an icon survived: ${shown}`);
    } finally {
      await demo.client.connections.update(sftp._id, { ...(await demo.client.connections.get(sftp._id)), name: sftp.name });
    }
  });

  it("turns on debug logging and shows the connection's debug log", async () => {
    const shopify = (await demo.client.connections.listAll()).find((c) => c.name === 'Shopify Store')!;
    const target = chosen({ envId: demo.envId, kind: 'connections', id: shopify._id, name: shopify.name });
    const first = await vscode.commands.executeCommand<string>('integratorIo.showDebugLog', target, { enable: true });
    assert.strictEqual(first, '', 'nothing logged before debugging was on');
    assert.ok(Date.parse((await demo.client.connections.get(shopify._id)).debugDate!) > Date.now(), 'debugDate is in the future');
    await vscode.commands.executeCommand('integratorIo.pingConnection', target);
    const log = await vscode.commands.executeCommand<string>('integratorIo.showDebugLog', target);
    assert.match(log, /^\d{4}-\d\d-\d\dT[\d:.]+Z PING succeeded$/m);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /PING succeeded/, 'the log is shown in an editor');
  });

  it('tests the connection document in the editor, unsaved edits included, without saving it', async () => {
    const zendesk = (await demo.client.connections.listAll()).find((c) => c.name === 'Zendesk Support')!;
    const document = await openResourceDocument(demo.envId, 'connections', zendesk._id, zendesk.name);
    const json = JSON.parse(document.getText()) as JsonObject;
    (json.http as JsonObject).baseURI = 'https://acme.zendesk.invalid/api/v2';
    await replaceDocumentText(document, JSON.stringify(json, null, 2));
    demo.sandbox.clearRequests();
    const result = await vscode.commands.executeCommand<PingResult>('integratorIo.testConnectionDocument', document.uri);
    assert.strictEqual(result.ok, false);
    if (!result.ok) assert.match(result.message, /ENOTFOUND acme\.zendesk\.invalid/);
    assert.deepStrictEqual(
      demo.sandbox.requests().map((r) => `${r.method} ${r.path}`),
      ['POST /connections/ping'],
      'nothing saved',
    );
    assert.ok(document.isDirty);
  });
});
