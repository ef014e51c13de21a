/**
 * `node dist/cli.js mcp` under attack: raw, malformed JSON-RPC on stdin, hostile tool calls,
 * account text holding the token, and what reaches stdout and stderr. Each title says what holds.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { runCli } from '../support/cli';
import { startTestSandbox, TEST_TOKEN, TestSandbox } from '../support/sandbox';

const CLI_JS = path.join(__dirname, '../../../dist/cli.js');

/** Writes the lines to the server's stdin one by one and collects stdout lines until `expect` answers came. */
async function session(baseUrl: string, lines: string[], expect: number): Promise<{ out: string[]; err: string; code: number | null }> {
  const child = spawn(process.execPath, [CLI_JS, 'mcp', '--url', baseUrl, '--name', 'Demo'], {
    env: { PATH: process.env.PATH ?? '', INTEGRATOR_IO_TOKEN: TEST_TOKEN },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  for (const line of lines) child.stdin.write(`${line}\n`);
  const deadline = Date.now() + 30_000;
  while (out.split('\n').filter(Boolean).length < expect && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { out: out.split('\n').filter(Boolean), err, code };
}

const rpc = (id: number, method: string, params: unknown) => JSON.stringify({ jsonrpc: '2.0', id, method, params });
const INIT = rpc(0, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } });

describe('integrator-io mcp: attacks', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('HELD: malformed JSON-RPC and hostile calls never break stdout, never show the token, never stop the server', async () => {
    const script = await t.client.scripts.create({ name: `Key ${TEST_TOKEN}`, content: `// ${TEST_TOKEN}` });
    const lines = [
      INIT,
      '{not json',
      '',
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      '[1,2,3]',
      rpc(1, 'tools/call', { name: '__proto__', arguments: {} }),
      rpc(2, 'tools/call', { name: 'integratorFlow', arguments: 'not an object' }),
      rpc(3, 'tools/call', { name: 'integratorFlow', arguments: { id: '../accesstokens' } }),
      rpc(4, 'tools/call', { name: 'integratorReadResource', arguments: { kind: 'scripts', id: script._id } }),
      rpc(5, 'tools/call', {
        name: 'integratorRenderTemplate',
        arguments: { template: '{{log "to stdout?"}}{{record.constructor}}', kind: 'import' },
      }),
      rpc(6, 'tools/call', { name: 'integratorProposeEdit', arguments: { kind: 'imports', id: 'x', changes: [{ path: '/a', value: 1 }] } }),
      rpc(7, 'tools/list', {}),
    ];
    const { out, err } = await session(t.sandbox.baseUrl, lines, 8);
    if (process.env.SHOW) console.log(out.join('\n'), '\nSTDERR:', err);
    const answers = out.map((line) => JSON.parse(line) as { id?: number; result?: { isError?: boolean; content?: { text: string }[] } });
    assert.ok(answers.length >= 8, out.join('\n'));
    for (const line of [...out, err]) assert.ok(!line.includes(TEST_TOKEN), line);
    const byId = (id: number) => answers.find((a) => a.id === id)!;
    assert.match(byId(1).result!.content![0]!.text, /No such tool/);
    assert.match(JSON.stringify(byId(2)), /must be a JSON object|Invalid|error/i);
    assert.match(byId(3).result!.content![0]!.text, /not an integrator.io id/);
    assert.match(byId(4).result!.content![0]!.text, /Key \*\*\*\*\*\*/);
    assert.match(byId(6).result!.content![0]!.text, /No such tool/);
  });

  it('HOLDS: a value of --url that is not a URL is not repeated (a token pasted in the wrong flag is not shown), nor is a positional', async () => {
    const wrong = await runCli(['mcp', '--url', TEST_TOKEN]);
    assert.strictEqual(wrong.code, 1);
    assert.ok(!wrong.stderr.includes(TEST_TOKEN), wrong.stderr);
    assert.match(wrong.stderr, /^--url: .*The API base URL is not a valid URL\./);
    const positional = await runCli(['mcp', TEST_TOKEN]);
    assert.ok(!positional.stderr.includes(TEST_TOKEN), positional.stderr);
  });
});
