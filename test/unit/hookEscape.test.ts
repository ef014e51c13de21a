/**
 * The escape suite (test/support/hookEscapeCases.ts) against Run Hook…'s runner and against
 * `integrator-io hook run` as a CI job starts it: every case's attempts ran and found nothing of
 * the host, with the token canary in the environment of the process that runs the hook. Then the
 * memory limit: a script allocating 1.5 GB stops with the message, and the next run works.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HookResult, runHook } from '../../src/hooks/runner';
import { EscapeWorld, hookEscapeCases, MEMORY_CASES, openEscapeWorld, probeOf, TOKEN_CANARY } from '../support/hookEscapeCases';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const CLI_JS = path.join(__dirname, '../../../dist/cli.js');

/** An integrator-api that answers every call with a page of data, and one whose every call fails. */
const answering = (_path: string, args: unknown[]) => Promise.resolve({ data: [{ echoed: args.length }] });
const failing = (callPath: string) => Promise.reject(new Error(`${callPath} refused by the test`));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_JS, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('hook escape suite', function () {
  this.timeout(60_000);
  let world: EscapeWorld;
  let savedToken: string | undefined;
  before(async () => {
    world = await openEscapeWorld();
    // The runner's worker sees this process's environment: the canary is what a script would steal.
    savedToken = process.env.INTEGRATOR_IO_TOKEN;
    process.env.INTEGRATOR_IO_TOKEN = TOKEN_CANARY;
  });
  after(async () => {
    if (savedToken === undefined) delete process.env.INTEGRATOR_IO_TOKEN;
    else process.env.INTEGRATOR_IO_TOKEN = savedToken;
    await fs.rm(world.markerFile, { force: true });
    await world.close();
  });

  const cases = () => hookEscapeCases(world);
  // The names are fixed whatever the world: build the list once with a placeholder to name the tests.
  const names = hookEscapeCases({ markerFile: '/nonexistent', socketPort: 1, connections: () => 0, close: async () => {} }).map(
    (c) => c.name,
  );

  for (const [i, name] of names.entries()) {
    for (const [apiName, api] of [
      ['answers', answering],
      ['throws', failing],
    ] as const) {
      it(`Run Hook… (integrator-api ${apiName}): ${name}`, async () => {
        const c = cases()[i]!;
        const result = await runHook({
          source: c.source,
          filename: 'escape.js',
          functionName: c.functionName,
          type: c.type,
          input: c.input,
          api,
        });
        c.check(result, world);
      });
    }
  }

  describe('through integrator-io hook run', () => {
    let t: TestSandbox;
    let dir: string;
    before(async () => {
      t = await startTestSandbox();
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-escape-'));
    });
    after(async () => {
      await t.close();
      await fs.rm(dir, { recursive: true, force: true });
    });

    for (const [i, name] of names.entries()) {
      it(`the CLI with INTEGRATOR_IO_TOKEN set: ${name}`, async () => {
        const c = cases()[i]!;
        const script = path.join(dir, `case${i}.js`);
        const input = path.join(dir, `case${i}.json`);
        await fs.writeFile(script, c.source);
        await fs.writeFile(input, JSON.stringify(c.input));
        // --url makes the CLI hold a client with the canary token; the sandbox refuses the calls it makes.
        const args = ['hook', 'run', '--script', script, '--function', c.functionName, '--type', c.type, '--input', input];
        const run = await cli([...args, '--url', t.sandbox.baseUrl, '--json'], { INTEGRATOR_IO_TOKEN: TOKEN_CANARY });
        assert.ok(!run.stdout.includes(TOKEN_CANARY) && !run.stderr.includes(TOKEN_CANARY), 'the canary never appears in the output');
        const out = JSON.parse(run.stdout) as { result: unknown; logs: HookResult['logs']; error?: string; line?: number };
        const result: HookResult = {
          returned: out.error === undefined,
          result: out.result,
          logs: out.logs,
          calls: [],
          contract: { ok: true, problems: [], notes: [] },
          filled: [],
          ms: 0,
          ...(out.error !== undefined ? { error: out.error } : {}),
        };
        c.check(result, world);
        assert.strictEqual(run.code, result.returned ? 0 : 1, run.stderr);
      });
    }
  });

  it('the suite can fail: a record with a leak, or with an attempt missing, is refused', () => {
    const c = cases()[0]!;
    const leaked: HookResult = {
      returned: true,
      result: { data: [{ ran: ['options.constructor.constructor'], leaks: ['options.constructor.constructor: process'], seen: {} }] },
      logs: [],
      calls: [],
      contract: { ok: true, problems: [], notes: [] },
      filled: [],
      ms: 0,
    };
    assert.throws(() => c.check(leaked, world), /the attempt|anything of the host/);
    const missing: HookResult = { ...leaked, result: { data: [{ ran: [], leaks: [], seen: {} }] } };
    assert.throws(() => c.check(missing, world), /the attempt "options\.constructor\.constructor" ran/);
    assert.throws(() => probeOf({ ...leaked, returned: false, error: 'x' }), /ran to its end/);
  });

  describe('memory', () => {
    for (const m of MEMORY_CASES) {
      it(`a script allocating 1.5 GB in ${m.name} is stopped with the message, and the next run works`, async () => {
        const result = await runHook({
          source: m.source,
          filename: 'hog.js',
          functionName: 'preSavePage',
          type: 'preSavePage',
          input: { data: [] },
        });
        assert.strictEqual(result.returned, false);
        assert.match(result.error!, /ran out of memory: the limit is 512 MB/);
        const next = await runHook({
          source: 'function preSavePage(o) { return { data: [1], errors: [] }; }',
          filename: 'next.js',
          functionName: 'preSavePage',
          type: 'preSavePage',
          input: { data: [] },
        });
        assert.deepStrictEqual(next.result, { data: [1], errors: [] });
      });
    }

    it('through the CLI: exit 1 with the message, the limit from --memory-limit', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-memory-'));
      try {
        const script = path.join(dir, 'hog.js');
        const input = path.join(dir, 'in.json');
        await fs.writeFile(script, MEMORY_CASES[1]!.source);
        await fs.writeFile(input, '{"data":[]}');
        const args = ['hook', 'run', '--script', script, '--function', 'preSavePage', '--type', 'preSavePage', '--input', input];
        const run = await cli(args, {});
        assert.strictEqual(run.code, 1);
        assert.match(run.stderr, /ran out of memory: the limit is 512 MB/);
        const smaller = await cli([...args, '--memory-limit', '64'], {});
        assert.strictEqual(smaller.code, 1);
        assert.match(smaller.stderr, /ran out of memory: the limit is 64 MB/);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  });
});
