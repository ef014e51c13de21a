/**
 * The encoding helpers against every documented example (celigo/ai references/helpers/encoding.md
 * and the multiline recipe in syntax-and-recipes.md), plus the edge cases the docs call out.
 * Examples the docs give without data are run on data made up for them, said where they are.
 */
import { fails, renders } from '../../support/handlebars';

describe('handlebars encoding helpers', () => {
  it('base64Decode: documented examples; utf8 by default; a missing value gives ""; an unknown format is an error', () => {
    const data = { record: { base64EncodedData: 'U29tZSBlbmNvZGVkIHZhbHVl' } };
    renders('{{base64Decode record.base64EncodedData "utf8"}}', data, 'Some encoded value');
    renders('{{base64Decode "SGVsbG8gV29ybGQh" "hex"}}', {}, '48656c6c6f20576f726c6421');
    renders('{{{base64Decode record.base64EncodedData "utf8"}}}', data, 'Some encoded value');
    renders('{{base64Decode record.base64EncodedData}}', data, 'Some encoded value');
    renders(
      '{{base64Decode "SGVsbG8=" "utf-8"}} {{base64Decode "SGVsbG8=" "ascii"}} {{base64Decode "SGVsbG8=" "latin1"}}',
      {},
      'Hello Hello Hello',
    );
    renders('{{base64Decode "SABpAA==" "ucs-2"}} {{base64Decode "SABpAA==" "utf16le"}}', {}, 'Hi Hi');
    renders('{{{base64Decode "SGVsbG8=" "base64"}}}', {}, 'SGVsbG8=');
    renders('{{base64Decode record.none}}', { record: {} }, '');
    renders('{{base64Decode null}}', {}, '');
    fails('{{base64Decode "SGVsbG8=" "morse"}}', {}, /base64Decode: "morse" is not a supported format/);
    fails('{{base64Decode record}}', { record: { a: 1 } }, /base64Decode: expected text, not an object/);
  });

  it('base64Encode: documented examples; "utf8" is the default; {{ }} escapes the = padding', () => {
    renders('{{{base64Encode record.email}}}', { record: { email: 'jane.doe@example.com' } }, 'amFuZS5kb2VAZXhhbXBsZS5jb20=');
    renders(
      '{{{base64Encode (join ":" connection.http.unencrypted.username connection.http.encrypted.secret)}}}',
      { connection: { http: { unencrypted: { username: 'username' }, encrypted: { secret: 'secret' } } } },
      'dXNlcm5hbWU6c2VjcmV0',
    );
    renders('{{{base64Encode "Hello" "hex"}}}', {}, '48656c6c6f');
    renders('{{{base64Encode "Hello" "utf8"}}} {{{base64Encode "Hello" "base64"}}}', {}, 'SGVsbG8= SGVsbG8=');
    renders('{{{base64Encode "héllo"}}}', {}, 'aMOpbGxv');
    renders('{{base64Decode (base64Encode record.text)}}', { record: { text: 'round trip ✓' } }, 'round trip ✓');
    // Why the docs ask for triple braces: {{ }} HTML-escapes "=".
    renders('{{base64Encode "a"}}', {}, 'YQ&#x3D;&#x3D;');
    renders('{{{base64Encode record.none}}}', { record: {} }, '');
    fails('{{{base64Encode "Hello" "rot13"}}}', {}, /base64Encode: "rot13" is not a supported format/);
  });

  it('decodeURI: documented examples; text that is not validly encoded comes back unchanged', () => {
    renders('{{{decodeURI orders}}}', { orders: 'overseas%20order%20flow' }, 'overseas order flow');
    renders('{{{decodeURI "overseas%20order%20flow"}}}', {}, 'overseas order flow');
    renders('{{{decodeURI "a%2Fb%3Fc%3Dd%26e"}}}', {}, 'a/b?c=d&e');
    renders('{{{decodeURI "already decoded"}}}', {}, 'already decoded');
    renders('{{{decodeURI "100% sure"}}}', {}, '100% sure');
    renders('{{{decodeURI record.none}}}', { record: {} }, '');
  });

  it('encodeURI: documented examples; , / ? : @ & = + $ # and spaces are percent-encoded', () => {
    renders('{{{encodeURI orders}}}', { orders: 'overseas order flow' }, 'overseas%20order%20flow');
    renders('{{{encodeURI "sample data type"}}}', {}, 'sample%20data%20type');
    renders('{{{encodeURI ", / ? : @ & = + $ #"}}}', {}, '%2C%20%2F%20%3F%20%3A%20%40%20%26%20%3D%20%2B%20%24%20%23');
    renders('{{{decodeURI (encodeURI record.text)}}}', { record: { text: 'a&b=c/d é' } }, 'a&b=c/d é');
    renders('{{{encodeURI record.id}}}', { record: { id: 42 } }, '42');
    renders('{{{encodeURI record.none}}}', { record: {} }, '');
  });

  it('htmlDecode: documented example; {{ }} escapes the decoded text again', () => {
    const data = { record: { aiOutput: '&lt;p&gt;Hello &amp; welcome&lt;/p&gt;' } };
    renders('{{{htmlDecode record.aiOutput}}}', data, '<p>Hello & welcome</p>');
    renders('{{htmlDecode record.aiOutput}}', data, '&lt;p&gt;Hello &amp; welcome&lt;/p&gt;');
    renders('{{{htmlDecode "&quot;a&quot; &#39;b&#39; &#x27;c&#x27; &nbsp;&copy;"}}}', {}, "\"a\" 'b' 'c' \u00a0©");
    renders('{{{htmlDecode record.none}}}', { record: {} }, '');
  });

  it('htmlEncode: documented example, in {{ }} and {{{ }}} alike (not escaped twice); plain text unchanged', () => {
    const data = { record: { content: '<div class=\'alert\'>& Goodbye "world"</div>' } };
    const encoded = '&lt;div class=&#39;alert&#39;&gt;&amp; Goodbye &quot;world&quot;&lt;/div&gt;';
    renders('{{htmlEncode record.content}}', data, encoded);
    renders('{{{htmlEncode record.content}}}', data, encoded);
    renders('{{{htmlEncode "plain text, é"}}}', {}, 'plain text, é');
    renders('{{{htmlDecode (htmlEncode record.content)}}}', data, data.record.content);
    renders('{{{htmlEncode record.none}}}', { record: {} }, '');
  });

  it('jsonEncode: documented examples and the multiline recipe; objects and arrays give [object Object]', () => {
    renders('{{jsonEncode record.email}}', { record: { email: 'jane.doe@example.com' } }, 'jane.doe@example.com');
    renders('{{jsonEncode record.total}}', { record: { total: 89.99 } }, '89.99');
    renders('{{jsonEncode record}}', { record: { customerId: 'CUST123' } }, '[object Object]');
    renders('{{jsonEncode record.tags}}', { record: { tags: ['a', 'b'] } }, '[object Object]');
    const address = { 'Shipping Address': 'Example Name\n1313 Mockingbird Lane\nSan Mateo CA 94404' };
    renders('{{jsonEncode [Shipping Address]}}', address, 'Example Name\\n1313 Mockingbird Lane\\nSan Mateo CA 94404');
    renders('{{replace (jsonEncode [Shipping Address]) "\\n" ", "}}', address, 'Example Name, 1313 Mockingbird Lane, San Mateo CA 94404');
    // Quotes are JSON-escaped; {{ }} then HTML-escapes the quote itself.
    renders('{{{jsonEncode record.text}}}', { record: { text: 'say "hi"\t\\' } }, 'say \\"hi\\"\\t\\\\');
    renders('{{jsonEncode record.text}}', { record: { text: 'say "hi"' } }, 'say \\&quot;hi\\&quot;');
    renders('{{jsonEncode record.flag}}|{{jsonEncode record.none}}', { record: { flag: true } }, 'true|');
  });

  it('jsonParse: documented examples (#with, #each, a child object); invalid JSON is an error', () => {
    // The docs show the parsed object as JSON; {{{ }}} prints an object as [object Object].
    renders('{{{jsonParse record.string}}}', { record: { string: '{"foo": "bar"}' } }, '[object Object]');
    renders('{{{jsonSerialize (jsonParse record.string)}}}', { record: { string: '{"foo": "bar"}' } }, '{"foo":"bar"}');
    renders(
      '/api/v2/users.json?page[size]?shardid={{#with (jsonParse record.payload)}}{{shardid}}{{/with}}',
      { record: { payload: '{"shardid":"dddt22"}' } },
      '/api/v2/users.json?page[size]?shardid=dddt22',
    );
    renders(
      '{{#with (jsonParse record.payload)}}{{{jsonStringify event}}}{{/with}}',
      { record: { payload: '{"event":{"type":"create","source":"api"},"id":[123,456,789],"status":"success"}' } },
      '{"type":"create","source":"api"}',
    );
    renders(
      '{{#each (jsonParse record.roles)}}\n{{@index}}: {{this}}\n{{/each}}',
      { record: { roles: '["system","admin","editor","contributor","viewer","vendor"]' } },
      '0: system\n1: admin\n2: editor\n3: contributor\n4: viewer\n5: vendor\n',
    );
    // Already-parsed data is returned as it is; a missing or empty string gives "".
    renders('{{#with (jsonParse record.payload)}}{{shardid}}{{/with}}', { record: { payload: { shardid: 'x1' } } }, 'x1');
    renders('{{jsonParse record.none}}|{{jsonParse ""}}|{{jsonParse "42"}}', { record: {} }, '||42');
    fails('{{jsonParse record.bad}}', { record: { bad: "{foo: 'bar'}" } }, /jsonParse: "\{foo: 'bar'\}" is not valid JSON/);
  });

  it('jsonSerialize: documented examples; a string is quoted; {{ }} HTML-escapes the JSON', () => {
    const record = {
      record: {
        id: 7,
        items: [
          { sku: 'ITEM001', quantity: 2 },
          { sku: 'ITEM002', quantity: 1 },
        ],
      },
    };
    renders('{{{jsonSerialize record}}}', record, '{"id":7,"items":[{"sku":"ITEM001","quantity":2},{"sku":"ITEM002","quantity":1}]}');
    renders('{{{jsonSerialize record.items}}}', record, '[{"sku":"ITEM001","quantity":2},{"sku":"ITEM002","quantity":1}]');
    renders('{{jsonSerialize record.items.[0]}}', record, '{&quot;sku&quot;:&quot;ITEM001&quot;,&quot;quantity&quot;:2}');
    renders('{{{jsonSerialize record.name}}}', { record: { name: 'Ann "A"' } }, '"Ann \\"A\\""');
    renders('{{{jsonSerialize this}}}', { a: 1 }, '{"a":1}');
    renders('{{{jsonSerialize record.none}}}|{{{jsonSerialize null}}}', { record: {} }, '|null');
  });

  it('jsonStringify: the alias of jsonSerialize behaves identically', () => {
    const record = { record: { items: [{ sku: 'ITEM001', quantity: 2 }] } };
    renders('{{{jsonStringify record.items}}}', record, '[{"sku":"ITEM001","quantity":2}]');
    renders('{{{jsonStringify record.name}}}', { record: { name: 'x' } }, '"x"');
  });
});

describe('encoding helpers: URLs', () => {
  it('stripProtocol: the documented example and the tips', () => {
    renders('{{{stripProtocol record.cdn}}}', { record: { cdn: 'http://foo.bar/image.png' } }, '//foo.bar/image.png');
    renders('{{{stripProtocol u}}}', { u: '//example.com/a' }, '//example.com/a');
    renders(
      '{{{stripProtocol u}}}',
      { u: 'https://example.com/redirect?url=http://other.com' },
      '//example.com/redirect?url=http://other.com',
    );
    renders('{{{stripProtocol u}}}', { u: 'FTP://files.example.com/x' }, '//files.example.com/x');
    renders('{{{stripProtocol u}}}', { u: 'h2://example.com' }, '//example.com');
    renders('{{stripProtocol missing}}', {}, '');
  });

  it('stripQuerystring: the documented examples and the tips', () => {
    renders(
      '{{{stripQuerystring record.fullUrl}}}',
      { record: { fullUrl: 'https://example.com/product?ref=ads&utm_source=google' } },
      'https://example.com/product',
    );
    renders('{{{stripQuerystring record.fullUrl}}}', { record: { fullUrl: 'https://site.com/page?x=1#section' } }, 'https://site.com/page');
    renders('{{{stripQuerystring u}}}', { u: 'https://site.com/page#only-fragment' }, 'https://site.com/page#only-fragment');
    renders('{{{stripQuerystring u}}}', { u: '/local/path/file.html?version=1.0' }, '/local/path/file.html');
  });
});
