/** What the editor and the README say of the format helpers (implemented in format.ts). */
import { HelperInfo } from '../helperTypes';

export const FORMAT_INFO: HelperInfo[] = [
  {
    name: 'addCommas',
    category: 'format',
    signature: '{{addCommas value}}',
    summary: 'Adds commas between thousands of a number (1234567 → 1,234,567); null, undefined or non-numeric input gives "".',
    minArgs: 1,
    maxArgs: 1,
    inferred:
      "Only the integer part gets commas (handlebars-helpers' regular expression also puts them in long decimals); a numeric string keeps its digits as written.",
  },
  {
    name: 'bytes',
    category: 'format',
    signature: '{{bytes input precision}}',
    summary: 'Formats a byte count in SI units (1396 → 1.4 kB), rounded to precision decimals (default 2); text gives its own length.',
    minArgs: 1,
    maxArgs: 2,
    inferred:
      "Values are rounded, as the docs' 1396 → 1.4 kB and handlebars-helpers' code do, so 825399 gives 825.4 kB, not the docs' 825.39 kB. As handlebars-helpers: a missing value gives 0 B and 999 gives 1 kB; a negative number is shown in B.",
  },
  {
    name: 'ordinalize',
    category: 'format',
    signature: '{{ordinalize value}}',
    summary: 'Adds the ordinal suffix to a number (1 → 1st, 2 → 2nd, 11 → 11th, 22 → 22nd).',
    minArgs: 1,
    maxArgs: 1,
    inferred:
      'The docs say negatives, floats and text "will not work": as handlebars-helpers, the suffix follows the rounded magnitude and is added to the value as written (-1 → -1st, 1.5 → 1.5nd, abc → abcth). A missing value, a boolean or an object gives "".',
  },
];
