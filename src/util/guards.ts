/**
 * Checks for values from outside (a command's argument, a document's text, a page's state): each
 * tells what a value is before the code reads it as that, where a cast would only claim it.
 */

/** Any object, arrays included: what a path into JSON reads fields of (an array's by index). */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}
