/**
 * Reading JSON that came from outside (a response, an account's document, a file): a guard
 * checks what a cast would only claim.
 */
import type { JsonObject } from './types';

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field of an object that is text, or undefined (any other value, or not an object at all). */
export function textField(value: unknown, key: string): string | undefined {
  const field = isJsonObject(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** A field of an object that is a number, or undefined (any other value, or not an object at all). */
export function numberField(value: unknown, key: string): number | undefined {
  const field = isJsonObject(value) ? value[key] : undefined;
  return typeof field === 'number' ? field : undefined;
}
