/**
 * Reading what comes from outside (a file of the folder, an account's answer, a thrown value)
 * without claiming more than was checked: a type guard says what a value is because it looked.
 */
import { JsonObject } from '../api/types';

/** A JSON object: not null, not an array. Its fields are still unknown until each is read. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message of whatever was thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
