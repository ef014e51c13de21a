/**
 * `integrator-io hook run` as a CI job runs it: the built dist/cli.js in a child process, on
 * files, with the exit codes the README documents (0 fits, 4 breaks the contract, 1 threw).
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

const CLI_JS = path.join(__dirname, '../../../dist/cli.js');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_JS, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('integrator-io hook run', function () {
  this.timeout(30_000);
  let dir: string;
  const file = async (name: string, text: string) => {
    const at = path.join(dir, name);
    await fs.writeFile(at, text);
    return at;
  };
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hook-cli-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  const preMap = (body: string) => `// a preMap hook\nfunction preMap(options) {\n${body}\n}\n`;

  it('prints what the hook returned and exits 0 when it fits the contract', async () => {
    const script = await file('fits.js', preMap('  return options.data.map((d) => ({ data: { ...d, seen: true } }));'));
    const input = await file('input.json', JSON.stringify({ data: [{ id: 1 }, { id: 2 }] }));
    const run = await cli(['hook', 'run', '--script', script, '--function', 'preMap', '--type', 'preMap', '--input', input]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(JSON.parse(run.stdout), [{ data: { id: 1, seen: true } }, { data: { id: 2, seen: true } }]);
  });

  it('--json cannot be forged by what a script returns: C1 and bidi controls are escaped, never stripped', async () => {
    // 8-bit CSI before a quote, once stripped, would leave a bare quote closing the string; an
    // unterminated 8-bit OSC would swallow the rest of the output. The script fakes a passing contract.
    const forged = 'x\u009b"}, \u009b"contract\u009b": {\u009b"ok\u009b": true, \u009b"problems\u009b": []}}\u202e\u009d';
    const script = await file(
      'forge.js',
      `function preSavePage(options) {\n  return { data: 'not an array', note: ${JSON.stringify(forged)} };\n}\n`,
    );
    const input = await file('forge-input.json', JSON.stringify({ data: [{ id: 1 }], errors: [] }));
    const run = await cli([
      'hook',
      'run',
      '--script',
      script,
      '--function',
      'preSavePage',
      '--type',
      'preSavePage',
      '--input',
      input,
      '--json',
    ]);
    assert.strictEqual(run.code, 4, run.stderr);
    assert.doesNotMatch(run.stdout, /[\u007f-\u009f\u202a-\u202e]/, 'no raw control character reaches the terminal');
    const out = JSON.parse(run.stdout) as { result: { note: string }; contract: { ok: boolean; problems: string[] } };
    assert.strictEqual(out.contract.ok, false, 'the contract still says it breaks');
    assert.ok(out.contract.problems.length > 0);
    assert.strictEqual(out.result.note, forged, 'the value arrives exactly as returned');
  });

  it('exits 4 and names the problem when the result breaks the contract; --json carries it all', async () => {
    const script = await file(
      'breaks.js',
      preMap('  console.log("dropping one");\n  return options.data.slice(1).map((d) => ({ data: d }));'),
    );
    const input = await file('three.json', JSON.stringify({ data: [{ id: 1 }, { id: 2 }, { id: 3 }] }));
    const run = await cli(['hook', 'run', '--script', script, '--function', 'preMap', '--type', 'preMap', '--input', input]);
    assert.strictEqual(run.code, 4);
    assert.match(run.stderr, /contract: preMap must return an array of the same length as `options.data` \(3\), but returned 2/);
    const json = await cli(['hook', 'run', '--script', script, '--function', 'preMap', '--type', 'preMap', '--input', input, '--json']);
    assert.strictEqual(json.code, 4);
    const out = JSON.parse(json.stdout) as {
      result: unknown[];
      logs: { text: string }[];
      contract: { ok: boolean; problems: string[] };
      filled: string[];
      ms: number;
    };
    assert.deepStrictEqual(Object.keys(out).sort(), ['calls', 'contract', 'filled', 'logs', 'ms', 'result']);
    assert.strictEqual(out.contract.ok, false);
    assert.strictEqual(out.result.length, 2);
    assert.deepStrictEqual(
      out.logs.map((l) => l.text),
      ['dropping one'],
    );
    assert.ok(out.filled.includes('settings'));
  });

  it('exits 1 with the script line when the hook throws, and when it runs past --timeout', async () => {
    const script = await file('throws.js', preMap('  const first = options.data[0];\n  return first.missing.field;'));
    const input = await file('empty.json', JSON.stringify({ data: [{}] }));
    const thrown = await cli(['hook', 'run', '--script', script, '--function', 'preMap', '--type', 'preMap', '--input', input]);
    assert.strictEqual(thrown.code, 1);
    assert.match(thrown.stderr, /TypeError: Cannot read properties of undefined \(reading 'field'\) \(.*throws\.js:4:\d+\)/);
    const loop = await file('loop.js', preMap('  for (;;) {}'));
    const stopped = await cli([
      'hook',
      'run',
      '--script',
      loop,
      '--function',
      'preMap',
      '--type',
      'preMap',
      '--input',
      input,
      '--timeout',
      '0.5',
    ]);
    assert.strictEqual(stopped.code, 1);
    assert.match(stopped.stderr, /did not return within 0\.5 s/);
  });

  it('refuses a token as an argument and an unknown hook type, with the usage', async () => {
    const script = await file('any.js', preMap('  return [];'));
    const input = await file('none.json', '{}');
    const typed = await cli(['hook', 'run', '--script', script, '--function', 'preMap', '--type', 'preSave', '--input', input]);
    assert.strictEqual(typed.code, 1);
    assert.match(typed.stderr, /--type must be one of: preSavePage, preMap/);
    const token = await cli(['hook', 'run', '--token', 'x']);
    assert.match(token.stderr, /never taken as an argument/);
  });

  describe('with --url', () => {
    let t: TestSandbox;
    before(async () => {
      t = await startTestSandbox();
    });
    after(() => t.close());

    it('answers integrator-api calls from that environment, with the token from INTEGRATOR_IO_TOKEN', async () => {
      const exp = (await t.client.exports.listAll()).find((e) => e.name === 'Salesforce - Accounts')!;
      const full = await t.client.exports.get(exp._id);
      const script = await file(
        'lookup.js',
        [
          "import { exports } from 'integrator-api';",
          'function preSavePage(options) {',
          '  const accounts = exports.runVirtual({ export: options.lookup }).data;',
          '  return { data: options.data.map((r) => ({ ...r, accounts: accounts.length })), errors: [] };',
          '}',
        ].join('\n'),
      );
      const input = await file('page.json', JSON.stringify({ data: [{ id: 7 }], lookup: full }));
      const args = [
        'hook',
        'run',
        '--script',
        script,
        '--function',
        'preSavePage',
        '--type',
        'preSavePage',
        '--input',
        input,
        '--url',
        t.sandbox.baseUrl,
        '--json',
      ];
      const run = await cli(args, { INTEGRATOR_IO_TOKEN: TEST_TOKEN });
      assert.strictEqual(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout) as { result: { data: { accounts: number }[] }; calls: { path: string; ms: number }[] };
      assert.ok(out.result.data[0]!.accounts > 0);
      assert.deepStrictEqual(
        out.calls.map((c) => c.path),
        ['exports.runVirtual'],
      );
      const noToken = await cli(args);
      assert.strictEqual(noToken.code, 1);
      assert.match(noToken.stderr, /INTEGRATOR_IO_TOKEN/);
    });
  });
});
