/**
 * How a resource becomes the text of its document and back: JSON pretty-printed in the key
 * order the API returned, or, for scripts, the hook code itself.
 */
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { JsonObject, MASK, ResourceBase } from '../api/types';
import { ResourceKind } from '../model/resourceKinds';
import { isJsonObject } from '../api/types';

export { MASK };

export function toDocumentText(kind: ResourceKind, resource: ResourceBase): string {
  if (kind === 'scripts') return typeof resource.content === 'string' ? resource.content : '';
  return `${JSON.stringify(resource, null, 2)}\n`;
}

/** A reason the text cannot be saved, said so that the user can fix it. */
export class UnsaveableDocumentError extends Error {}

/**
 * Parses a resource document strictly: JSON with no comments or trailing commas (the API
 * takes plain JSON), an object at the top. Errors name the line and column.
 */
export function parseResourceText(text: string): JsonObject {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const { line, column } = position(text, first.offset);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new UnsaveableDocumentError(
      `Not saved: the JSON is not valid at line ${line}, column ${column}: ${describeParseError(printParseErrorCode(first.error))}${more}.`,
    );
  }
  if (!isJsonObject(value)) throw new UnsaveableDocumentError('Not saved: a resource document must be one JSON object.');
  return value;
}

/** Paths of string values that are still the API's mask for a secret. */
export function maskedSecretPaths(value: unknown, path = ''): string[] {
  if (value === MASK) return [path || '(root)'];
  if (Array.isArray(value)) return value.flatMap((v, i) => maskedSecretPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => maskedSecretPaths(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/**
 * Masks that cannot stand for a stored secret, so saving them would store asterisks or be
 * refused: on a new resource (`opened` undefined) every mask; on an existing one, the masks in
 * places that were not masked in the version the user opened. An untouched mask is sent back
 * as it is, and the API keeps the secret it stands for, as the web UI relies on.
 */
export function masksWithoutSecret(body: unknown, opened: unknown): string[] {
  const masks = maskedSecretPaths(body);
  if (opened === undefined) return masks;
  const openedMasks = new Set(maskedSecretPaths(opened));
  return masks.filter((path) => !openedMasks.has(path));
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing } is expected',
    CloseBracketExpected: 'a closing ] is expected',
    EndOfFileExpected: 'nothing may follow the closing }',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'unexpected end of number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character',
  };
  return words[code] ?? code;
}
