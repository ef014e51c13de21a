/**
 * A stray word on the command line may be a token pasted in the wrong place, and what the command
 * prints ends up in terminals and CI logs: a mistake says how many words were unexpected and where
 * options go, never the words themselves.
 */
import * as assert from 'assert';
import { main } from '../../src/cli/main';
import { CliIo } from '../../src/cli/io';

const SECRET = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.Zm9yZ2Vk';

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const io: CliIo = { out: (s) => lines.push(s), err: (s) => lines.push(s), env };
  const code = await main(argv, io);
  return { code, output: lines.join('\n') };
}

describe('integrator-io: unexpected arguments are counted, not echoed', () => {
  it('a stray word after the command', async () => {
    const { code, output } = await run(['pull', SECRET]);
    assert.strictEqual(code, 1);
    assert.match(output, /1 unexpected argument\b/);
    assert.match(output, /--name <value>/, 'says where options go');
    assert.match(output, /Usage:/);
    assert.ok(!output.includes(SECRET), output);
  });

  it('two stray words, between options', async () => {
    const { code, output } = await run(['plan', '--url', 'http://127.0.0.1:9/v1', SECRET, '--dir', '.', `${SECRET}2`]);
    assert.strictEqual(code, 1);
    assert.match(output, /2 unexpected arguments/);
    assert.ok(!output.includes(SECRET), output);
  });

  it('a stray word to a command that takes none, and a command word that is not one', async () => {
    for (const argv of [
      ['diagram', '--dir', '.', '--flow', 'f', SECRET],
      ['handlebars', 'render', '--template', 't', SECRET],
      ['hook', 'run', SECRET],
    ]) {
      const { code, output } = await run(argv);
      assert.strictEqual(code, 1, argv.join(' '));
      assert.ok(!output.includes(SECRET), output);
    }
    const unknown = await run([SECRET, '--url', 'http://127.0.0.1:9/v1', '--dir', '.'], { INTEGRATOR_IO_TOKEN: 't' });
    assert.strictEqual(unknown.code, 1);
    assert.match(unknown.output, /Unknown command/);
    assert.ok(!unknown.output.includes(SECRET), unknown.output);
  });
});

describe('integrator-io: --help', () => {
  it('every command answers --help (or -h) with its usage, exit 0, and runs nothing', async () => {
    for (const argv of [
      ['mcp', '--help'],
      ['hook', 'run', '-h'],
      ['plan', '--help'],
      ['diagram', '--help'],
      ['handlebars', 'render', '--help'],
    ]) {
      // No token is set: a command that ran would refuse for want of it instead of showing its usage.
      const { code, output } = await run(argv);
      assert.strictEqual(code, 0, `${argv.join(' ')}: ${output}`);
      assert.match(output, /^Usage:/, argv.join(' '));
    }
    const mcp = await run(['mcp', '--help']);
    assert.match(mcp.output, /integrator-io mcp \[--url/);
  });
});
