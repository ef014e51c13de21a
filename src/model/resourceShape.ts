/**
 * What a value from a server or a document must be before it is used as one: checked, never
 * cast, so anything else (a number, null, an array, an object without an id) is skipped rather
 * than allowed to break what is around it.
 */
import { isJsonObject, ResourceBase } from '../api/types';

/** The least a list entry must be for the tree to show it: an object with a non-empty string `_id`. */
export function isResourceShaped(value: unknown): value is ResourceBase {
  return isJsonObject(value) && typeof value._id === 'string' && value._id.length > 0;
}
