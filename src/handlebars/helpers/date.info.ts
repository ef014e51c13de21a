/** What the editor and the README say of the date helpers (implemented in date.ts). */
import { HelperInfo } from '../helperTypes';

/** How every date helper reads its date argument. */
const READS_DATES =
  'A date without a zone (e.g. "03/10/1990") is read as UTC, as the docs\' US/Central example implies, whatever the machine\'s zone; a number is epoch milliseconds; a missing date renders "" and one that cannot be read is an error. A zone moment-timezone does not know is an error (the docs\' list of supported zones was not retrieved).';

export const DATE_INFO: HelperInfo[] = [
  {
    name: 'dateAdd',
    category: 'date',
    signature: '{{dateAdd dateField offsetField timeZoneField}}',
    summary: 'Adds an offset in milliseconds to a date (a minus sign subtracts) and returns ISO 8601, in UTC or in the given time zone.',
    minArgs: 1,
    maxArgs: 3,
    inferred: `With a zone the output keeps milliseconds (moment's toISOString(true), as the Hong Kong example "…08:00:00.000+08:00"), although the US/Central example shows none; an explicit "UTC" ends in +00:00. ${READS_DATES}`,
  },
  {
    name: 'dateFormat',
    category: 'date',
    signature: '{{dateFormat outputFormat date inputFormat timezone}}',
    summary: 'Formats a date with moment.js tokens; inputFormat reads a non-ISO date, timezone converts it (UTC by default).',
    minArgs: 2,
    maxArgs: 4,
    inferred: `The argument order is the docs' and the UI's (inputFormat 3rd, "" to skip it); SKILL.md's zone-as-3rd-argument form is an error saying so rather than a wrongly parsed date. The docs' "MM-DD-YYYY hh:mm" example shows 18:36 where moment's hh gives 06, and the token table's SS/SSS/x values do not match its reference time: moment's output is kept. An empty format gives moment's ISO 8601 default. ${READS_DATES}`,
  },
  {
    name: 'timestamp',
    category: 'date',
    signature: '{{timestamp format timezone}}',
    summary: 'The current date and time, formatted with moment.js tokens (ISO 8601 by default) in the given time zone (UTC by default).',
    minArgs: 0,
    maxArgs: 2,
    inferred:
      'The zone defaults to UTC, as the timestamp section says; date.md also says imports default to the account owner\'s profile zone, which a preview cannot know (pass a zone). The ISO 8601 default is moment\'s format() ("2025-04-20T17:38:20Z", or "…-07:00" in a zone).',
  },
];
