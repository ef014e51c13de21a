/**
 * Every picture README.md (and CHANGELOG.md) shows is in the repository: a picture that tests
 * make but nobody committed looks present after a local run and is broken for anyone reading the
 * repository. Checked in .ci/run on a fresh clone, and against Git's index where there is one.
 *
 *   npm run check:pictures
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

function main(): number {
  const problems: string[] = [];
  const tracked = trackedFiles();
  let count = 0;
  for (const doc of ['README.md', 'CHANGELOG.md']) {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    for (const m of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/i.test(target)) continue; // a picture elsewhere on the web
      count++;
      if (!fs.existsSync(path.join(ROOT, target))) problems.push(`${doc} shows ${target}, which is not in the checkout`);
      else if (tracked && !tracked.has(target)) problems.push(`${doc} shows ${target}, which Git does not track (commit it)`);
    }
  }
  for (const p of problems) console.error(p);
  if (!problems.length) console.log(`pictures: the ${count} pictures README.md and CHANGELOG.md show are committed`);
  return problems.length ? 1 : 0;
}

/** The files Git tracks, or undefined outside a Git checkout. */
function trackedFiles(): Set<string> | undefined {
  try {
    return new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean));
  } catch {
    return undefined;
  }
}

process.exit(main());
