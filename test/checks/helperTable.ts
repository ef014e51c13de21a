/**
 * The README's table of integrator.io's Handlebars helpers, written from the catalog
 * (src/handlebars/catalog.ts): each helper's signature, what it does, and what this project
 * decided where the documentation is silent or contradicts itself.
 *
 *   npm run docs:helpers      rewrites the table in README.md
 *   (a unit test fails when the README's table is not what the catalog says)
 */
import * as fs from 'fs';
import * as path from 'path';
import { HELPERS } from '../../src/handlebars/catalog';

const README = path.resolve(__dirname, '../../../README.md');
export const START = '<!-- helpers:start (npm run docs:helpers writes this table) -->';
export const END = '<!-- helpers:end -->';

export function helperTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = HELPERS.map((h) => `| \`${cell(h.signature)}\` | ${cell(h.summary)} | ${h.inferred ? cell(h.inferred) : ''} |`);
  return [
    START,
    '',
    '| Helper | What it does | Inferred here (the docs are silent or disagree) |',
    '| --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n');
}

export function readmeTable(): string | undefined {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  return start >= 0 && end > start ? text.slice(start, end + END.length) : undefined;
}

if (require.main === module) {
  const text = fs.readFileSync(README, 'utf8');
  const current = readmeTable();
  if (!current) {
    console.error(`README.md has no ${START} … ${END} block.`);
    process.exit(1);
  }
  // A function, not a string: a `$&` in a helper's note is text, not a replacement pattern.
  fs.writeFileSync(
    README,
    text.replace(current, () => helperTable()),
  );
  console.log(`README.md: ${HELPERS.length} helpers written.`);
}
