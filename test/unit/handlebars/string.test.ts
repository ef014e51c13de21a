/**
 * The string helpers against every documented example (celigo/ai skills/writing-handlebars/references/helpers/string.md)
 * and the edge cases its tips call out.
 */
import { fails, renders } from '../../support/handlebars';

describe('Handlebars string helpers', () => {
  it('camelcase: documented examples', () => {
    renders('{{camelcase record.product.type}}', { record: { product: { type: 'hand crafted item' } } }, 'handCraftedItem');
    renders('{{camelcase record.category}}', { record: { category: 'new-arrival-products' } }, 'newArrivalProducts');
    renders('{{camelcase "version-2_1-final"}}', {}, 'version21Final');
  });

  it('camelcase: tips (digits, all caps, trimming, non-strings)', () => {
    renders('{{camelcase "order_123_id"}}', {}, 'order123Id');
    renders('{{camelcase "HELLO&WORLD"}}', {}, 'helloWorld');
    renders('{{camelcase "  hello world  "}}', {}, 'helloWorld');
    renders('{{camelcase "getUserProfile"}}', {}, 'getUserProfile'); // inferred: camel boundaries kept
    renders('{{camelcase 123}}', {}, '123');
    renders('{{camelcase true}}', {}, 'true');
    renders('{{camelcase record.list}}', { record: { list: ['foo bar', 'baz'] } }, 'fooBarBaz');
    renders('{{camelcase record.missing}}', { record: {} }, '');
  });

  it('capitalize: documented examples', () => {
    renders('{{capitalize record.day}}', { record: { day: 'today is the day!' } }, 'Today is the day!');
    renders('{{capitalize "hello world"}}', {}, 'Hello world');
    renders('{{capitalize record.type}}', { record: { type: 'dog' } }, 'Dog');
  });

  it('capitalize: only the first character; a leading space defeats it; non-strings give ""', () => {
    renders('{{capitalize "hello WORLD"}}', {}, 'Hello WORLD');
    renders('{{capitalize " hello"}}', {}, ' hello');
    renders('{{capitalize record.missing}}', { record: {} }, '');
    renders('{{capitalize 5}}', {}, '');
  });

  it('capitalizeAll: documented examples', () => {
    renders('{{capitalizeAll record.lastName}}', { record: { lastName: 'doe smith' } }, 'Doe Smith');
    renders('{{capitalizeAll "the quick brown fox"}}', {}, 'The Quick Brown Fox');
    renders('{{capitalizeAll record.productTitle}}', { record: { productTitle: 'new release item' } }, 'New Release Item');
  });

  it('capitalizeAll: other letters unchanged; punctuation does not split words', () => {
    renders('{{capitalizeAll "mcDonald oLD"}}', {}, 'McDonald OLD');
    renders('{{capitalizeAll "hello-world foo"}}', {}, 'Hello-world Foo');
    renders('{{capitalizeAll "élan vital"}}', {}, 'Élan Vital');
    renders('{{capitalizeAll record.missing}}', { record: {} }, '');
  });

  it('chop: documented examples', () => {
    renders(
      '{{chop record.label1}}\n{{chop record.label2}}\n{{chop record.label3}}',
      { record: { label1: '_ABC_', label2: '-ABC-', label3: ' ABC ' } },
      'ABC\nABC\nABC',
    );
    renders('{{{chop record.label}}}', { record: { label: ' Hello*&^World- ' } }, 'Hello*&^World');
  });

  it('chop: the inside is kept; {{ }} escapes it; non-strings are converted', () => {
    renders('{{chop "A_B_C"}}', {}, 'A_B_C');
    renders('{{chop record.label}}', { record: { label: ' Hello*&^World- ' } }, 'Hello*&amp;^World');
    renders('{{chop -5}}', {}, '5');
    renders('{{chop record.list}}', { record: { list: ['_a', 'b_'] } }, 'a,b');
    renders('{{chop "__"}}', {}, '');
    renders('{{chop record.missing}}', { record: {} }, '');
  });

  it('dashcase: documented examples', () => {
    renders('{{dashcase record.product.name}}', { record: { product: { name: 'a-b-c d_e' } } }, 'a-b-c-d-e');
    renders('{{dashcase record.category}}', { record: { category: 'New Product Launch 2025' } }, 'new-product-launch-2025');
    renders('{{dashcase record.camel}}', { record: { camel: 'getUserProfile' } }, 'get-user-profile');
  });

  it('dashcase: separators collapse, edges trimmed, digits kept', () => {
    renders('{{dashcase "--Hello__ World!!--"}}', {}, 'hello-world');
    renders('{{dashcase "-_- ."}}', {}, '');
    // The docs offer version-2-1-final or version-2-final; every separator becomes a dash (inferred).
    renders('{{dashcase "version-2_1-final"}}', {}, 'version-2-1-final');
    renders('{{dashcase 42}}', {}, '42');
  });

  it('dotcase: documented examples', () => {
    renders('{{dotcase record.category.label}}', { record: { category: { label: 'a-b-c d_e' } } }, 'a.b.c.d.e');
    renders('{{dotcase record.section}}', { record: { section: 'Customer Profile Data' } }, 'customer.profile.data');
  });

  it('dotcase: camelCase split, separators collapse', () => {
    renders('{{dotcase "getUserProfile"}}', {}, 'get.user.profile');
    renders('{{dotcase "a -- b"}}', {}, 'a.b');
    renders('{{dotcase true}}', {}, 'true');
  });

  it('join: documented examples', () => {
    renders('{{join "-" "unicorn" "ponies"}}', {}, 'unicorn-ponies');
    renders(
      '{{join "," record.band1 record.band2 record.band3}}',
      { record: { band1: 'Iron Maiden', band2: 'DIO', band3: '(old)Metallica' } },
      'Iron Maiden,DIO,(old)Metallica',
    );
    renders(
      '{{join "/" record.folder record.subfolder record.filename}}',
      { record: { folder: 'root', subfolder: 'images', filename: 'logo.png' } },
      'root/images/logo.png',
    );
  });

  it('join: array items are flattened; numbers and missing values', () => {
    renders('{{join "|" record.tags "x"}}', { record: { tags: ['a', 'b'] } }, 'a|b|x');
    renders('{{join "-" 1 2 3}}', {}, '1-2-3');
    renders('{{join "," "a" record.missing "c"}}', { record: {} }, 'a,,c');
  });

  it('lowercase: documented examples', () => {
    renders('{{lowercase "HERE WE GO!"}}', {}, 'here we go!');
    renders('{{lowercase record.firstName}}', { record: { firstName: 'Jane' } }, 'jane');
    // The email example gives no data; any address comes out all lowercase.
    renders('{{lowercase record.email}}', { record: { email: 'Jane.Doe@Example.COM' } }, 'jane.doe@example.com');
  });

  it('lowercase: non-letters unchanged; non-strings give ""', () => {
    renders('{{lowercase "A-1_B!"}}', {}, 'a-1_b!');
    renders('{{lowercase record.missing}}', { record: {} }, '');
  });

  it('occurrences: documented examples', () => {
    renders('{{occurrences record.text "foo"}}', { record: { text: 'foo bar foo bar baz' } }, '2');
    renders('{{occurrences record.path "/"}}', { record: { path: '/api/v1/resource/item' } }, '4');
    renders('{{occurrences record.name "a"}}', { record: { name: 'Banana' } }, '3');
  });

  it('occurrences: case-sensitive, not overlapping, empty substring, non-strings', () => {
    renders('{{occurrences "Foo foo" "foo"}}', {}, '1');
    renders('{{occurrences "aaaa" "aa"}}', {}, '2');
    renders('{{occurrences "abc" "z"}}', {}, '0');
    renders('{{occurrences "abc" ""}}', {}, '0');
    renders('{{occurrences "a1b1" 1}}', {}, '2');
    renders('{{occurrences record.missing "a"}}', { record: {} }, '');
  });

  it('padLeft: documented examples', () => {
    renders('{{padLeft record.customerId 10 "0"}}', { record: { customerId: 'CUST123' } }, '000CUST123');
    // The docs' output shows "456"; their page drops the 9 spaces of padding to 12 characters.
    renders('{{padLeft record.orderId 12}}', { record: { orderId: '456' } }, '         456');
  });

  it('padLeft: tips (long values, patterns, escaping, bad lengths, fractions, numbers, maximum)', () => {
    renders('{{padLeft "ABCDEF" 4 "0"}}', {}, 'ABCDEF');
    renders('{{padLeft "x" 6 "AB"}}', {}, 'ABABAx');
    renders('{{padLeft "a" 3 "&"}}', {}, '&amp;&amp;a');
    renders('{{{padLeft "a" 3 "&"}}}', {}, '&&a');
    renders('{{padLeft "abc"}}', {}, 'abc');
    renders('{{padLeft "abc" "wide" "0"}}', {}, 'abc');
    renders('{{padLeft "abc" -4 "0"}}', {}, 'abc');
    renders('{{padLeft "abc" 0 "0"}}', {}, 'abc');
    renders('{{padLeft "abc" 5.9 "0"}}', {}, '00abc');
    renders('{{padLeft "abc" 5.1 "0"}}', {}, '00abc');
    renders('{{padLeft record.n "5" "0"}}', { record: { n: 42 } }, '00042');
    renders('{{padLeft true 6 "."}}', {}, '..true');
    renders('{{padLeft record.list 5 "0"}}', { record: { list: [1, 2] } }, '001,2');
    fails('{{padLeft "abc" 1000000 "0"}}', {}, /padLeft: length 1000000 is over the maximum of 999999/);
  });

  it('padRight: documented examples', () => {
    renders('{{padRight record.code 6 "*"}}', { record: { code: 'XYZ' } }, 'XYZ***');
    // The docs' output shows "123"; their page drops the 5 spaces of padding to 8 characters.
    renders('{{padRight record.orderId 8}}', { record: { orderId: '123' } }, '123     ');
  });

  it('padRight: tips (long values, patterns, bad lengths, fractions, numbers)', () => {
    renders('{{padRight "ABCDEF" 4 "0"}}', {}, 'ABCDEF');
    renders('{{padRight "x" 6 "AB"}}', {}, 'xABABA');
    renders('{{{padRight "a" 3 "<"}}}', {}, 'a<<');
    renders('{{padRight "abc" record.missing "0"}}', { record: {} }, 'abc');
    renders('{{padRight "abc" -1 "0"}}', {}, 'abc');
    renders('{{padRight "abc" 5.7 "0"}}', {}, 'abc00');
    renders('{{padRight 7 3 "0"}}', {}, '700');
    fails('{{padRight "abc" 1000000}}', {}, /padRight: length 1000000/);
  });

  it('pascalcase: documented examples', () => {
    renders('{{pascalcase record.product.type}}', { record: { product: { type: 'hand crafted item' } } }, 'HandCraftedItem');
    renders('{{pascalcase record.category}}', { record: { category: 'new-arrival-products' } }, 'NewArrivalProducts');
    renders('{{pascalcase record.code}}', { record: { code: 'order_123_id' } }, 'Order123Id');
  });

  it('pascalcase: mixed separators; the first letter is always uppercase', () => {
    renders('{{pascalcase "foo-bar_baz qux"}}', {}, 'FooBarBazQux');
    renders('{{pascalcase "a"}}', {}, 'A');
    renders('{{pascalcase "getUserProfile"}}', {}, 'GetUserProfile');
  });

  it('pathcase: documented examples', () => {
    renders('{{pathcase record.input}}', { record: { input: 'a-b-c d_e' } }, 'a/b/c/d/e');
    renders('{{pathcase record.name}}', { record: { name: 'getUserProfile' } }, 'get/user/profile');
  });

  it('pathcase: lowercase, digits kept, separators collapse', () => {
    renders('{{pathcase "API v2 -- Users"}}', {}, 'api/v2/users');
    renders('{{pathcase "XMLParser"}}', {}, 'xml/parser');
  });

  it('removefirst: documented examples (the leading space left by the removal is kept: suspect outputs)', () => {
    // The docs show "b a b a b" and "Order Order": removing the first word cannot remove the space after it.
    renders('{{removefirst record.text "a"}}', { record: { text: 'a b a b a b' } }, ' b a b a b');
    renders('{{removefirst record.note "Order"}}', { record: { note: 'Order Order Order' } }, ' Order Order');
  });

  it('removefirst: case-sensitive; no match; non-strings', () => {
    renders('{{removefirst "A a" "a"}}', {}, 'A ');
    renders('{{removefirst "abc" "z"}}', {}, 'abc');
    renders('{{removefirst "abc" record.missing}}', { record: {} }, 'abc');
    renders('{{removefirst record.missing "a"}}', { record: {} }, '');
  });

  it('replace: documented examples', () => {
    renders(
      '{{replace record.cases "&" "and"}}',
      { record: { cases: 'these & those & some other cases' } },
      'these and those and some other cases',
    );
    renders('{{replace record.description "Shoes" "Boots"}}', { record: { description: 'Shoes' } }, 'Boots');
    // The triple-brace example gives no data.
    renders('{{{replace record.details ":" "="}}}', { record: { details: 'a:1;b:2' } }, 'a=1;b=2');
  });

  it('replace: case-sensitive, every occurrence, literal; non-strings', () => {
    renders('{{replace "Foo foo foo" "foo" "x"}}', {}, 'Foo x x');
    renders('{{replace "a.b.c" "." "-"}}', {}, 'a-b-c');
    renders('{{replace "a=b" "=" "=="}}', {}, 'a&#x3D;&#x3D;b');
    renders('{{replace "a1b1" 1 2}}', {}, 'a2b2');
    renders('{{replace record.missing "a" "b"}}', { record: {} }, '');
  });

  it('replacefirst: documented examples', () => {
    renders('{{replacefirst record.text "a" "z"}}', { record: { text: 'a b a b a b' } }, 'z b a b a b');
    renders('{{replacefirst record.note "Order" "Invoice"}}', { record: { note: 'Order Order Order' } }, 'Invoice Order Order');
  });

  it('replacefirst: case-sensitive; literal replacement; non-strings', () => {
    renders('{{replacefirst "A a a" "a" "z"}}', {}, 'A z a');
    renders('{{{replacefirst "abc" "b" "$&$&"}}}', {}, 'a$&$&c');
    renders('{{replacefirst "abc" "z" "y"}}', {}, 'abc');
    renders('{{replacefirst record.missing "a" "b"}}', { record: {} }, '');
  });

  it('reverse: documented examples', () => {
    renders('{{reverse record.word}}', { record: { word: 'abcde' } }, 'edcba');
    renders('{{reverse record.firstName}}', { record: { firstName: 'Jane' } }, 'enaJ');
  });

  it('reverse: numbers as strings; whitespace and punctuation kept', () => {
    renders('{{reverse 12345}}', {}, '54321');
    renders('{{reverse "a, b!"}}', {}, '!b ,a');
    renders('{{reverse record.missing}}', { record: {} }, '');
  });

  it('sanitize: documented example', () => {
    renders('{{sanitize record.raw}}', { record: { raw: '<span>Hello <strong>World</strong></span>' } }, 'Hello World');
  });

  it('sanitize: no spaces added, void elements removed, entities kept, comments removed', () => {
    renders('{{{sanitize "<div>a</div><div>b</div><br/>c"}}}', {}, 'abc');
    renders('{{{sanitize "x <img src=\\"a.png\\"> y"}}}', {}, 'x  y');
    renders('{{{sanitize "<p>Tom &amp; Jerry</p>"}}}', {}, 'Tom &amp; Jerry');
    renders('{{{sanitize "a<!-- note -->b"}}}', {}, 'ab');
    renders('{{{sanitize "1 < 2 and <a title=\'x>y\'>link</a>"}}}', {}, '1 < 2 and link');
    renders('{{sanitize record.missing}}', { record: {} }, '');
  });

  it('sentence: documented examples', () => {
    renders('{{sentence record.message}}', { record: { message: 'hello world. goodbye world.' } }, 'Hello world. Goodbye world.');
    renders('{{sentence record.message}}', { record: { message: 'Mr. hello world? goodbye world!' } }, 'Mr. Hello world? Goodbye world!');
  });

  it('sentence: other letters lowercased; non-strings give ""', () => {
    renders('{{sentence "the API IS down. CALL us"}}', {}, 'The api is down. Call us');
    renders('{{sentence 5}}', {}, '');
  });

  it('snakecase: documented examples', () => {
    renders('{{snakecase record.product.label}}', { record: { product: { label: 'a-b-c d_e' } } }, 'a_b_c_d_e');
    renders('{{snakecase record.category}}', { record: { category: 'New Product Launch 2025' } }, 'new_product_launch_2025');
    renders('{{snakecase record.userAction}}', { record: { userAction: 'getUserProfile' } }, 'get_user_profile');
  });

  it('snakecase: separators collapse; no underscore between a letter and a digit', () => {
    renders('{{snakecase "version2 -- final"}}', {}, 'version2_final');
    renders('{{snakecase "PascalCase"}}', {}, 'pascal_case');
  });

  it('split: documented examples', () => {
    const context = { record: { fullName: 'Hillary-Ann-Swank' } };
    renders('{{split record.fullName "-" 0}}', context, 'Hillary');
    renders('{{split record.fullName "-" 1}}', context, 'Ann');
    renders('{{split record.fullName "-" 2}}', context, 'Swank');
    renders('{{split record.fullName "-"}}', context, 'Hillary');
  });

  it('split: delimiter absent, empty string, index out of range, numbers', () => {
    renders('{{split "Hillary" "-" 0}}', {}, 'Hillary');
    renders('{{split "" "-" 0}}', {}, '');
    renders('{{split "a b" " " 5}}', {}, '');
    renders('{{split "a-b" "-" -1}}', {}, '');
    renders('{{split "a-b" "-" "1"}}', {}, 'b');
    renders('{{split 3.14 "." 1}}', {}, '14');
    renders('{{split record.missing "-"}}', { record: {} }, '');
  });

  it('substring: documented examples', () => {
    renders('{{substring record.itemizationCode 0 4}}', { record: { itemizationCode: 'itemizationCode' } }, 'item');
    const memo = { record: { memo: 'The quick brown fox jumped over the lazy dog' } };
    renders('{{substring record.memo 10 19}}', memo, 'brown fox');
    renders('{{{substring record.memo 0 9}}}', memo, 'The quick');
    renders('{{substring "Celigo" 1 4}}', {}, 'eli');
  });

  it('substring: out-of-range indexes are clamped; a quoted path is a literal', () => {
    renders('{{substring "Celigo" 3 100}}', {}, 'igo');
    renders('{{substring "Celigo" 10 20}}', {}, '');
    renders('{{substring "Celigo" 2}}', {}, 'ligo');
    renders('{{substring "record.description" 0 6}}', { record: { description: 'Widget' } }, 'record');
    renders('{{substring record.n 0 3}}', { record: { n: 123456 } }, '123');
  });

  it('trim: documented examples', () => {
    renders('{{trim record.artist}}', { record: { artist: ' Lalo Schifrin ' } }, 'Lalo Schifrin');
    // The triple-brace example gives no data; "Danube Incident" with extra whitespace around it.
    renders('{{{trim record.title}}}', { record: { title: '  Danube Incident \n' } }, 'Danube Incident');
  });

  it('trim: whitespace only or empty gives ""; a quoted literal', () => {
    renders('{{trim "   "}}', {}, '');
    renders('{{trim ""}}', {}, '');
    renders('[{{trim " Hello "}}]', {}, '[Hello]');
  });

  it('trimLeft: documented example', () => {
    renders('{{trimLeft record.text}}', { record: { text: ' ABC ' } }, 'ABC ');
  });

  it('trimRight: documented example', () => {
    renders('{{trimRight record.text}}', { record: { text: ' ABC ' } }, ' ABC');
  });

  it('truncateWords: documented examples', () => {
    // The docs print the three lines' outputs side by side: "foo… foo bar… foo bar baz".
    renders(
      '{{truncateWords record.description 1}}\n{{truncateWords record.description 2}}\n{{truncateWords record.description 3}}',
      { record: { description: 'foo bar baz' } },
      'foo…\nfoo bar…\nfoo bar baz',
    );
    renders(
      '{{truncateWords record.notes 2 "--more"}}',
      { record: { notes: 'Integration setup requires testing' } },
      'Integration setup--more',
    );
    renders('{{truncateWords record.description 0}}', { record: { description: 'foo bar baz' } }, '…');
  });

  it('truncateWords: whole words, unchanged under the limit, negative or non-numeric limit gives ""', () => {
    renders('{{truncateWords "foo bar baz" 5}}', {}, 'foo bar baz');
    renders('{{truncateWords "foo bar baz" 2 " (continued)"}}', {}, 'foo bar (continued)');
    renders('{{truncateWords "foo bar baz" -1}}', {}, '');
    renders('{{truncateWords "foo bar baz" "two"}}', {}, '');
    renders('{{truncateWords "foo bar baz" "1"}}', {}, 'foo…');
    renders('{{truncateWords "foo bar baz"}}', {}, '');
  });

  it('uppercase: documented examples', () => {
    renders('{{uppercase "library"}}', {}, 'LIBRARY');
    renders(
      'The {{uppercase family.type}} is a member of the {{uppercase family.animal}} family',
      { family: { type: 'dog', animal: 'canine' } },
      'The DOG is a member of the CANINE family',
    );
    // The triple-brace example gives no data.
    renders('{{{uppercase record.description}}}', { record: { description: 'fish & chips' } }, 'FISH & CHIPS');
  });

  it('uppercase: non-letters unchanged; empty or null gives ""', () => {
    renders('{{uppercase "abc 123 ABC!"}}', {}, 'ABC 123 ABC!');
    renders('{{uppercase record.description}}', { record: { description: null } }, '');
    renders('{{uppercase ""}}', {}, '');
  });
});
