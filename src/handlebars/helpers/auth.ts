/** integrator.io's auth helpers (see auth.info.ts for what each does and where the docs are silent). */
import * as crypto from 'crypto';
import aws4 from 'aws4';
import Handlebars from 'handlebars';
import { HelperFunction } from '../helperTypes';
import { isJsonObject } from '../../api/types';
import { positional } from './args';

/** What a value hashes or signs as: its text; a missing value is `""`, an object its JSON. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Handlebars.SafeString) return value.toHTML();
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

const DIGEST_ENCODINGS: readonly crypto.BinaryToTextEncoding[] = ['hex', 'base64', 'base64url', 'binary'];
const KEY_ENCODINGS: readonly BufferEncoding[] = ['utf8', 'utf-8', 'base64', 'base64url', 'hex', 'latin1', 'binary'];

function digestEncoding(helper: string, encoding: unknown): crypto.BinaryToTextEncoding {
  const found = DIGEST_ENCODINGS.find((e) => e === encoding);
  if (!found)
    throw new Error(
      `${helper}: the encoding must be "hex" or "base64" (or base64url, binary), not ${JSON.stringify(encoding) ?? 'nothing'}`,
    );
  return found;
}

function algorithm(helper: string, name: unknown): string {
  if (typeof name !== 'string' || !crypto.getHashes().some((h) => h.toLowerCase() === name.toLowerCase())) {
    throw new Error(`${helper}: ${JSON.stringify(name) ?? 'nothing'} is not a hash algorithm Node supports (e.g. "sha256", "sha1", "md5")`);
  }
  return name;
}

/**
 * `{{hash algorithm encoding field}}`. The hashOptions examples pass four arguments
 * (`hash "sha256" hashOptions.http.encrypted.hashKey "base64" hashOptions.URI`): a key a plain
 * digest has no use for, so with four arguments the second is skipped.
 */
function hash(...args: unknown[]): string {
  const params = positional(args);
  const [name, encoding, field] = params.length >= 4 ? [params[0], params[2], params[3]] : params;
  return crypto.createHash(algorithm('hash', name)).update(textOf(field), 'utf8').digest(digestEncoding('hash', encoding));
}

/** `{{hmac "algorithm" key "encoding" field keyEncoding}}`: keyEncoding is utf8 (the default) or base64. */
function hmac(...args: unknown[]): string {
  const [name, key, encoding, field, keyEncoding] = positional(args);
  const keyCoding =
    keyEncoding === undefined || keyEncoding === null || keyEncoding === '' ? 'utf8' : KEY_ENCODINGS.find((e) => e === keyEncoding);
  if (!keyCoding) throw new Error(`hmac: the key encoding must be "utf8" or "base64", not ${JSON.stringify(keyEncoding)}`);
  // An absent key would sign with an empty one: a wrong signature nobody would notice.
  if (key === undefined || key === null || key === '') throw new Error('hmac: the key is missing (is it under connection.http.encrypted?)');
  return crypto
    .createHmac(algorithm('hmac', name), Buffer.from(textOf(key), keyCoding))
    .update(textOf(field), 'utf8')
    .digest(digestEncoding('hmac', encoding));
}

/** The request's headers from the context: an object, or integrator.io's `[{ name, value }]` list. */
function headersOf(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.filter(isJsonObject).map((h) => [h.name, h.value])
    : isJsonObject(value)
      ? Object.entries(value)
      : [];
  for (const [name, headerValue] of entries) {
    if (typeof name !== 'string' || headerValue === undefined || headerValue === null) continue;
    // aws4 reads the signing time from `X-Amz-Date` or `x-amz-date` only.
    headers[name.toLowerCase() === 'x-amz-date' ? 'X-Amz-Date' : name] = textOf(headerValue);
  }
  return headers;
}

/**
 * The request aws4 signs, read from the render context's top level under the names the docs give
 * for the request context of hash and hmac (hashOptions/hmacOptions): `method`, `URI` (or
 * `baseURI` + `relativeURI`), `body`, `headers`. The signing time is the `X-Amz-Date` header's
 * when there is one (the docs pair aws4 with it), else now.
 */
function requestOf(root: unknown): aws4.Request {
  const context = isJsonObject(root) ? root : {};
  const uri =
    typeof context.URI === 'string' && context.URI
      ? context.URI
      : typeof context.baseURI === 'string' && context.baseURI
        ? context.baseURI.replace(/\/+$/, '') +
          (typeof context.relativeURI === 'string' && context.relativeURI ? `/${context.relativeURI.replace(/^\/+/, '')}` : '')
        : '';
  if (!uri)
    throw new Error(
      'aws4: the render context has no request to sign: give it URI (or baseURI and relativeURI), and method, body and headers as needed',
    );
  let url: URL;
  try {
    // The docs' baseURI example is "www.celigo-test.com": without a scheme, https.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? uri : `https://${uri}`);
  } catch {
    throw new Error(`aws4: ${JSON.stringify(uri)} is not a URL`);
  }
  const request: aws4.Request = { hostname: url.hostname, path: `${url.pathname}${url.search}`, headers: headersOf(context.headers) };
  if (url.port) request.port = url.port;
  if (typeof context.method === 'string' && context.method) request.method = context.method.toUpperCase();
  if (context.body !== undefined && context.body !== null && context.body !== '') request.body = textOf(context.body);
  return request;
}

/** `{{{aws4 accessKey secretKey sessionToken region serviceName}}}`: the AWS Signature V4 Authorization header's value. */
function aws4Helper(...args: unknown[]): string {
  const params = positional(args);
  const [accessKey, secretKey, sessionToken, region, service] = params;
  const options = args[args.length - 1];
  if (!accessKey || !secretKey) throw new Error('aws4: the access key and the secret key are required');
  const request = requestOf(isJsonObject(options) && isJsonObject(options.data) ? options.data.root : undefined);
  // "" leaves region and service to aws4, which reads them from the host (…execute-api.us-east-1.amazonaws.com).
  if (typeof region === 'string' && region) request.region = region;
  if (typeof service === 'string' && service) request.service = service;
  const credentials: aws4.Credentials = { accessKeyId: textOf(accessKey), secretAccessKey: textOf(secretKey) };
  if (sessionToken) credentials.sessionToken = textOf(sessionToken);
  const signed = aws4.sign(request, credentials);
  const authorization = signed.headers?.Authorization;
  return typeof authorization === 'string' ? authorization : '';
}

export const AUTH_HELPERS: Record<string, HelperFunction> = { aws4: aws4Helper, hash, hmac };
