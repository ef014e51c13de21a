/** What the editor and the README say of the encoding helpers (implemented in encoding.ts). */
import { HelperInfo } from '../helperTypes';

/** Where the docs are silent on input that is not text. */
const TEXT_INPUT = 'A missing field gives "", a number is encoded as its digits, and an object or array is an error naming the helper.';

/** jsonSerialize and its alias. */
function jsonSerializeInfo(name: string): HelperInfo {
  return {
    name,
    category: 'encoding',
    signature: `{{{${name} objectToSerialize}}}`,
    summary: `Writes any value as JSON (JSON.stringify): an object or array as its JSON, a string in quotes${name === 'jsonStringify' ? '; an alias of jsonSerialize' : ''}.`,
    minArgs: 1,
    maxArgs: 1,
    raw: true,
    inferred: 'A missing value (undefined has no JSON) gives "". The JSON is compact, with no spaces, as JSON.stringify writes it.',
  };
}

export const ENCODING_INFO: HelperInfo[] = [
  {
    name: 'base64Decode',
    category: 'encoding',
    signature: '{{base64Decode base64String "decodeFormat"}}',
    summary: 'Decodes a base64 string into text ("utf8", the default) or another format such as "hex", "ascii", "latin1" or "utf16le".',
    minArgs: 1,
    maxArgs: 2,
    raw: true,
    inferred: `Base64 is read as Node reads it, leniently (characters outside the alphabet are skipped) rather than as an error; an unknown format is an error. The old reference table's cell for null (' ') is unclear: null gives "". ${TEXT_INPUT}`,
  },
  {
    name: 'base64Encode',
    category: 'encoding',
    signature: '{{{base64Encode base64String "encodeFormat"}}}',
    summary: 'Encodes the UTF-8 bytes of a string as base64; another format ("hex", …) writes the bytes in that encoding instead.',
    minArgs: 1,
    maxArgs: 2,
    raw: true,
    inferred: `The docs contradict themselves: the format "defaults to utf8", yet no format gives base64 and "Hello" "hex" gives 48656c6c6f, the hex of the bytes. So the format names the output's encoding, and the default (and "utf8") is base64; an unknown format is an error. ${TEXT_INPUT}`,
  },
  {
    name: 'decodeURI',
    category: 'encoding',
    signature: '{{{decodeURI field}}}',
    summary: 'Decodes percent-escapes (%20 → space); text that is not validly URI-encoded comes back unchanged.',
    minArgs: 1,
    maxArgs: 1,
    raw: true,
    inferred: `decodeURIComponent, the counterpart of encodeURI (as handlebars-helpers' decodeURI), so %2F and %3F are decoded too. ${TEXT_INPUT}`,
  },
  {
    name: 'encodeURI',
    category: 'encoding',
    signature: '{{{encodeURI field}}}',
    summary: 'Percent-encodes a string for a URL, spaces and , / ? : @ & = + $ # included.',
    minArgs: 1,
    maxArgs: 1,
    raw: true,
    inferred: `encodeURIComponent, not JavaScript's encodeURI: the docs list , / ? : @ & = + $ # as encoded, and handlebars-helpers' encodeURI is encodeURIComponent. ${TEXT_INPUT}`,
  },
  {
    name: 'htmlDecode',
    category: 'encoding',
    signature: '{{{htmlDecode value}}}',
    summary: 'Decodes HTML entities (&lt; &amp; &quot; &#39; …) into the characters they stand for.',
    minArgs: 1,
    maxArgs: 1,
    raw: true,
    inferred: `Every named and numeric HTML entity is decoded (the he library). ${TEXT_INPUT}`,
  },
  {
    name: 'htmlEncode',
    category: 'encoding',
    signature: '{{{htmlEncode value}}}',
    summary: 'Encodes < > & " \' as HTML entities (&lt; &gt; &amp; &quot; &#39;), leaving other text unchanged.',
    minArgs: 1,
    maxArgs: 1,
    raw: true,
    inferred: `The docs' example uses {{ }} yet shows the text encoded once, so the result is not escaped again by {{ }} (stock Handlebars would escape it twice); it is not URL-encoded or SQL-quoted by {{ }} either. ${TEXT_INPUT}`,
  },
  {
    name: 'jsonEncode',
    category: 'encoding',
    signature: '{{jsonEncode field}}',
    summary: 'JSON-escapes a string without the surrounding quotes (a newline becomes \\n); other values come back unchanged.',
    minArgs: 1,
    maxArgs: 1,
    inferred:
      'Objects and arrays give "[object Object]", as the docs say (even though Handlebars prints an array comma-joined). A missing value gives "". {{ }} still HTML-escapes the result (a quote, written \\", becomes \\&quot;): the docs\' "braces do not affect it" holds for text without such characters.',
  },
  {
    name: 'jsonParse',
    category: 'encoding',
    signature: '{{{jsonParse string}}}',
    summary: 'Parses a JSON string into an object or array, for #with and #each (or a field that takes objects).',
    minArgs: 1,
    maxArgs: 1,
    raw: true,
    inferred:
      'It returns the object, which {{ }} prints as [object Object] (an array comma-joined); the docs show the output as JSON. Invalid JSON is an error naming the helper; a missing or empty string gives ""; a value that is already an object or number is returned as it is.',
  },
  jsonSerializeInfo('jsonSerialize'),
  jsonSerializeInfo('jsonStringify'),
  {
    name: 'stripProtocol',
    category: 'encoding',
    signature: '{{stripProtocol url}}',
    summary: 'Removes the protocol (http:, https:, ftp:…) from a URL, leaving a protocol-relative //host/path.',
    minArgs: 1,
    maxArgs: 1,
    inferred:
      'Only a scheme followed by // at the start is removed (the docs: the first occurrence only); a value that is not a string gives "".',
  },
  {
    name: 'stripQuerystring',
    category: 'encoding',
    signature: '{{stripQuerystring url}}',
    summary: 'Removes everything from the first ? of a URL or path (the query string, and a fragment after it).',
    minArgs: 1,
    maxArgs: 1,
    inferred: 'A value that is not a string gives "" (the original library gives nothing).',
  },
];
