/**
 * The auth helpers against every documented example (celigo/ai references/helpers/auth.md). The docs
 * give no outputs: hash and hmac are checked against Node's crypto on the same fixed inputs, aws4
 * against aws4.sign on the same request at a fixed X-Amz-Date, and against the AWS Signature V4 test
 * suite's get-vanilla case (a signature computed outside this project).
 */
import * as crypto from 'crypto';
import aws4 from 'aws4';
import Handlebars from 'handlebars';
import { fails, renders } from '../../support/handlebars';

function digest(algorithm: string, encoding: crypto.BinaryToTextEncoding, text: string): string {
  return crypto.createHash(algorithm).update(text, 'utf8').digest(encoding);
}

function mac(algorithm: string, key: Buffer, encoding: crypto.BinaryToTextEncoding, text: string): string {
  return crypto.createHmac(algorithm, key).update(text, 'utf8').digest(encoding);
}

/** `{{ }}` HTML-escapes the output (base64's `=` and `/`), as stock Handlebars. */
const escapeHtml = (text: string) => Handlebars.Utils.escapeExpression(text);

/** A request context as the aws4 helper reads it, at a fixed signing time. */
const AMZ_DATE = '20200709T195939Z';
const REQUEST = {
  method: 'POST',
  URI: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders?b=2&a=1',
  body: '{"id":1}',
  headers: { 'Content-Type': 'application/json', 'X-Amz-Date': AMZ_DATE },
};
const SECRETS = {
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FQoGZXIvYXdzEXAMPLE',
};

/** What aws4.sign makes the Authorization header for REQUEST. */
function signed(region: string, service: string, sessionToken?: string): string {
  const url = new URL(REQUEST.URI);
  const request: aws4.Request = {
    hostname: url.hostname,
    path: url.pathname + url.search,
    method: REQUEST.method,
    body: REQUEST.body,
    headers: { ...REQUEST.headers },
    region,
    service,
  };
  const credentials: aws4.Credentials = { accessKeyId: SECRETS.accessKey, secretAccessKey: SECRETS.secretKey };
  if (sessionToken) credentials.sessionToken = sessionToken;
  const authorization = aws4.sign(request, credentials).headers?.Authorization;
  if (typeof authorization !== 'string') throw new Error('aws4.sign gave no Authorization header');
  return authorization;
}

describe('handlebars auth helpers', () => {
  it('hash: documented examples', () => {
    // md5 in base64 ends in "==": {{ }} escapes it, as the docs' recommendation of triple braces warns.
    renders('{{hash "md5" "base64" record.name}}', { record: { name: 'Bob' } }, escapeHtml(digest('md5', 'base64', 'Bob')));
    renders('{{{hash "md5" "base64" record.name}}}', { record: { name: 'Bob' } }, digest('md5', 'base64', 'Bob'));
    renders('{{hash "sha256" "hex" "HelloWorld"}}', {}, digest('sha256', 'hex', 'HelloWorld'));
    renders('{{hash "sha256" "hex" "HelloWorld"}}', {}, '872e4e50ce9990d8b041330c47c9ddd11bec6b503ae9386a99da8584e9bb12c4');
  });

  it('hash: the hashOptions examples (a key argument, skipped)', () => {
    const context = {
      hashOptions: {
        http: { encrypted: { hashKey: 'k3y' } },
        URI: 'https://www.celigo-test.com/this/is/a/test?username=Integrator',
        body: '{"a":1}',
      },
    };
    renders(
      '{{{hash "sha256" hashOptions.http.encrypted.hashKey "base64" hashOptions.URI}}}',
      context,
      digest('sha256', 'base64', context.hashOptions.URI),
    );
    renders('{{{hash "sha256" hashOptions.http.encrypted.hashKey "hex" hashOptions.body}}}', context, digest('sha256', 'hex', '{"a":1}'));
  });

  it('hash: algorithms, encodings, missing and non-string fields', () => {
    renders('{{hash "sha1" "hex" n}}', { n: 42 }, digest('sha1', 'hex', '42'));
    renders('{{hash "SHA512" "hex" "x"}}', {}, digest('sha512', 'hex', 'x'));
    renders('{{{hash "sha256" "base64url" "x"}}}', {}, digest('sha256', 'base64url', 'x'));
    renders('{{hash "md5" "hex" record.missing}}', { record: {} }, digest('md5', 'hex', ''));
    renders('{{hash "md5" "hex" record}}', { record: { a: 1 } }, digest('md5', 'hex', '{"a":1}'));
    fails('{{hash "sha999" "hex" "x"}}', {}, /hash: "sha999" is not a hash algorithm/);
    fails('{{hash "sha256" "utf8" "x"}}', {}, /hash: the encoding must be "hex" or "base64"/);
  });

  it('hmac: documented examples', () => {
    const secretKey = 'my-s3cret';
    renders(
      '{{hmac "sha256" connection.http.encrypted.secretKey "hex" record.payload}}',
      { connection: { http: { encrypted: { secretKey } } }, record: { payload: 'order=1' } },
      mac('sha256', Buffer.from(secretKey, 'utf8'), 'hex', 'order=1'),
    );
    // The key is read as base64.
    const base64Key = Buffer.from('raw key bytes').toString('base64');
    renders(
      '{{{hmac "sha1" connection.http.encrypted.secretKey "base64" record.body "base64"}}}',
      { connection: { http: { encrypted: { secretKey: base64Key } } }, record: { body: '{"id":7}' } },
      mac('sha1', Buffer.from('raw key bytes'), 'base64', '{"id":7}'),
    );
  });

  it('hmac: the hmacOptions examples', () => {
    const hmacOptions = { http: { encrypted: { hmacKey: 'hk' } }, URI: 'https://www.celigo-test.com/a?b=c', body: 'payload' };
    renders(
      '{{{hmac "sha256" hmacOptions.http.encrypted.hmacKey "base64" hmacOptions.URI}}}',
      { hmacOptions },
      mac('sha256', Buffer.from('hk'), 'base64', hmacOptions.URI),
    );
    renders(
      '{{{hmac "sha256" hmacOptions.http.encrypted.hmacKey "hex" hmacOptions.body}}}',
      { hmacOptions },
      mac('sha256', Buffer.from('hk'), 'hex', 'payload'),
    );
  });

  it('hmac: key encodings, missing key and bad arguments', () => {
    renders('{{hmac "md5" "k" "hex" "x" "utf8"}}', {}, mac('md5', Buffer.from('k'), 'hex', 'x'));
    renders('{{hmac "sha256" "6b6579" "hex" "x" "hex"}}', {}, mac('sha256', Buffer.from('key'), 'hex', 'x'));
    renders('{{hmac "sha256" "k" "hex" record.missing}}', { record: {} }, mac('sha256', Buffer.from('k'), 'hex', ''));
    fails('{{hmac "sha256" connection.http.encrypted.secretKey "hex" "x"}}', { connection: {} }, /hmac: the key is missing/);
    fails('{{hmac "sha256" "k" "hex" "x" "rot13"}}', {}, /hmac: the key encoding must be "utf8" or "base64"/);
    fails('{{hmac "nope" "k" "hex" "x"}}', {}, /hmac: "nope" is not a hash algorithm/);
  });

  it('aws4: documented examples, against aws4.sign at a fixed X-Amz-Date', () => {
    renders(
      '{{{aws4 "AKIAIOSFODNN7EXAMPLE" "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" null "us-east-1" "execute-api"}}}',
      REQUEST,
      signed('us-east-1', 'execute-api'),
    );
    const connection = { http: { encrypted: SECRETS } };
    renders(
      '{{{aws4 connection.http.encrypted.accessKey connection.http.encrypted.secretKey null\n"us-west-2"\n"s3"}}}',
      { ...REQUEST, connection },
      signed('us-west-2', 's3'),
    );
    renders(
      '{{{aws4 connection.http.encrypted.accessKey connection.http.encrypted.secretKey connection.http.encrypted.sessionToken\n"us-east-1"\n"execute-api"}}}',
      { ...REQUEST, connection },
      signed('us-east-1', 'execute-api', SECRETS.sessionToken),
    );
  });

  it('aws4: the AWS Signature V4 test suite (get-vanilla)', () => {
    renders(
      '{{{aws4 "AKIDEXAMPLE" "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" "" "us-east-1" "service"}}}',
      { method: 'GET', URI: 'https://example.amazonaws.com/', headers: [{ name: 'x-amz-date', value: '20150830T123600Z' }] },
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('aws4: region and service from the host, baseURI + relativeURI, missing request or keys', () => {
    renders(
      '{{{aws4 "AKIAIOSFODNN7EXAMPLE" "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" "" "" ""}}}',
      REQUEST,
      signed('us-east-1', 'execute-api'),
    );
    const split = {
      ...REQUEST,
      URI: undefined,
      baseURI: 'abc123.execute-api.us-east-1.amazonaws.com/',
      relativeURI: '/prod/orders?b=2&a=1',
    };
    renders(
      '{{{aws4 "AKIAIOSFODNN7EXAMPLE" "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" null "us-east-1" "execute-api"}}}',
      split,
      signed('us-east-1', 'execute-api'),
    );
    fails('{{{aws4 "AKIA" "secret" null "us-east-1" "s3"}}}', { record: {} }, /aws4: the render context has no request to sign/);
    fails(
      '{{{aws4 record.key record.secret null "us-east-1" "s3"}}}',
      { ...REQUEST, record: {} },
      /aws4: the access key and the secret key are required/,
    );
  });
});
