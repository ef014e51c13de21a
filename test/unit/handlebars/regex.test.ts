/**
 * The regex helpers against every documented example (celigo/ai references/helpers/regex.md and the
 * recipes in syntax-and-recipes.md), plus the edge cases the docs call out. Examples the docs give
 * without data are run on data made up for them, said where they are. In a template's string
 * literal a backslash stays a backslash, so `"\d"` (written '"\\d"' here) reaches the pattern as \d.
 */
import { fails, renders } from '../../support/handlebars';

describe('handlebars regex helpers', () => {
  it('regexMatch: documented examples and recipes; index counts whole matches; no match gives ""; invalid pattern or flags are errors', () => {
    renders('{{regexMatch record.comment "[0-9]{5}"}}', { record: { comment: 'Order ID: 12345 delivered on 2025-04-20' } }, '12345');
    renders('{{regexMatch record.comment "[0-9]{5}" 1}}', { record: { comment: 'IDs: 12345 and 67890' } }, '67890');
    renders('{{regexMatch record.comment "order id" 0 "i"}}', { record: { comment: 'ORDER ID: 98765' } }, 'ORDER ID');
    // No data in the docs: a made-up comment.
    renders('{{{regexMatch record.comment "[0-9]+"}}}', { record: { comment: 'Order 42 of 7' } }, '42');
    renders('{{regexMatch exampleField "(?<=\\()(.*?)(?=\\))" "g"}}', { exampleField: '(BR12345)-WIT-1' }, 'BR12345');
    // The phone recipe has no data in the docs: a made-up number.
    renders('{{regexMatch (regexReplace phone "" "[^\\d]" "g") "\\d{10}$" "g"}}', { phone: '+1 (555) 123-4567' }, '5551234567');
    // The record.Photos recipes have no data in the docs: a made-up NetSuite media URL.
    const photos = { record: { Photos: '/core/media/media.nl?id=12345&c=TSTDRV' } };
    renders('{{{regexMatch record.Photos "id=.*$"}}}', photos, 'id=12345&c=TSTDRV');
    renders('{{{regexMatch record.Photos "(?<=id=).*$" 0 "gm"}}}', photos, '12345&c=TSTDRV');
    renders('{{regexMatch record.Photos "(?<=id=)\\d*" 0 "gm"}}', photos, '12345');
    // {{ }} HTML-escapes the match.
    renders('{{regexMatch record.Photos "id=.*$"}}', photos, 'id&#x3D;12345&amp;c&#x3D;TSTDRV');
    renders('{{regexMatch record.comment "[0-9]{5}"}}', { record: { comment: 'no digits' } }, '');
    renders('{{regexMatch record.comment "[0-9]{5}" 2}}', { record: { comment: 'IDs: 12345 and 67890' } }, '');
    renders('{{regexMatch record.comment "[0-9]{5}" "1"}}', { record: { comment: 'IDs: 12345 and 67890' } }, '67890');
    renders('{{regexMatch record.comment "[0-9]{5}" -1}}', { record: { comment: 'IDs: 12345 and 67890' } }, '');
    renders('{{regexMatch record.total "\\d+$"}}', { record: { total: 1499.95 } }, '95');
    renders('{{regexMatch record.none "x"}}', { record: {} }, '');
    // Capture groups do not change what index counts: whole matches.
    renders('{{{regexMatch record.pairs "(\\w)=(\\d)" 1}}}', { record: { pairs: 'a=1 b=2' } }, 'b=2');
    fails(
      '{{regexMatch record.comment "([0-9]"}}',
      { record: { comment: 'x' } },
      /regexMatch: "\(\[0-9\]" is not a valid regular expression/,
    );
    fails(
      '{{regexMatch record.comment "[0-9" 0 "i"}}',
      { record: { comment: 'x' } },
      /regexMatch: "\[0-9" is not a valid regular expression/,
    );
    fails(
      '{{regexMatch record.comment "x" 0 "q"}}',
      { record: { comment: 'x' } },
      /regexMatch: "q" are not valid regular-expression flags/,
    );
    fails('{{regexMatch record.comment}}', { record: { comment: 'x' } }, /regexMatch: the regular expression is missing/);
    fails('{{regexMatch record "x"}}', { record: { comment: 'x' } }, /regexMatch: the text to search is an object/);
  });

  it('regexReplace: documented examples; "g" for every match; $1 groups; invalid pattern or flags are errors', () => {
    renders(
      '{{regexReplace record.notes "#### #### #### ####" "[0-9]{4} ?[0-9]{4} ?[0-9]{4} ?[0-9]{4}" "g"}}',
      { record: { notes: 'Payment with 4111 1111 1111 1111 approved' } },
      'Payment with #### #### #### #### approved',
    );
    renders('{{regexReplace record.item.sku "" "[ -]" "g"}}', { record: { item: { sku: 'ABC-123 45' } } }, 'ABC12345');
    // No data in the docs for these two: made-up text.
    renders(
      '{{{regexReplace field.name "" "(&nbsp;|<([^>]+)>)" "ig"}}}',
      { field: { name: '<P>Hello&nbsp;<b>world</b></P>' } },
      'Helloworld',
    );
    // "\n" in the template is a backslash and an n, which the replacement writes as it is (a JSON body reads it as a newline).
    renders(
      '{{{regexReplace record.description "\\n" "\\r\\n" "g"}}}',
      { record: { description: 'line 1\r\nline 2\r\n' } },
      'line 1\\nline 2\\n',
    );
    renders('{{regexReplace record.text "-" "[ ]"}}', { record: { text: 'a b c' } }, 'a-b c');
    renders('{{regexReplace record.text "-" "[ ]" "g"}}', { record: { text: 'a b c' } }, 'a-b-c');
    renders('{{regexReplace record.date "$3-$1-$2" "(\\d+)/(\\d+)/(\\d+)"}}', { record: { date: '04/20/2025' } }, '2025-04-20');
    renders('{{regexReplace record.text "X" "B" "i"}}', { record: { text: 'abc' } }, 'aXc');
    renders('{{regexReplace record.none "x" "a" "g"}}', { record: {} }, '');
    renders('{{regexReplace record.total "," "\\." "g"}}', { record: { total: 12.5 } }, '12,5');
    fails('{{regexReplace record.text "" "a(" "g"}}', { record: { text: 'x' } }, /regexReplace: "a\(" is not a valid regular expression/);
    fails(
      '{{regexReplace record.text "" "a" "gg"}}',
      { record: { text: 'x' } },
      /regexReplace: "gg" are not valid regular-expression flags/,
    );
    fails('{{regexReplace record.text ""}}', { record: { text: 'x' } }, /regexReplace: the regular expression is missing/);
  });

  it('regexSearch: documented examples; -1 when not found; numbers searched as text; an invalid pattern is an error', () => {
    renders('{{regexSearch record.total "5"}}', { record: { total: '$1499.95' } }, '7');
    renders('{{regexSearch record.total "\\."}}', { record: { total: '$1499.95' } }, '5');
    renders('{{regexSearch record.comment "celigo" "i"}}', { record: { comment: 'HELLO Celigo' } }, '6');
    renders('{{regexSearch record.comment "celigo"}}', { record: { comment: 'HELLO Celigo' } }, '-1');
    renders('{{regexSearch record.total "\\."}}', { record: { total: 1499.95 } }, '4');
    renders('{{regexSearch record.none "x"}}', { record: {} }, '-1');
    fails('{{regexSearch record.total "*"}}', { record: { total: '1' } }, /regexSearch: "\*" is not a valid regular expression/);
    fails('{{regexSearch record.total "1" "z"}}', { record: { total: '1' } }, /regexSearch: "z" are not valid regular-expression flags/);
  });
});
