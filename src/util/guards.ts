/**
 * Checks for values from outside (a command's argument, a document's text, a page's state): each
 * tells what a value is before the code reads it as that, where a cast would only claim it.
 */
import { RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';

/** A JSON object (not an array, not null): its fields can be read by name. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One of the resource kinds the extension knows ("exports", "flows"…). */
export function isResourceKind(value: unknown): value is ResourceKind {
  return typeof value === 'string' && Object.hasOwn(RESOURCE_KINDS, value);
}

/** Any object, arrays included: what a path into JSON reads fields of (an array's by index). */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}
