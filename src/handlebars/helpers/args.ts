/** What the helper files share in reading a call: Handlebars passes the positional arguments, then its options object. */

/** The positional arguments of a call: everything but Handlebars' options object, which comes last. */
export function positional(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
