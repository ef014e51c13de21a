/** integrator.io's encoding helpers (see encoding.info.ts for what each does and where the docs are silent). */
import Handlebars from 'handlebars';
import he from 'he';
import { HelperFunction } from '../helperTypes';
import { positional } from './args';

/**
 * The text a helper encodes or decodes: numbers and booleans as JavaScript writes them, a missing
 * field as `""` (the docs: a missing field renders empty). An object or array is not text.
 */
function textOf(helper: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Handlebars.SafeString) return value.toString();
  throw new Error(`${helper}: expected text, not ${Array.isArray(value) ? 'an array' : 'an object'}`);
}

/** A Buffer encoding named by a template ("utf8", "hex", "latin1", "ucs-2", …), or an Error naming the helper. */
function encodingOf(helper: string, value: unknown, fallback: BufferEncoding): BufferEncoding {
  if (value === undefined || value === null || value === '') return fallback;
  const name = typeof value === 'string' ? value : JSON.stringify(value);
  if (Buffer.isEncoding(name)) return name;
  throw new Error(`${helper}: "${name}" is not a supported format (utf8, ascii, hex, base64, binary, latin1, ucs2 or utf16le)`);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function jsonSerialize(...args: unknown[]): string {
  const [value] = positional(args);
  const data = value instanceof Handlebars.SafeString ? value.toString() : value;
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (err) {
    throw new Error(`jsonSerialize: the value cannot be written as JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  // undefined (a missing field) has no JSON: it renders empty, as a missing field does.
  return json ?? '';
}

export const ENCODING_HELPERS: Record<string, HelperFunction> = {
  base64Decode: (...args) => {
    const [value, format] = positional(args);
    // Node reads base64 leniently (characters outside the alphabet are skipped), as the platform's Node does.
    return Buffer.from(textOf('base64Decode', value), 'base64').toString(encodingOf('base64Decode', format, 'utf8'));
  },

  base64Encode: (...args) => {
    const [value, format] = positional(args);
    const bytes = Buffer.from(textOf('base64Encode', value), 'utf8');
    // The text's UTF-8 bytes in base64 by default (and for the documented default "utf8"); another
    // format names the output's encoding, as the docs' {{{base64Encode "Hello" "hex"}}} → 48656c6c6f shows.
    const encoding = encodingOf('base64Encode', format, 'base64');
    return bytes.toString(/^utf-?8$/i.test(encoding) ? 'base64' : encoding);
  },

  decodeURI: (...args) => {
    const text = textOf('decodeURI', positional(args)[0]);
    try {
      return decodeURIComponent(text);
    } catch {
      // The docs: text that is not validly URI-encoded is returned as it is.
      return text;
    }
  },

  encodeURI: (...args) => {
    const text = textOf('encodeURI', positional(args)[0]);
    try {
      // encodeURIComponent, as handlebars-helpers' encodeURI: the docs list , / ? : @ & = + $ # as encoded.
      return encodeURIComponent(text);
    } catch {
      throw new Error('encodeURI: the text holds a lone UTF-16 surrogate, which has no URI encoding');
    }
  },

  htmlDecode: (...args) => he.decode(textOf('htmlDecode', positional(args)[0])),

  htmlEncode: (...args) => {
    const text = textOf('htmlEncode', positional(args)[0]).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
    // Already HTML-safe: the docs' {{htmlEncode …}} example shows it escaped once, not twice.
    return new Handlebars.SafeString(text);
  },

  jsonEncode: (...args) => {
    const [value] = positional(args);
    if (value === undefined || value === null) return '';
    if (typeof value === 'string' || value instanceof Handlebars.SafeString) return JSON.stringify(value.toString()).slice(1, -1);
    // The docs: objects and arrays become "[object Object]"; other values come back unchanged.
    if (typeof value === 'object') return '[object Object]';
    return value;
  },

  jsonParse: (...args) => {
    const [value] = positional(args);
    // Data that is already parsed (the platform deserializes stringified JSON) is returned as it is.
    if (typeof value !== 'string' && !(value instanceof Handlebars.SafeString)) return value ?? '';
    const text = value.toString();
    if (text.trim() === '') return '';
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed;
    } catch (err) {
      const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      throw new Error(`jsonParse: ${JSON.stringify(shown)} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  },

  jsonSerialize,
  jsonStringify: jsonSerialize,

  // The first `<scheme>://` only, any scheme, any case; a protocol-relative URL stays as it is.
  stripProtocol: (...args) => {
    const [value] = positional(args);
    if (typeof value !== 'string') return '';
    return value.replace(/^[a-z][a-z0-9+.-]*:(?=\/\/)/i, '');
  },

  // Plain truncation at the first `?` (the fragment after it goes too), no URL parsing.
  stripQuerystring: (...args) => {
    const [value] = positional(args);
    if (typeof value !== 'string') return '';
    return value.split('?')[0]!;
  },
};
