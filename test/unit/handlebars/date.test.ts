/**
 * The date helpers against every documented example (celigo/ai references/helpers/date.md, the
 * docs.celigo.com dateAdd article, the "days between dates" recipe), plus the edge cases the docs
 * call out. Nothing here depends on this machine's time zone: every input names its zone or is read
 * as UTC, and the helpers never use the local zone. timestamp's output is checked against the clock
 * read just before and just after the render.
 */
import * as assert from 'assert';
import moment from 'moment-timezone';
import { render } from '../../../src/handlebars/engine';
import { fails, renders } from '../../support/handlebars';

/** The token table's reference time. */
const REFERENCE = { timeStamp: '2020-07-09T19:59:39.156Z' };

/** The template renders the current time as `format` in `zone` gives it, read before or after the render. */
function rendersNow(template: string, format: string | undefined, zone: string, shape: RegExp): void {
  const before = moment.utc().tz(zone).format(format);
  const result = render(template, {});
  const after = moment.utc().tz(zone).format(format);
  if (!result.ok) assert.fail(`${template} failed: ${result.problem.message}`);
  assert.match(result.output, shape, template);
  assert.ok([before, after].includes(result.output), `${template} gave ${result.output}, expected ${before}`);
}

describe('handlebars date helpers', () => {
  it('dateAdd: documented examples', () => {
    renders('{{dateAdd record.orderDate}}', { record: { orderDate: '2025-03-26T12:34:56Z' } }, '2025-03-26T12:34:56.000Z');
    renders('{{dateAdd record.orderDate "86400000"}}', { record: { orderDate: '2025-03-26T12:34:56Z' } }, '2025-03-27T12:34:56.000Z');
    renders('{{dateAdd record.shipDate "-43200000"}}', { record: { shipDate: '2025-05-10T00:00:00Z' } }, '2025-05-09T12:00:00.000Z');
    renders(
      '{{dateAdd record.orderDate "86400000" "Asia/Hong_Kong"}}',
      { record: { orderDate: '2025-03-26T00:00:00Z' } },
      '2025-03-27T08:00:00.000+08:00',
    );
    renders('{{dateAdd "Mon Nov 21 2019 20:00:00 GMT+0000"}}', {}, '2019-11-21T20:00:00.000Z');
    // date.md's timezone section shows 1990-03-09T18:00:00-06:00: without the milliseconds its
    // sibling example (Hong Kong) has; moment's toISOString(true) keeps them in both.
    renders('{{dateAdd Date "" "US/Central"}}', { Date: '03/10/1990' }, '1990-03-09T18:00:00.000-06:00');
    // The recipe's 21 days (1814400000 ms), with a fixed date for myDate.
    renders('{{dateAdd myDate 1814400000}}', { myDate: '2025-03-26T00:00:00Z' }, '2025-04-16T00:00:00.000Z');
  });

  it('dateAdd: scientific notation, numbers, missing and bad input', () => {
    renders('{{dateAdd d "1E6"}}', { d: '2025-03-26T00:00:00Z' }, '2025-03-26T00:16:40.000Z');
    renders('{{dateAdd d -86400000}}', { d: '2025-03-26T00:00:00Z' }, '2025-03-25T00:00:00.000Z');
    // A number is epoch milliseconds; an offset in the input is honoured.
    renders('{{dateAdd d}}', { d: 1594324779156 }, '2020-07-09T19:59:39.156Z');
    renders('{{dateAdd d}}', { d: '2025-03-26T08:00:00+08:00' }, '2025-03-26T00:00:00.000Z');
    renders('{{dateAdd d 0 "UTC"}}', { d: '2025-03-26T00:00:00Z' }, '2025-03-26T00:00:00.000+00:00');
    renders('[{{dateAdd record.missing "86400000"}}]', { record: {} }, '[]');
    fails('{{dateAdd "abc"}}', {}, /dateAdd: "abc" is not a date/);
    fails('{{dateAdd d "soon"}}', { d: '2025-03-26T00:00:00Z' }, /dateAdd: "soon" is not an offset in milliseconds/);
    fails('{{dateAdd d 0 "Mars/Olympus"}}', { d: '2025-03-26T00:00:00Z' }, /dateAdd: "Mars\/Olympus" is not a time zone/);
  });

  it('dateFormat: documented examples', () => {
    renders(
      '{{dateFormat "MM-DD-YYYY hh:mm A" record.orderDate}}',
      { record: { orderDate: '2025-03-26T12:34:56Z' } },
      '03-26-2025 12:34 PM',
    );
    // The docs say "05-25-1966 18:36", but hh is the 12-hour clock: moment gives 06.
    renders(
      '{{dateFormat "MM-DD-YYYY hh:mm" record.orderDate "YYYY-DD-MM HH:mm"}}',
      { record: { orderDate: '1966-25-05 18:36' } },
      '05-25-1966 06:36',
    );
    // The docs give only "e.g., +08:00"; a fixed date shows the whole output.
    renders(
      '{{dateFormat "YYYY-MM-DDTHH:mm:ssZ" record.orderDate "" "Asia/Hong_Kong"}}',
      { record: { orderDate: '2025-03-26T12:34:56Z' } },
      '2025-03-26T20:34:56+08:00',
    );
    renders('{{{dateFormat "YYYY-MM-DD [at] HH:mm" timeStamp}}}', REFERENCE, '2020-07-09 at 19:59');
    // The recipe's Unix seconds.
    renders('{{dateFormat "X" myDate}}', { myDate: '2020-07-09T19:59:39.156Z' }, '1594324779');
  });

  it('dateFormat: the token table at its reference time', () => {
    // The table's SS 16, SSS 161 and x …162 do not match its own reference time (.156): moment's values are kept.
    // prettier-ignore
    const table: [string, string][] = [
      ['M', '7'], ['Mo', '7th'], ['MM', '07'], ['MMM', 'Jul'], ['MMMM', 'July'],
      ['Q', '3'], ['Qo', '3rd'],
      ['D', '9'], ['Do', '9th'], ['DD', '09'],
      ['DDD', '191'], ['DDDo', '191st'], ['DDDD', '191'],
      ['d', '4'], ['do', '4th'], ['dd', 'Th'], ['ddd', 'Thu'], ['dddd', 'Thursday'], ['e', '4'], ['E', '4'],
      ['w', '28'], ['W', '28'], ['wo', '28th'], ['Wo', '28th'], ['ww', '28'], ['WW', '28'],
      ['YY', '20'], ['YYYY', '2020'], ['gg', '20'], ['gggg', '2020'], ['GG', '20'], ['GGGG', '2020'],
      ['A', 'PM'], ['a', 'pm'],
      ['H', '19'], ['HH', '19'], ['h', '7'], ['hh', '07'],
      ['m', '59'], ['mm', '59'], ['s', '39'], ['ss', '39'],
      ['S', '1'], ['SS', '15'], ['SSS', '156'],
      ['Z', '+00:00'], ['ZZ', '+0000'],
      ['X', '1594324779'], ['x', '1594324779156'],
      ['LT', '7:59 PM'], ['LTS', '7:59:39 PM'], ['L', '07/09/2020'], ['l', '7/9/2020'],
      ['LL', 'July 9, 2020'], ['ll', 'Jul 9, 2020'], ['LLL', 'July 9, 2020 7:59 PM'], ['lll', 'Jul 9, 2020 7:59 PM'],
      ['LLLL', 'Thursday, July 9, 2020 7:59 PM'], ['llll', 'Thu, Jul 9, 2020 7:59 PM'],
    ];
    for (const [token, output] of table) renders(`{{dateFormat "${token}" timeStamp}}`, REFERENCE, output);
  });

  it('dateFormat: zones, non-ISO input, missing and bad input', () => {
    // Without a zone the output is UTC; with one, Z is its offset (US/Eastern in summer: -04:00).
    renders('{{dateFormat "HH:mm Z" d}}', { d: '2020-07-09T19:59:39Z' }, '19:59 +00:00');
    renders('{{dateFormat "HH:mm Z" d "" "US/Eastern"}}', { d: '2020-07-09T19:59:39Z' }, '15:59 -04:00');
    renders('{{dateFormat "YYYY-MM-DD HH:mm" d "" "Etc/GMT-0"}}', { d: '2020-07-09T19:59:39Z' }, '2020-07-09 19:59');
    // A date without a zone is UTC, whatever this machine's zone is.
    renders('{{dateFormat "YYYY-MM-DDTHH:mm:ssZ" d}}', { d: '03/10/1990' }, '1990-03-10T00:00:00+00:00');
    renders('{{dateFormat "YYYY-MM-DD HH:mm" d}}', { d: '2020-07-09 10:00' }, '2020-07-09 10:00');
    renders('{{dateFormat "YYYY-MM-DD HH:mm" d}}', { d: 'July 9 2020 10:00 PM' }, '2020-07-09 22:00');
    renders('{{dateFormat "YYYY-MM-DD HH:mm" d}}', { d: 'Thu, 09 Jul 2020 19:59:39 +0500' }, '2020-07-09 14:59');
    renders('{{dateFormat "YYYY-MM-DD" d "X"}}', { d: 1594324779 }, '2020-07-09');
    // An empty output format gives moment's ISO 8601 default.
    renders('{{dateFormat "" d}}', { d: '2020-07-09T19:59:39.156Z' }, '2020-07-09T19:59:39Z');
    renders('[{{dateFormat "YYYY" record.missing}}]', { record: {} }, '[]');
    fails('{{dateFormat "YYYY" d}}', { d: 'abc' }, /dateFormat: "abc" is not a date/);
    fails('{{dateFormat "YYYY" d "YYYY-MM-DD"}}', { d: 'abc' }, /dateFormat: "abc" is not a date in the format "YYYY-MM-DD"/);
    fails('{{dateFormat "YYYY" d "" "Nowhere/Town"}}', { d: '2020-07-09' }, /dateFormat: "Nowhere\/Town" is not a time zone/);
    // SKILL.md's zone-as-3rd-argument form contradicts the docs and the UI: it is an error saying so.
    fails('{{{dateFormat "YYYY-MM-DD" record.date "US/Eastern"}}}', { record: { date: '2020-07-09' } }, /3rd argument is the input format/);
  });

  it('timestamp: documented examples (output depends on the clock)', () => {
    // The docs' "HH:MM:SS" mixes hours with month (MM) and fractional seconds (SS), as moment reads it.
    rendersNow('{{timestamp "HH:MM:SS" "America/Los_Angeles"}}', 'HH:MM:SS', 'America/Los_Angeles', /^\d\d:\d\d:\d\d$/);
    rendersNow('{{timestamp "YYYY-MM-DD HH:mm:ss"}}', 'YYYY-MM-DD HH:mm:ss', 'UTC', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    rendersNow('{{timestamp "" "UTC"}}', undefined, 'UTC', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // auth.md's X-Amz-Date header.
    rendersNow('{{{timestamp "YYYYMMDDTHHmmss" "Etc/GMT-0"}}}Z', 'YYYYMMDDTHHmmss[Z]', 'UTC', /^\d{8}T\d{6}Z$/);
  });

  it('timestamp: defaults and bad zones', () => {
    rendersNow('{{timestamp}}', undefined, 'UTC', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    rendersNow('{{timestamp "" "Asia/Tokyo"}}', undefined, 'Asia/Tokyo', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    fails('{{timestamp "YYYY" "Atlantis"}}', {}, /timestamp: "Atlantis" is not a time zone/);
  });
});
