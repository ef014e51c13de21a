/** What the helper files share in reading a call: Handlebars passes the positional arguments, then its options object. */

/** The positional arguments of a call: everything but Handlebars' options object, which comes last. */
export function positional(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}
