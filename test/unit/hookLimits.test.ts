/**
 * What a hook run hands back to the host is bounded (src/hooks/resultLimits.ts): a script of a
 * few lines from a shared account can make a value whose JSON, or whose laid-out text, is
 * hundreds of megabytes, replace the built-ins the console is made of, nest a value past what a
 * structured clone survives, leave a promise callback running, or give an integrator-api call a
 * path instead of an id. Each is tried here through Run Hook…'s runner, the CLI, and Debug Hook…'s
 * program, the way the script would arrive.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { apiCalls } from '../../src/hooks/apiCalls';
import { MAX_API_CALLS } from '../../src/hooks/callLog';
import { MAX_PROBLEMS } from '../../src/hooks/contracts';
import { debugProcessEnv, debugRuntimeArgs } from '../../src/hooks/debugLaunch';
import { MAX_LOG_CHARS, parseResult, shapeOf } from '../../src/hooks/resultLimits';
import { HookResult, runHook } from '../../src/hooks/runner';
import { startTestSandbox, TestSandbox } from '../support/sandbox';

const HOOK_DEBUG_JS = path.join(__dirname, '../../../dist/hookDebug.js');
const CLI_JS = path.join(__dirname, '../../../dist/cli.js');

/** 8 × 8⁷ numbers, written out in full each time the one array is referenced: 38 MB of JSON from a few bytes. */
const AMPLIFIED = 'let a = [1, 2, 3, 4, 5, 6, 7, 8]; for (let i = 0; i < 7; i++) a = [a, a, a, a, a, a, a, a];';

function run(body: string, input: unknown = { data: [{ id: 1 }], errors: [] }): Promise<HookResult> {
  return runHook({
    source: `function preSavePage(options) {\n${body}\n}\n`,
    filename: 'limits.js',
    functionName: 'preSavePage',
    type: 'preSavePage',
    input,
    timeoutMs: 20_000,
  });
}

/** The same script as Debug Hook… runs it (its program, started as the extension starts it, without the debugger). */
async function debugRun(body: string): Promise<HookResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-limits-'));
  try {
    const file = (name: string) => path.join(dir, name);
    await fs.writeFile(file('script.js'), `function preSavePage(options) {\n${body}\n}\n`);
    await fs.writeFile(file('input.json'), JSON.stringify({ data: [{ id: 1 }], errors: [] }));
    const request = {
      scriptFile: file('script.js'),
      functionName: 'preSavePage',
      type: 'preSavePage',
      inputFile: file('input.json'),
      resultFile: file('result.json'),
    };
    await fs.writeFile(file('request.json'), JSON.stringify(request));
    await new Promise<void>((resolve) =>
      execFile(
        process.execPath,
        [...debugRuntimeArgs(512, dir), HOOK_DEBUG_JS, file('request.json')],
        { env: debugProcessEnv(process.env) },
        () => resolve(),
      ),
    );
    return JSON.parse(await fs.readFile(file('result.json'), 'utf8')) as HookResult;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function logChars(result: HookResult): number {
  return result.logs.reduce((sum, l) => sum + l.text.length, 0);
}

describe('what a hook run hands back is bounded', function () {
  this.timeout(60_000);

  it('refuses a result whose JSON is past the limit, made from a few bytes of shared arrays, in Run Hook… and Debug Hook…', async () => {
    for (const [how, result] of [
      ['Run Hook…', await run(`${AMPLIFIED}\nreturn { data: [a], errors: [] };`)],
      ['Debug Hook…', await debugRun(`${AMPLIFIED}\nreturn { data: [a], errors: [] };`)],
    ] as const) {
      assert.strictEqual(result.returned, false, how);
      assert.strictEqual(result.result, undefined, how);
      assert.match(
        result.error ?? '',
        /returned 38 MB of JSON, more than a local run takes \(20 MB; integrator\.io itself takes at most 5 MB per page\)/,
        how,
      );
    }
  });

  it('through the CLI: exit 1 with the message, and the output stays small', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-limits-cli-'));
    try {
      await fs.writeFile(path.join(dir, 'amp.js'), `function preSavePage(options) {\n${AMPLIFIED}\nreturn { data: [a], errors: [] };\n}\n`);
      await fs.writeFile(path.join(dir, 'in.json'), '{"data":[{"id":1}],"errors":[]}');
      const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          [
            CLI_JS,
            'hook',
            'run',
            '--script',
            path.join(dir, 'amp.js'),
            '--function',
            'preSavePage',
            '--type',
            'preSavePage',
            '--input',
            path.join(dir, 'in.json'),
            '--json',
          ],
          { maxBuffer: 256 * 1024 * 1024 },
          (error, out) => resolve({ code: error ? Number(error.code) : 0, stdout: out }),
        ),
      );
      assert.strictEqual(code, 1);
      assert.ok(stdout.length < 10_000, `${stdout.length} characters printed`);
      assert.match((JSON.parse(stdout) as { error: string }).error, /returned 38 MB of JSON/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a small result that would take hundreds of megabytes laid out (deep nesting, many times)', async () => {
    const result = await run(
      'let d = []; for (let i = 0; i < 900; i++) d = [d];\nconst rows = []; for (let i = 0; i < 300; i++) rows.push(d);\nreturn { data: rows, errors: [] };',
    );
    assert.strictEqual(result.returned, false);
    assert.match(result.error ?? '', /takes 489 MB laid out for reading \(its JSON is 0\.5 MB\), more than a local run shows \(64 MB\)/);
  });

  it('says so for a result nested past the limit, however deep: never a crashed worker', async () => {
    for (const depth of [3_000, 100_000]) {
      const result = await run(`let d = {}; for (let i = 0; i < ${depth}; i++) d = { d };\nreturn { data: [d], errors: [] };`);
      assert.strictEqual(result.returned, false, `depth ${depth}`);
      assert.doesNotMatch(result.error ?? '', /worker ended|crashed/, `depth ${depth}`);
      if (depth === 3_000) assert.match(result.error ?? '', /nested more than 1000 levels deep/);
    }
    // The worker is fine for the next run.
    const next = await run('return { data: options.data, errors: [] };');
    assert.ok(next.returned, next.error);
  });

  it('keeps the console within its bound whatever the script did to the built-ins it is made of', async () => {
    const result = await run(
      [
        // A line that claims no length but writes out a megabyte.
        "Array.prototype.join = function () { return { length: 0, big: 'x'.repeat(1000000) }; };",
        "String.prototype.slice = function () { return 'y'.repeat(1000000); };",
        "for (let i = 0; i < 20; i++) console.log('z'.repeat(1000000), { k: i });",
        // Consulted by JSON.stringify for every object and array it writes: the console's entries and list are not.
        "Object.prototype.toJSON = function () { return 'w'.repeat(3000000); };",
        'Array.prototype.toJSON = Object.prototype.toJSON;',
        'return { data: options.data, errors: [] };',
      ].join('\n'),
    );
    assert.ok(result.returned, result.error);
    assert.ok(logChars(result) <= MAX_LOG_CHARS + 100, `${logChars(result)} characters of console kept`);
    assert.strictEqual(result.logs.at(-1)?.text, '(more console output was not kept)');
    assert.ok(result.logs.every((l) => typeof l.text === 'string'));
  });

  it('a single huge console line is cut to the bound, in Run Hook… and Debug Hook…', async () => {
    const body = `${AMPLIFIED}\nconsole.log(a); console.log('after');\nreturn { data: options.data, errors: [] };`;
    for (const [how, result] of [
      ['Run Hook…', await run(body)],
      ['Debug Hook…', await debugRun(body)],
    ] as const) {
      assert.ok(result.returned, `${how}: ${result.error}`);
      assert.strictEqual(logChars(result), MAX_LOG_CHARS + '(more console output was not kept)'.length, how);
    }
  });

  it('an error the script throws is cut too: a thrown value of megabytes', async () => {
    const result = await run(`${AMPLIFIED}\nthrow a;`);
    assert.strictEqual(result.returned, false);
    assert.ok((result.error ?? '').length < 30_000, `${result.error?.length} characters of error`);
  });

  it('says when a promise callback the function queued was stopped at the time limit, and keeps what it returned', async () => {
    const result = await runHook({
      source:
        'function preSavePage(options) {\n  Promise.resolve().then(function () { for (;;) {} });\n  return { data: options.data, errors: [] };\n}\n',
      filename: 'job.js',
      functionName: 'preSavePage',
      type: 'preSavePage',
      input: { data: [{ id: 1 }], errors: [] },
      timeoutMs: 300,
    });
    assert.ok(result.returned, result.error);
    assert.deepStrictEqual(result.result, { data: [{ id: 1 }], errors: [] });
    assert.match(result.logs.at(-1)?.text ?? '', /promise callback the function queued was stopped at the time limit/);
  });

  it('lists the first 100 contract problems and counts the rest: a short result of 200,000 bad elements (200,001 problems)', async () => {
    const result = await runHook({
      source: 'function preMap(options) { var a = []; for (var i = 0; i < 200000; i++) a.push(0); return a; }',
      filename: 'many.js',
      functionName: 'preMap',
      type: 'preMap',
      input: { data: [{ id: 1 }] },
    });
    assert.ok(result.returned, result.error);
    assert.strictEqual(result.contract.problems.length, MAX_PROBLEMS + 1);
    assert.strictEqual(result.contract.problems.at(-1), '…and 199901 more problems like these');
  });

  it('makes at most 2,000 integrator-api calls a run: the rest are refused inside the script, counted in one entry', async () => {
    const result = await runHook({
      source: [
        "import { exports as ex } from 'integrator-api';",
        'function preSavePage(options) {',
        '  var refused = 0;',
        '  for (var i = 0; i < 5000; i++) { try { ex.run({ _id: "0123456789abcdef01234567" }); } catch (e) { if (/at most 2000 calls/.test(e.message)) refused++; } }',
        '  return { data: [{ refused: refused }], errors: [] };',
        '}',
      ].join('\n'),
      filename: 'calls.js',
      functionName: 'preSavePage',
      type: 'preSavePage',
      input: { data: [] },
      api: () => Promise.resolve({ data: [] }),
    });
    assert.ok(result.returned, result.error);
    assert.deepStrictEqual(result.result, { data: [{ refused: 3000 }], errors: [] });
    assert.strictEqual(result.calls.length, MAX_API_CALLS + 1);
    assert.deepStrictEqual(result.calls.at(-1), {
      path: '(more calls)',
      ms: 0,
      error: '3000 more calls were refused: a local run makes at most 2000',
    });
  });

  it('Debug Hook…: a thrown value whose stack getter answers a string, then an object, is reported, not a crash', async () => {
    const result = await debugRun(
      "var n = 0; throw { get name() { return 'Error'; }, get message() { return 'm'; }, get stack() { return ++n === 1 ? 's' : { length: 0 }; } };",
    );
    assert.strictEqual(result.returned, false);
    assert.strictEqual(result.error, 'Error: m');
  });

  it('Debug Hook…: the program ends once the result is written, whatever promise callbacks the script left running', async () => {
    const result = await debugRun('Promise.resolve().then(function spin() { for (;;) {} });\nreturn { data: options.data, errors: [] };');
    assert.ok(result.returned, result.error);
    assert.deepStrictEqual(result.result, { data: [{ id: 1 }], errors: [] });
  });

  it('measures the laid-out size exactly as JSON.stringify lays it out (any JSON value)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const json = JSON.stringify(value);
        assert.strictEqual(json.length + shapeOf(value).layout, JSON.stringify(value, null, 2).length);
        assert.deepStrictEqual(parseResult(json), { value: JSON.parse(json) as unknown });
      }),
    );
  });

  describe('integrator-api calls against a sandbox', () => {
    let sandbox: TestSandbox;
    before(async () => {
      sandbox = await startTestSandbox();
    });
    after(() => sandbox.close());

    it('an id that is a path (.., ., a slash) is refused before any request', async () => {
      const calls = apiCalls(sandbox.client);
      for (const [call, args] of [
        ['exports.run', { _id: '..' }],
        ['imports.run', { _id: '.' }],
        ['flows.run', { _id: '../connections' }],
        ['exports.runVirtual', { export: { _connectionId: '../../integrations' } }],
      ] as const) {
        await sandbox.clearRequests();
        await assert.rejects(calls(call, [args]), /needs the _id of one \(24 hexadecimal characters\)/, call);
        assert.deepStrictEqual(await sandbox.requests(), [], `${call}: no request`);
      }
      // A real id still runs.
      const flow = (await sandbox.client.flows.listAll())[0]!;
      await sandbox.clearRequests();
      const started = (await calls('flows.run', [{ _id: flow._id }])) as { _jobId: string };
      assert.match(started._jobId, /^[0-9a-f]{24}$/);
    });
  });
});
