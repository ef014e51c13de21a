/**
 * The pieces under a pulled folder's safety, on real temporary folders: names that are not plain
 * are refused before any file is touched (including Windows' `\` and `:`), a link that appears
 * after the folder was listed is still not followed (`O_NOFOLLOW` on the open itself), and a
 * dangling link where a new file goes is not written through (`wx`).
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { partsOf, readOpened, realRoot, UnsafeFolderError, writeConfined, writeIfChangedConfined } from '../../src/iac/confinedFs';
import { printable } from '../../src/iac/printable';

describe('confined folder access', () => {
  let root: string;
  let outside: string;

  before(async () => {
    root = await realRoot(await fs.mkdtemp(path.join(os.tmpdir(), 'confined-')));
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'confined-outside-'));
  });

  it('refuses every path that is not plain names inside the folder', () => {
    for (const bad of [
      '../x.json',
      'exports/../../x.json',
      '/etc/passwd',
      '',
      'exports//x.json',
      './x.json',
      'exports\\..\\x.json',
      'C:/x.json',
      'a\0b',
    ]) {
      assert.throws(() => partsOf(bad), UnsafeFolderError, bad);
    }
    assert.deepStrictEqual(partsOf('exports/shopify-get-orders.export.json'), ['exports', 'shopify-get-orders.export.json']);
  });

  it('does not follow a link that took a file’s place after the folder was listed', async () => {
    const secret = path.join(outside, 'secret.txt');
    await fs.writeFile(secret, 'outside\n');
    await fs.mkdir(path.join(root, 'scripts'), { recursive: true });
    await fs.symlink(secret, path.join(root, 'scripts/raced.js'));
    assert.throws(() => readOpened(root, 'scripts/raced.js'), /scripts\/raced\.js is a symbolic link/);
  });

  it('does not read a hard link to a file outside the folder', async () => {
    const secret = path.join(outside, 'hard-secret.txt');
    await fs.writeFile(secret, 'outside\n');
    await fs.mkdir(path.join(root, 'scripts'), { recursive: true });
    await fs.link(secret, path.join(root, 'scripts/hard.js'));
    assert.throws(() => readOpened(root, 'scripts/hard.js'), /scripts\/hard\.js is a hard link/);
    await fs.writeFile(path.join(root, 'scripts/own.js'), 'own\n');
    assert.strictEqual(readOpened(root, 'scripts/own.js'), 'own\n', 'a file of the folder’s own is read');
  });

  it('does not write through a dangling link where a new file goes', async () => {
    const target = path.join(outside, 'created-through-link.json');
    await fs.mkdir(path.join(root, 'exports'), { recursive: true });
    await fs.symlink(target, path.join(root, 'exports/new.export.json'));
    assert.throws(() => writeIfChangedConfined(root, 'exports/new.export.json', '{}\n'), /is a symbolic link/);
    // And were the link planted between that check and the write, `wx` refuses it.
    assert.throws(() => writeConfined(root, 'exports/new.export.json', '{}\n', false), /EEXIST/);
    await assert.rejects(fs.access(target), 'nothing was created outside');
  });

  it('removes escape sequences, controls and bidi overrides, keeping the layout only where asked', () => {
    assert.strictEqual(printable('a\x1b[2K\x1b[1Ab\r\n\tc\u009b2Kd\u202ee\u2066f\x1b]0;title\x07g\x7f'), 'abcdefg');
    assert.strictEqual(printable('line\x1b[31m one\n\tline two\r', { keepLayout: true }), 'line one\n\tline two');
  });
});
