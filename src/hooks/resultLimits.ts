/**
 * How much a hook run may hand back to the host. A script is the account's code, and a few
 * bytes of it can make a value whose JSON is hundreds of megabytes (one array referenced many
 * times is written out in full each time) or whose pretty-printed form is hundreds of times its
 * JSON (nesting: every line is indented by its depth). The run's own memory limit does not cover
 * what the host makes of the value after it crosses, so the text is bounded before it crosses
 * (in the sandbox's world) and checked again on the host before anything is parsed or laid out.
 *
 * The bounds are far above what integrator.io itself takes: at most 5 MB per page of records
 * (integrator-api.md, "Data limits").
 */

/** The result's JSON: four of integrator.io's largest pages. */
export const MAX_RESULT_CHARS = 20_000_000;
/** The result laid out for reading (two-space indentation, as the result view and the CLI show it). */
export const MAX_SHOWN_CHARS = 64_000_000;
/** Nesting: far past any record's, and well inside what the host's JSON functions recurse through. */
export const MAX_RESULT_DEPTH = 1_000;

/** Console output kept per run: enough for any real debugging, bounded so a loop of logs cannot fill the host. */
export const MAX_LOG_LINES = 10_000;
export const MAX_LOG_CHARS = 4_000_000;
/** An error's message and stack, as the script made them. */
export const MAX_ERROR_CHARS = 20_000;

/** What a run says when the script returned more JSON than MAX_RESULT_CHARS. */
export function tooLargeMessage(chars: number): string {
  return (
    `The script returned ${megabytes(chars)} of JSON, more than a local run takes (${megabytes(MAX_RESULT_CHARS)}; ` +
    'integrator.io itself takes at most 5 MB per page).'
  );
}

/**
 * The value of a result's JSON text, or why it is refused: too long, nested too deep, or too large
 * to lay out. The text comes from the sandbox: never parsed before its length is known.
 */
export function parseResult(json: string): { value: unknown } | { error: string } {
  if (json.length > MAX_RESULT_CHARS) return { error: tooLargeMessage(json.length) };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { error: 'The script returned a value that is not JSON.' };
  }
  const shape = shapeOf(value);
  if (shape.depth > MAX_RESULT_DEPTH)
    return { error: `The script returned data nested more than ${MAX_RESULT_DEPTH} levels deep, more than a local run shows.` };
  const shown = json.length + shape.layout;
  if (shown > MAX_SHOWN_CHARS)
    return {
      error:
        `The script returned data that takes ${megabytes(shown)} laid out for reading (its JSON is ${megabytes(json.length)}), ` +
        `more than a local run shows (${megabytes(MAX_SHOWN_CHARS)}).`,
    };
  return { value };
}

/** Cuts text the script made to `max` characters, saying so. */
export function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters not kept)` : text;
}

/**
 * The deepest nesting and the characters indentation adds to the JSON when laid out with two
 * spaces: each member on its own line (newline, indentation, and ": " after a key), each
 * non-empty container's closing line. Walked with a stack: the value may be nested past what
 * recursion survives.
 */
export function shapeOf(root: unknown): { depth: number; layout: number } {
  let depth = 0;
  let layout = 0;
  if (root === null || typeof root !== 'object') return { depth: 0, layout: 0 };
  const stack: Array<[object, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, level] = stack.pop()!;
    depth = Math.max(depth, level + 1);
    if (depth > MAX_RESULT_DEPTH) break;
    const members: unknown[] = Array.isArray(value) ? value : Object.values(value);
    if (members.length === 0) continue;
    const keySpace = Array.isArray(value) ? 0 : 1;
    layout += members.length * (1 + 2 * (level + 1) + keySpace) + 1 + 2 * level;
    // Only containers go on the stack: a member that is a number or a string adds nothing more.
    for (const member of members) if (member !== null && typeof member === 'object') stack.push([member, level + 1]);
  }
  return { depth, layout };
}

function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toFixed(chars < 10_000_000 ? 1 : 0)} MB`;
}
