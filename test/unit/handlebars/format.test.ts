/**
 * The format helpers against every documented example (celigo/ai references/helpers/format.md),
 * plus the edge cases the docs call out. The docs' multi-line examples are rendered as written,
 * one helper per line; their outputs keep the template's line breaks.
 */
import { renders } from '../../support/handlebars';

describe('handlebars format helpers', () => {
  it('addCommas: documented examples; commas in the integer part only; "" for null or non-numeric input', () => {
    renders(
      '{{addCommas record.stats.views}} {{addCommas record.stats.downloads}}',
      { record: { stats: { views: 1234567, downloads: 987654321 } } },
      '1,234,567 987,654,321',
    );
    renders('{{addCommas record.totalSales}}', { record: { totalSales: 45200000 } }, '45,200,000');
    renders('Total views: {{addCommas record.views}}', { record: { views: 1543220 } }, 'Total views: 1,543,220');
    renders('{{addCommas 1234567.891}}', {}, '1,234,567.891');
    renders('{{addCommas "1234.50"}}', {}, '1,234.50');
    renders('{{addCommas -9876543}}', {}, '-9,876,543');
    renders('{{addCommas 999}}', {}, '999');
    renders('[{{addCommas record.none}}]', { record: { none: null } }, '[]');
    renders('[{{addCommas record.missing}}]', { record: {} }, '[]');
    renders('[{{addCommas "abc"}}]', {}, '[]');
  });

  it('bytes: documented examples (825399 rounds to 825.4 kB); SI units; a missing value is 0 B', () => {
    renders(
      '{{bytes record.a}}\n{{bytes record.b}}\n{{bytes record.c}}\n{{bytes record.d}}',
      { record: { a: 'foo', b: 13661855, c: 825399, d: 1396 } },
      '3 B\n13.66 MB\n825.4 kB\n1.4 kB',
    );
    renders('{{bytes record.b 0}}\n{{bytes record.b 3}}', { record: { b: 13661855 } }, '14 MB\n13.662 MB');
    renders('{{bytes 1024}}', {}, '1.02 kB');
    renders('{{bytes 1048576}}', {}, '1.05 MB');
    renders('{{bytes "1396"}}', {}, '1.4 kB');
    renders('{{bytes 12}}', {}, '12 B');
    renders('{{bytes 2500000000000}}', {}, '2.5 TB');
    renders('{{bytes record.none}}', { record: {} }, '0 B');
    renders('{{bytes ""}}', {}, '0 B');
  });

  it('ordinalize: documented examples; numeric strings, 11-13 and hundreds; a missing value gives ""', () => {
    renders(
      '{{ordinalize record.a}}\n{{ordinalize record.b}}\n{{ordinalize record.c}}\n{{ordinalize record.d}}\n{{ordinalize record.e}}',
      { record: { a: 1, b: 2, c: 3, d: 11, e: 22 } },
      '1st\n2nd\n3rd\n11th\n22nd',
    );
    renders('{{ordinalize record.rank}}', { record: { rank: 4 } }, '4th');
    renders('{{ordinalize "5"}}', {}, '5th');
    renders(
      '{{ordinalize 12}} {{ordinalize 13}} {{ordinalize 111}} {{ordinalize 101}} {{ordinalize 1003}}',
      {},
      '12th 13th 111th 101st 1003rd',
    );
    renders('[{{ordinalize record.none}}]', { record: {} }, '[]');
  });
});
