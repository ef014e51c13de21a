/** What the editor and the README say of the regex helpers (implemented in regex.ts). */
import { HelperInfo } from '../helperTypes';

/** What all three do with their input, where the docs are silent. */
const INPUT =
  'A missing field is searched as "" and a number as its digits; an object or array, a pattern that is not a valid JavaScript regular expression or unknown flags are an error naming the helper.';

export const REGEX_INFO: HelperInfo[] = [
  {
    name: 'regexMatch',
    category: 'regex',
    signature: '{{regexMatch field regex index options}}',
    summary:
      'Returns the text matching a regular expression: the index-th whole match (0-based, default 0), with optional flags such as "i".',
    minArgs: 2,
    maxArgs: 4,
    inferred: `index counts whole matches, not capture groups (the docs' index 1 gives the second number), so the search is always global. A third argument that is not a number is read as the flags with index 0, as the docs' recipes write {{regexMatch field "\\d{10}$" "g"}}. No match, or fewer matches than index, gives "". ${INPUT}`,
  },
  {
    name: 'regexReplace',
    category: 'regex',
    signature: '{{regexReplace field replacement regex options}}',
    summary: 'Replaces the text matching a regular expression (the replacement comes before the pattern); "g" replaces every match.',
    minArgs: 3,
    maxArgs: 4,
    inferred: `As JavaScript's replace: without the "g" flag only the first match is replaced, and $1 or $& in the replacement refer to the match. A "\\n" in the template stays a backslash and an n (Handlebars keeps backslashes in string literals), so the docs' CRLF recipe writes \\n, which a JSON body reads as a newline. ${INPUT}`,
  },
  {
    name: 'regexSearch',
    category: 'regex',
    signature: '{{regexSearch field regex options}}',
    summary: 'Returns the 0-based position of the first match of a regular expression, or -1 when there is none.',
    minArgs: 2,
    maxArgs: 3,
    inferred: INPUT,
  },
];
