/**
 * A URI as its parts, the way `vscode.Uri` holds them (decoded). Every builder of this folder
 * returns parts and every parser takes them, so the rules run in plain Node (unit tests) and a
 * `vscode.Uri` is passed to a parser as it is; `index.ts` makes `vscode.Uri`s of what is built.
 */
export interface UriParts {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string;
}

export function uriParts(scheme: string, parts: Partial<Omit<UriParts, 'scheme'>>): UriParts {
  return { scheme, authority: parts.authority ?? '', path: parts.path ?? '', query: parts.query ?? '', fragment: parts.fragment ?? '' };
}

/**
 * The segments of an absolute path when there are exactly `count`, each not empty:
 * `/a/b/c` → `['a', 'b', 'c']`. Undefined for any other shape (`//`, a trailing `/`, one too many).
 */
export function segmentsOf(path: string, count: number): string[] | undefined {
  const [root, ...segments] = path.split('/');
  if (root !== '' || segments.length !== count || segments.some((s) => s === '')) return undefined;
  return segments;
}

/**
 * Whether a segment can stand for an id the API is asked about: `..` or `.` would step out of
 * the API path it is put into (`/exports/..` is `/`), so they are never ids.
 */
export function isIdSegment(text: string | undefined): text is string {
  return !!text && text !== '.' && text !== '..';
}

/** A name as one path segment: any character but `/` (or `\`, for Windows) and control characters. */
export function safeSegment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const printable = wellFormed(text).replace(/[\u0000-\u001f]/g, ' ');
  return printable.replace(/[/\\]/g, '∕').trim() || '_';
}

/** Text as one encoded segment, dots too: `.` and `..` alone would be read as steps up by whatever normalizes the path. */
export function encodeSegment(text: string): string {
  const encoded = encodeURIComponent(wellFormed(text));
  return /^\.{1,2}$/.test(encoded) ? encoded.replace(/\./g, '%2E') : encoded;
}

/** The text an encoded segment stands for, or undefined when it is not valid percent-encoding. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Text from an account may hold half a surrogate pair, which no URI can encode (encodeURIComponent throws): it becomes U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/** The last segment of a path: a document's file name, what its tab shows. */
export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
