/** What the editor and the README say of the auth helpers (implemented in auth.ts). */
import { HelperInfo } from '../helperTypes';

export const AUTH_INFO: HelperInfo[] = [
  {
    name: 'aws4',
    category: 'auth',
    signature: '{{{aws4 accessKey secretKey sessionToken region serviceName}}}',
    summary: 'Signs the request with AWS Signature Version 4 and returns the value for its Authorization header.',
    minArgs: 5,
    maxArgs: 5,
    raw: true,
    inferred:
      'The docs say the request comes from the context but not from where: it is read from the top level under the names of the documented request context (hashOptions/hmacOptions): URI (or baseURI + relativeURI; https when it has no scheme), method, body (an object as JSON) and headers (an object or [{name, value}]), and signed with the aws4 library. The signing time is the X-Amz-Date header the docs pair it with, else now. No URI, or no access or secret key, is an error. The output is the Authorization header value.',
  },
  {
    name: 'hash',
    category: 'auth',
    signature: '{{hash algorithm encoding field}}',
    summary: 'Hashes a value (md5, sha1, sha256, …) and returns the digest encoded as hex or base64.',
    minArgs: 3,
    maxArgs: 4,
    raw: true,
    inferred:
      'The hashOptions examples pass four arguments (algorithm, a key, encoding, field): a digest takes no key, so with four the second is ignored. A missing field hashes as "", an object as its JSON; an algorithm Node does not have, or an encoding other than hex/base64/base64url/binary, is an error.',
  },
  {
    name: 'hmac',
    category: 'auth',
    signature: '{{hmac "algorithm" key "encoding" field keyEncoding}}',
    summary: 'Returns the HMAC of a value with a secret key (keyEncoding utf8 by default, or base64), encoded as hex or base64.',
    minArgs: 4,
    maxArgs: 5,
    raw: true,
    inferred:
      'A missing key is an error rather than a signature with an empty key (encrypted connection fields are often absent from samples). A missing field signs as "", an object as its JSON; hex and latin1 key encodings are accepted as Node reads them.',
  },
];
