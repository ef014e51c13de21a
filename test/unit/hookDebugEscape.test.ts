/**
 * The escape suite (test/support/hookEscapeCases.ts) against Debug Hook…: each case runs as
 * `node dist/hookDebug.js <request.json>`, started as the extension's launch configuration starts
 * it (debugLaunch.ts: the same environment stripping and Node flags, without the debugger), with
 * a real loopback bridge (apiBridge.ts) answering its integrator-api calls and a token canary in
 * this process's environment. Then the memory limit, the run folder's files, and the bridge's
 * secret check.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sameSecret, startApiBridge } from '../../src/hooks/apiBridge';
import { debugProcessEnv, debugRuntimeArgs, fatalEnd } from '../../src/hooks/debugLaunch';
import { HookResult } from '../../src/hooks/runner';
import { EscapeCase, EscapeWorld, hookEscapeCases, MEMORY_CASES, openEscapeWorld, TOKEN_CANARY } from '../support/hookEscapeCases';

const HOOK_DEBUG_JS = path.join(__dirname, '../../../dist/hookDebug.js');
const LIMIT_MB = 512;

interface DebugRun {
  result?: HookResult;
  /** What the extension shows when the process ended without a result (debugLaunch.ts). */
  fatal?: string;
  output: string;
}

/** One Debug Hook run of a script, in a private folder, as the extension starts it. */
async function debugRun(
  source: string,
  input: unknown,
  bridge?: { url: string; secret: string },
  functionName = 'preSavePage',
): Promise<DebugRun> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-debug-escape-'));
  try {
    const file = (name: string) => path.join(dir, name);
    await fs.writeFile(file('script (debug copy).js'), source);
    await fs.writeFile(file('input.json'), JSON.stringify(input));
    const request = {
      scriptFile: file('script (debug copy).js'),
      functionName,
      type: 'preSavePage',
      inputFile: file('input.json'),
      resultFile: file('result.json'),
      ...(bridge ? { bridge } : {}),
    };
    await fs.writeFile(file('request.json'), JSON.stringify(request));
    const output = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        [...debugRuntimeArgs(LIMIT_MB, dir), HOOK_DEBUG_JS, file('request.json')],
        { env: debugProcessEnv(process.env), maxBuffer: 64 * 1024 * 1024 },
        (_error, stdout, stderr) => resolve(stdout + stderr),
      );
    });
    const text = await fs.readFile(file('result.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) return { result: JSON.parse(text) as HookResult, output };
    return { fatal: fatalEnd(dir, functionName, LIMIT_MB) ?? `no result and no report: ${output.slice(-400)}`, output };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The Proxy case (as copied from wt-run) walks the list its proxies fill while it walks it: where
 * console.log reads a property of what it prints (here, to write it as JSON) each step adds an
 * entry and the walk never ends. Walking a copy of the list tries the same values. A no-op once
 * the shared case walks a copy itself.
 */
function withoutEndlessProxyLoop(source: string): string {
  return source.replace('for (var i = 0; i < caught.length; i++) {', 'for (var i = 0, n = caught.length; i < n; i++) {');
}

/** A refusal by the compartment of a source pattern (sourceCheck.ts). */
const REFUSED = /runs the script as Hardened JavaScript, which refuses the text/;

describe('Debug Hook… escape suite', function () {
  this.timeout(60_000);
  let world: EscapeWorld;
  let savedToken: string | undefined;
  let bridge: Awaited<ReturnType<typeof startApiBridge>>;
  let failingBridge: Awaited<ReturnType<typeof startApiBridge>>;
  before(async () => {
    world = await openEscapeWorld();
    // What the extension host would have: the debugged process must start without it.
    savedToken = process.env.INTEGRATOR_IO_TOKEN;
    process.env.INTEGRATOR_IO_TOKEN = TOKEN_CANARY;
    bridge = await startApiBridge((_path, args) => Promise.resolve({ data: [{ echoed: args.length }] }));
    failingBridge = await startApiBridge((callPath) => Promise.reject(new Error(`${callPath} refused by the test`)));
  });
  after(async () => {
    if (savedToken === undefined) delete process.env.INTEGRATOR_IO_TOKEN;
    else process.env.INTEGRATOR_IO_TOKEN = savedToken;
    await Promise.all([bridge.close(), failingBridge.close(), fs.rm(world.markerFile, { force: true })]);
    await world.close();
  });

  const names = hookEscapeCases({ markerFile: '/nonexistent', socketPort: 1, connections: () => 0, close: async () => {} }).map(
    (c) => c.name,
  );

  /** Runs a case and applies its check; a case refused for a pattern SES rejects runs again without it. */
  async function runCase(c: EscapeCase, through: { url: string; secret: string }): Promise<void> {
    const run = await debugRun(withoutEndlessProxyLoop(c.source), c.input, through);
    assert.ok(run.result, run.fatal);
    assert.ok(!run.output.includes(TOKEN_CANARY), 'the canary never appears in the process output');
    if (run.result.error !== undefined && REFUSED.test(run.result.error) && /\beval\(/.test(c.source)) {
      // SES refuses the whole script for a direct eval before anything runs: contained. To prove the
      // attempts themselves find nothing, they run again through an indirect eval (global scope).
      assert.match(run.result.error, /"eval\(" \(a direct eval\)/);
      const again = await debugRun(c.source.replace(/\beval\(/g, '(0, eval)('), c.input, through);
      assert.ok(again.result, again.fatal);
      c.check(again.result, world);
      return;
    }
    c.check(run.result, world);
  }

  for (const [i, name] of names.entries()) {
    for (const [apiName, which] of [
      ['answers', () => bridge],
      ['throws', () => failingBridge],
    ] as const) {
      it(`Debug Hook… (integrator-api ${apiName}): ${name}`, async () => {
        await runCase(hookEscapeCases(world)[i]!, which());
      });
    }
  }

  it('the debugged process starts with none of the host environment: no token, no INTEGRATOR_IO_* variable', async () => {
    process.env.INTEGRATOR_IO_EXTRA = 'canary-extra';
    try {
      const env = await new Promise<Record<string, string>>((resolve, reject) => {
        execFile(
          process.execPath,
          ['-e', 'process.stdout.write(JSON.stringify(process.env))'],
          { env: debugProcessEnv(process.env) },
          (error, stdout) => (error ? reject(new Error(error.message)) : resolve(JSON.parse(stdout) as Record<string, string>)),
        );
      });
      assert.ok(process.env.HOME !== undefined || process.env.USERPROFILE !== undefined, 'the parent has a home to leave out');
      assert.deepStrictEqual(
        Object.keys(env).filter((name) => name.startsWith('INTEGRATOR_IO') || name === 'HOME' || name === 'USERPROFILE'),
        [],
      );
      assert.ok(!JSON.stringify(env).includes(TOKEN_CANARY));
      assert.strictEqual(env.PATH, process.env.PATH, 'PATH stays: js-debug finds node with it');
    } finally {
      delete process.env.INTEGRATOR_IO_EXTRA;
    }
  });

  it('a script with an error keeps its line and column; a refused pattern says why and where', async () => {
    const thrown = await debugRun('function preSavePage(options) {\n  const x = 1;\n  return options.nothing.deeper;\n}\n', { data: [] });
    assert.strictEqual(thrown.result?.returned, false);
    assert.match(
      thrown.result.error!,
      /^TypeError: Cannot read properties of undefined \(reading 'deeper'\) \(.*script \(debug copy\)\.js:3:26\)$/,
    );
    assert.deepStrictEqual([thrown.result.line, thrown.result.column], [3, 26]);
    const syntax = await debugRun('function preSavePage(options) {\n  return {;\n}\n', { data: [] });
    assert.match(syntax.result!.error!, /^SyntaxError: .*:2:\d+\)$/);
    assert.strictEqual(syntax.result!.line, 2);
    const html = await debugRun(
      "function preSavePage(options) {\n  const page = '<!-- banner -->';\n  return { data: [], errors: [] };\n}\n",
      {
        data: [],
      },
    );
    assert.match(html.result!.error!, /refuses the text "<!--" or "-->" \(an HTML comment\) .* found at line 2 of .*Split it in a string/);
  });

  it('runs a real script with its ES imports: dayjs, sjcl and a synchronous integrator-api call', async () => {
    const source = [
      "import dayjs from 'dayjs';",
      "import * as sjcl from 'sjcl';",
      "import { exports } from 'integrator-api';",
      'function preSavePage(options) {',
      '  const answer = exports.run({ _id: options._exportId });',
      "  console.log('on', dayjs('2026-03-04').format('DD/MM/YYYY'));",
      "  return { data: [{ answer, hash: sjcl.codec.hex.fromBits(sjcl.hash.sha256.hash('abc')).slice(0, 12), now: typeof new Date().getTime() }], errors: [] };",
      '}',
    ].join('\n');
    const run = await debugRun(source, { data: [{ id: 1 }] }, bridge);
    assert.ok(run.result?.returned, run.result?.error ?? run.fatal);
    assert.deepStrictEqual(run.result.result, {
      data: [{ answer: { data: [{ echoed: 1 }] }, hash: 'ba7816bf8f01', now: 'number' }],
      errors: [],
    });
    assert.deepStrictEqual(
      run.result.logs.map((l) => l.text),
      ['on 04/03/2026'],
    );
    assert.deepStrictEqual(
      run.result.calls.map((c) => c.path),
      ['exports.run'],
    );
  });

  describe('memory', () => {
    it('a script allocating 1.5 GB in arrays is stopped with the message, and the next run works', async () => {
      const hog = await debugRun(MEMORY_CASES.find((m) => m.name === 'arrays')!.source, { data: [] });
      assert.strictEqual(hog.result, undefined, 'the process died at the heap limit');
      assert.match(hog.fatal!, /^preSavePage ran out of memory: the limit is 512 MB/);
      const next = await debugRun('function preSavePage(o) { return { data: [1], errors: [] }; }', { data: [] });
      assert.deepStrictEqual(next.result?.result, { data: [1], errors: [] });
    });

    it('a script allocating 1.5 GB in ArrayBuffers is stopped: the compartment has none to allocate', async () => {
      const hog = await debugRun(MEMORY_CASES.find((m) => m.name === 'ArrayBuffers')!.source, { data: [] });
      assert.strictEqual(hog.result?.returned, false);
      assert.match(
        hog.result.error!,
        /^(ReferenceError|TypeError): (ArrayBuffer|Uint8Array) is not (defined|a constructor) .* Debug Hook… offers no (ArrayBuffer|Uint8Array): ArrayBuffers, typed arrays/,
      );
    });
  });

  it('writes its result as a new file only: a link placed at the result path is not followed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-debug-link-'));
    try {
      const file = (name: string) => path.join(dir, name);
      const target = file('elsewhere.txt');
      await fs.writeFile(target, 'untouched');
      await fs.symlink(target, file('result.json'));
      await fs.writeFile(file('script.js'), 'function preSavePage(o) { return { data: [], errors: [] }; }');
      await fs.writeFile(file('input.json'), '{"data":[]}');
      const request = {
        scriptFile: file('script.js'),
        functionName: 'preSavePage',
        type: 'preSavePage',
        inputFile: file('input.json'),
        resultFile: file('result.json'),
      };
      await fs.writeFile(file('request.json'), JSON.stringify(request));
      const failed = await new Promise<string>((resolve) =>
        execFile(process.execPath, [HOOK_DEBUG_JS, file('request.json')], { env: debugProcessEnv(process.env) }, (error, _out, stderr) =>
          resolve(error ? stderr : ''),
        ),
      );
      assert.match(failed, /EEXIST/);
      assert.strictEqual(await fs.readFile(target, 'utf8'), 'untouched');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('the bridge compares its secret in constant time, and refuses a wrong one of any length', async () => {
    assert.strictEqual(sameSecret(bridge.secret, bridge.secret), true);
    for (const wrong of [
      '',
      'x',
      bridge.secret.slice(0, -1),
      `${bridge.secret}0`,
      bridge.secret.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')),
    ])
      assert.strictEqual(sameSecret(wrong, bridge.secret), false, wrong);
    assert.strictEqual(sameSecret(undefined, bridge.secret), false);
    assert.strictEqual(sameSecret([bridge.secret], bridge.secret), false);
    for (const wrong of ['short', `${bridge.secret}0`]) {
      const refused = await fetch(bridge.url, {
        method: 'POST',
        headers: { 'x-integrator-io-bridge': wrong },
        body: '{"path":"flows.run","args":[]}',
      });
      assert.strictEqual(refused.status, 403);
    }
    const accepted = await fetch(bridge.url, {
      method: 'POST',
      headers: { 'x-integrator-io-bridge': bridge.secret },
      body: '{"path":"flows.run","args":[]}',
    });
    assert.strictEqual(accepted.status, 200);
  });
});
