/** The demo account's hook scripts and file definitions. */
import { JsonObject } from '../../json';
import { SeedBuilder } from '../builder';
import { HOOK_SCRIPTS } from '../scripts';

export function addScriptsAndFileDefinitions(b: SeedBuilder) {
  const scripts: Partial<Record<(typeof HOOK_SCRIPTS)[number]['key'], JsonObject & { _id: string }>> = {};
  for (const s of HOOK_SCRIPTS)
    scripts[s.key] = b.add('scripts', { name: s.name, description: s.description, content: s.content }, s.daysAgo);
  const bankFormat = b.add(
    'filedefinitions',
    {
      name: 'Bank Statement (fixed width)',
      description: 'Daily statement lines from the bank partner, 80 characters a line.',
      format: 'fixed',
      fixedWidth: {
        rowDelimiter: '\n',
        fields: [
          { name: 'date', startPosition: 1, endPosition: 8, dataType: 'date', format: 'YYYYMMDD' },
          { name: 'reference', startPosition: 9, endPosition: 20, dataType: 'string' },
          { name: 'description', startPosition: 21, endPosition: 60, dataType: 'string' },
          { name: 'amount', startPosition: 61, endPosition: 74, dataType: 'number', implicitDecimals: 2 },
          { name: 'currency', startPosition: 75, endPosition: 77, dataType: 'string' },
        ],
      },
    },
    60,
  );
  b.add(
    'filedefinitions',
    {
      name: 'EDI X12 850 Purchase Order',
      description: 'Inbound purchase orders from retail partners.',
      format: 'delimited/edifact',
      edix12: { version: '004010', transactionSet: '850', segmentDelimiter: '~', elementDelimiter: '*' },
    },
    40,
  );
  return { scripts, bankFormat };
}

export type DemoScripts = ReturnType<typeof addScriptsAndFileDefinitions>;
