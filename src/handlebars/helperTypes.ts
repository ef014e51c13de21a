/**
 * What the project knows of one integrator.io Handlebars helper: how the editor offers it
 * (name, signature, summary), how problems check a call (how many arguments, block or not), and
 * where the documentation is silent or contradicts itself (`inferred`, listed in the README).
 * The implementations live apart (helpers/<category>.ts) so the editor can read this without
 * loading Handlebars, moment or crypto.
 */
export type HelperCategory = 'math' | 'string' | 'array' | 'date' | 'encoding' | 'auth' | 'format' | 'regex' | 'type-logic' | 'block';

export interface HelperInfo {
  name: string;
  category: HelperCategory;
  /** The documented usage line: `{{dateFormat outputFormat date inputFormat timezone}}`. */
  signature: string;
  /** One sentence for completion and hover. */
  summary: string;
  /** Fewest and most positional arguments a call may pass (`Infinity` for "any number"). */
  minArgs: number;
  maxArgs: number;
  /** A block helper (`{{#compare …}}…{{/compare}}`). */
  block?: boolean;
  /** The documentation asks for triple braces (`{{{ }}}`), as its output holds characters HTML escaping would change. */
  raw?: boolean;
  /** What the implementation decides where the documentation is silent, ambiguous or contradicts itself. */
  inferred?: string;
}

/** A helper as Handlebars calls it: positional arguments, then Handlebars' options object. */
export type HelperFunction = (...args: unknown[]) => unknown;
