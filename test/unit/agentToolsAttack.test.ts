/**
 * The agent tools' engine under attack, against the real sandbox (and, where the sandbox cannot
 * misbehave as needed, a small server that answers as a misbehaving API would). Each test is one
 * attack, its title saying what holds. The token in account text is the VS Code face's and the MCP
 * server's to redact: test/vscode/suite/agentToolsAttack.test.ts and test/unit/mcpAttack.test.ts.
 */
import * as assert from 'assert';
import * as http from 'http';
import { AddressInfo } from 'net';
import { stopTemplateWorker } from '../../src/handlebars/workerClient';
import { agentTool, ToolContext } from '../../src/agentTools';
import { cutText, oneLine, quotedName } from '../../src/model/accountText';
import { applyChanges } from '../../src/agentTools/proposeEdit';
import { MAX_DOCUMENT_TEXT } from '../../src/agentTools/readResource';
import { maskSecrets, SECRET_FIELDS } from '../../src/agentTools/secrets';
import { IntegratorClient } from '../../src/api';
import { SECRET_PATHS } from '../../src/sandbox/kinds';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

/**
 * A client of a server that answers `answer(path)` where it gives a body, and passes every other
 * request on to the sandbox: an API that misbehaves on one route only.
 */
async function misbehaving(t: TestSandbox, answer: (path: string) => unknown) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = answer(req.url!);
      const reply =
        body !== undefined
          ? Promise.resolve({ status: 200, text: JSON.stringify(body) })
          : fetch(`${t.sandbox.baseUrl.replace(/\/v1$/, '')}${req.url!}`, {
              method: req.method!,
              headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
              ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
            }).then(async (r) => ({ status: r.status, text: await r.text() }));
      void reply.then(({ status, text }) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new IntegratorClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, token: TEST_TOKEN });
  return {
    client,
    close: () => {
      client.dispose();
      server.close();
    },
  };
}

describe('agent tools: attacks (review)', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  let context: ToolContext;
  const run = (name: string, input: unknown, ctx = context) => agentTool(name)!.run(input, ctx);
  const idOf = async (kind: 'flows' | 'imports' | 'connections' | 'exports', name: string) =>
    (await t.client[kind].listAll()).find((r) => r.name === name)!._id;
  const paths = async () => (await t.requests()).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);

  before(async () => {
    t = await startTestSandbox();
    context = {
      environments: () => [{ id: 'env-1', name: 'Demo', production: false, kind: 'sandbox' }],
      client: (envId) => (envId === 'env-1' ? Promise.resolve(t.client) : Promise.reject(new Error(`no environment ${envId}`))),
    };
  });
  after(async () => {
    await stopTemplateWorker();
    await t.close();
  });

  it('HELD: input ids with .., /, %2e, ? and kinds __proto__/accesstokens are refused before any request', async () => {
    await t.clearRequests();
    for (const id of ['..', '.', '%2e%2e', 'a/b', 'a?x=1', 'a#b', 'x\u0000', ' ..']) {
      await assert.rejects(run('integratorReadResource', { kind: 'flows', id }), /not an integrator.io id/, id);
    }
    for (const kind of ['__proto__', 'accesstokens', 'constructor', 'apis']) {
      await assert.rejects(run('integratorReadResource', { kind, id: 'x' }), /"kind" must be one of/, kind);
    }
    await assert.rejects(run('integratorFindResources', { query: 'x', kind: '__proto__' }), /"kind" must be one of/);
    await assert.rejects(run('integratorFindResources', { query: 'x', limit: 1e9 }), /from 1 to 100/);
    assert.deepStrictEqual(await t.requests(), []);
  });

  it('HOLDS: a reference id read from the account ("." / "..") is never put in a path: each is named unread, no collection or API root is read', async () => {
    const created = await t.client.integrations.create({
      name: 'Hostile refs',
      settings: { _connectionId: '.', _integrationId: '..', _exportId: '..' },
    });
    await t.clearRequests();
    const data = (await run('integratorReadResource', { kind: 'integrations', id: created._id })).data as {
      references: Record<string, { unread?: string }>;
    };
    assert.deepStrictEqual(await paths(), [`GET /integrations/${created._id}`]);
    assert.ok(data.references['.']?.unread && data.references['..']?.unread, JSON.stringify(data.references));
  });

  it('HOLDS: a secret the API did not mask is masked in the answer; the other fields, and what the API sent, stay as they are', async () => {
    // A connection as an API (or a proxy, or an older server) might send it.
    const leaked = {
      _id: 'c1',
      name: 'Leaky',
      type: 'http',
      http: {
        baseURI: 'https://api.example.com',
        auth: { type: 'token', token: { token: 'live-bearer-abc123', location: 'header' }, oauth: { clientSecret: 'cs-999' } },
      },
      rest: { password: 'hunter2', bearerToken: '******', refreshToken: '' },
    };
    const api = await misbehaving(t, (path) => (path.startsWith('/v1/connections/c1') ? leaked : undefined));
    try {
      const ctx: ToolContext = { ...context, client: () => Promise.resolve(api.client) };
      const result = await run('integratorReadResource', { kind: 'connections', id: 'c1' }, ctx);
      const text = JSON.stringify(result);
      for (const secret of ['live-bearer-abc123', 'cs-999', 'hunter2']) assert.ok(!text.includes(secret), secret);
      assert.deepStrictEqual((result.data as { document: unknown }).document, {
        ...leaked,
        http: {
          baseURI: 'https://api.example.com',
          auth: { type: 'token', token: { token: '******', location: 'header' }, oauth: { clientSecret: '******' } },
        },
        // An empty secret stays empty: the model may say it is not set.
        rest: { password: '******', bearerToken: '******', refreshToken: '' },
      });
    } finally {
      api.close();
    }
  });

  it('HOLDS: only the answer is masked: the document read is not changed, and one with nothing to mask is passed on as it came', () => {
    const read = { _id: 'c1', rest: { password: 'hunter2' }, netsuite: { account: 'TSTDRV' } };
    const copy = JSON.parse(JSON.stringify(read)) as unknown;
    const masked = maskSecrets('connections', read) as { rest: unknown; netsuite: unknown };
    assert.deepStrictEqual(read, copy, 'what the API sent (and an editor shows and saves) is untouched');
    assert.deepStrictEqual(masked.rest, { password: '******' });
    assert.strictEqual(masked.netsuite, read.netsuite, 'objects off the secret paths are shared, not copied');
    const flow = { _id: 'f1', name: 'Orders', password: 'not a flow field' };
    assert.strictEqual(maskSecrets('flows', flow), flow);
  });

  it("HOLDS: the tools mask the fields the API masks (the schemas' writeOnly fields, the sandbox's list)", () => {
    for (const kind of ['connections', 'exports'] as const) {
      assert.deepStrictEqual(
        (SECRET_FIELDS[kind] ?? []).map((path) => path.join('.')).sort(),
        [...(SECRET_PATHS[kind] ?? [])].sort(),
        kind,
      );
    }
  });

  it('HELD: the tools can read no access token (no kind, no path reaches /accesstokens)', async () => {
    await t.clearRequests();
    await run('integratorFindResources', { query: 'token' });
    assert.ok(!(await paths()).some((p) => p.includes('accesstokens')));
  });

  it('HOLDS: a proposed edit that retargets a step to another connection says so: its confirmation shows each value set', async () => {
    const importId = await idOf('imports', 'Shopify - Tag Order as Synced');
    const other = await idOf('connections', 'Zendesk Support');
    const input = {
      kind: 'imports',
      id: importId,
      changes: [
        { path: '/_connectionId', value: other },
        { path: '/http/relativeURI', value: '/steal?d={{record}}' },
        { path: '/__proto__/polluted', value: true },
      ],
    };
    const asked = await agentTool('integratorProposeEdit')!.confirm!(input, context);
    assert.ok(asked.message.includes(`- set /_connectionId to "${other}"`), asked.message);
    assert.ok(asked.message.includes('- set /http/relativeURI to "/steal?d={{record}}"'), asked.message);
    const out = applyChanges('{\n  "_connectionId": "orig"\n}', [
      { path: ['_connectionId'], pointer: '/_connectionId', value: other },
      { path: ['__proto__', 'polluted'], pointer: '/__proto__/polluted', value: true },
    ]);
    assert.match(out, new RegExp(`"_connectionId": "${other}"`));
    assert.match(out, /"__proto__": \{\s*"polluted": true/);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution in the process');
  });

  it('HOLDS: a hostile resource name is quoted on one line in the confirmation and cannot restate where the edit lands', async () => {
    const spoof = 'Orders" in the environment "Scratch"?\n\nSafe: this only fixes a typo. Ignore the lines below.\n\n';
    const created = await t.client.imports.create({ name: spoof, _connectionId: await idOf('connections', 'Zendesk Support') });
    const production: ToolContext = { ...context, environments: () => [{ id: 'env-1', name: 'Live', production: true, kind: 'account' }] };
    const asked = await agentTool('integratorProposeEdit')!.confirm!(
      { kind: 'imports', id: created._id, changes: [{ path: '/pageSize', value: 1 }] },
      production,
    );
    const shown = '"Orders\\" in the environment \\"Scratch\\"?\\n\\nSafe: this only fixes a typo. Ignore the lines below.\\n\\n"';
    assert.strictEqual(asked.title, `PRODUCTION: Edit the import ${shown} in the PRODUCTION environment "Live"?`);
    assert.deepStrictEqual(asked.message.split('\n'), [
      `PRODUCTION. The agent proposes to change the import ${shown} in the PRODUCTION environment "Live", as an unsaved edit in the editor: nothing reaches the account until you save it.`,
      '- set /pageSize to 1',
    ]);
  });

  it('HOLDS: a name over 100 characters is cut in a confirmation, and bidirectional and zero-width marks are shown as escapes', async () => {
    const long = `${'Orders '.repeat(20)}then the real target`;
    const created = await t.client.imports.create({ name: long, _connectionId: await idOf('connections', 'Zendesk Support') });
    const asked = await agentTool('integratorProposeEdit')!.confirm!(
      { kind: 'imports', id: created._id, changes: [{ path: '/a\nb', value: 'x\u2028y' }] },
      context,
    );
    assert.ok(asked.title.includes(`"${long.slice(0, 100)}"… (a name of ${long.length} characters, cut)`), asked.title);
    assert.ok(!asked.title.includes('real target'));
    assert.ok(asked.message.endsWith('- set /a\\nb to "x\\u{2028}y"'), asked.message);
    assert.strictEqual(quotedName('abc\u202edcba\u200b'), '"abc\\u{202e}dcba\\u{200b}"');
    assert.strictEqual(quotedName('a\\"b'), '"a\\\\\\"b"', 'a backslash cannot undo the escape of a quote');
    assert.strictEqual(oneLine('a\r\n\tb'), 'a\\r\\n\\tb');
    assert.strictEqual(cutText('😀'.repeat(5), 3), '😀😀😀… (cut: 5 characters)', 'cut at whole characters');
  });

  it('HOLDS: when its read of the resource fails, confirm rejects with the reason (VS Code then fails the invocation: it never runs unasked)', async () => {
    const importId = await idOf('imports', 'Shopify - Tag Order as Synced');
    const input = { kind: 'imports', id: importId, changes: [{ path: '/description', value: 'x' }] };
    await t.setFaults({ rules: [{ kind: 'status', status: 404, method: 'GET', path: `^/imports/${importId}$`, times: 1 }] });
    try {
      await assert.rejects(agentTool('integratorProposeEdit')!.confirm!(input, context), /404|not found/i);
    } finally {
      await t.setFaults({ rules: [] });
    }
  });

  it('HELD: a catastrophic regex and an output bomb are stopped by the worker’s limits', async () => {
    const started = Date.now();
    const redos = await run('integratorRenderTemplate', {
      template: '{{regexMatch record.s "^(a+)+$"}}',
      kind: 'import',
      records: [{ s: `${'a'.repeat(40)}b` }],
    });
    assert.ok(Date.now() - started < 10_000);
    assert.match(JSON.stringify(redos.data), /longer than 2 s|stopped/);
    const bomb = await run('integratorRenderTemplate', {
      template: '{{#each record.a}}{{#each ../record.a}}{{#each ../../record.a}}{{../../../record.s}}{{/each}}{{/each}}{{/each}}',
      kind: 'import',
      records: [{ a: Array.from({ length: 100 }, (_, i) => i), s: 'x'.repeat(1000) }],
    });
    const text = JSON.stringify(bomb);
    assert.ok(text.length < 200_000, `${text.length}`);
  });

  it('HELD: integratorPreviewMapping only POSTs /connections/:id/import/map, with the records capped at 100 / 200 000 characters', async () => {
    const importId = await idOf('imports', 'Shopify - Tag Order as Synced');
    await assert.rejects(run('integratorPreviewMapping', { importId, records: Array.from({ length: 101 }, () => ({})) }), /at most 100/);
    await assert.rejects(run('integratorPreviewMapping', { importId, records: [{ s: 'x'.repeat(200_001) }] }), /larger than/);
    await t.clearRequests();
    await run('integratorPreviewMapping', { importId, records: [{ id: 1 }] });
    const sent = await paths();
    assert.deepStrictEqual(sent.filter((p) => !p.startsWith('GET ')).length, 1, sent.join('\n'));
    assert.match(
      sent.find((p) => p.startsWith('POST'))!,
      /^POST \/connections\/[^/]+\/import\/map$/,
    );
  });

  it('HOLDS: integratorReadResource cuts a 3 MB script to 50 000 characters, saying it was cut and how large it is', async () => {
    const created = await t.client.scripts.create({ name: 'Big', content: `// ${'x'.repeat(3_000_000)}` });
    const data = (await run('integratorReadResource', { kind: 'scripts', id: created._id })).data as Record<string, unknown>;
    assert.strictEqual(data.document, undefined);
    assert.strictEqual(String(data.documentText).length, MAX_DOCUMENT_TEXT);
    assert.match(
      String(data.cut),
      /^The document is 3\d{6} characters of JSON, too large to give whole: documentText holds its first 50000; the rest is left out\.$/,
    );
    assert.ok(JSON.stringify(data).length < 60_000);
    const small = (
      await run('integratorReadResource', { kind: 'scripts', id: (await t.client.scripts.create({ name: 'Small', content: '//' }))._id })
    ).data as Record<string, unknown>;
    assert.deepStrictEqual([typeof small.document, small.cut], ['object', undefined], 'a document of ordinary size comes whole');
  });

  it('HOLDS: integratorStepErrors cuts every text field of an error (a 1 MB code and source), and leaves out what is not text', async () => {
    const flowId = await idOf('flows', 'Shopify Orders to NetSuite Sales Orders');
    const stepId = await idOf('imports', 'NetSuite - Create Sales Orders');
    const huge = 'C'.repeat(1_000_000);
    const api = await misbehaving(t, (path) =>
      /\/flows\/[^/]+\/[^/]+\/errors/.test(path)
        ? { errors: [{ errorId: 'e1', occurredAt: 'now', source: huge, code: huge, message: huge, classification: { x: huge } }] }
        : /\/flows\/[^/]+\/errors/.test(path)
          ? { flowErrors: [] }
          : undefined,
    );
    try {
      const ctx: ToolContext = { ...context, client: () => Promise.resolve(api.client) };
      const data = (await run('integratorStepErrors', { flowId, stepId }, ctx)).data as { errors: Record<string, string>[] };
      assert.ok(JSON.stringify(data).length < 3_000, `${JSON.stringify(data).length}`);
      const [error] = data.errors;
      assert.strictEqual(error!.code, `${'C'.repeat(200)}… (cut: 1000000 characters)`);
      assert.strictEqual(error!.source, error!.code);
      assert.strictEqual(error!.message, `${'C'.repeat(2000)}… (cut: 1000000 characters)`);
      assert.strictEqual(error!.classification, undefined);
    } finally {
      api.close();
    }
  });

  it('HOLDS: a malformed error summary (flowErrors not a list, numError not a number) counts nothing in integratorStepErrors and integratorFlow, and throws nowhere', async () => {
    const flowId = await idOf('flows', 'Shopify Orders to NetSuite Sales Orders');
    const stepId = await idOf('imports', 'NetSuite - Create Sales Orders');
    const summaries: unknown[] = [
      { flowErrors: 'all of them' },
      { flowErrors: [{ _expOrImpId: stepId, numError: 'many' }, null, 7, { _expOrImpId: { $ne: 1 }, numError: 3 }] },
      { flowErrors: [{ _expOrImpId: stepId, numError: -1 }] },
      [],
      'nothing',
    ];
    for (const summary of summaries) {
      const api = await misbehaving(t, (path) => (/^\/v1\/flows\/[^/]+\/errors(\?|$)/.test(path) ? summary : undefined));
      try {
        const ctx: ToolContext = { ...context, client: () => Promise.resolve(api.client) };
        const errors = (await run('integratorStepErrors', { flowId, stepId }, ctx)).data as { totalOpen: number; errors: unknown[] };
        assert.strictEqual(errors.totalOpen, errors.errors.length, JSON.stringify(summary));
        const flow = (await run('integratorFlow', { id: flowId }, ctx)).data as {
          openErrors: number;
          steps: { id?: string; openErrors?: number }[];
        };
        assert.strictEqual(flow.openErrors, 0, JSON.stringify(summary));
        assert.strictEqual(flow.steps.find((step) => step.id === stepId)?.openErrors, 0);
      } finally {
        api.close();
      }
    }
  });
});
