/**
 * The least a list entry must be for the tree to show it: an object with a string `_id`. Lists
 * come from a server, so anything else (a number, null, an object without an id) is skipped
 * rather than allowed to break the rows around it.
 */
import { ResourceBase } from '../api/types';

export function isResourceShaped(value: unknown): value is ResourceBase {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { _id?: unknown })._id === 'string' &&
    (value as { _id: string })._id.length > 0
  );
}
