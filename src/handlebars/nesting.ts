/** How deep a template may nest before Handlebars parses it (engine.ts and analysis.ts check it first). */

/** How deep `( )` and blocks may nest: Handlebars' parser slows steeply past a few hundred. */
const MAX_NESTING = 64;

/**
 * How deep the template nests `( … )` and blocks, counted on its text before Handlebars parses it
 * (the parser takes seconds past a few hundred levels, and overflows its stack past more).
 */
export function nestingProblem(template: string): { message: string; line: number; column: number } | undefined {
  let parentheses = 0;
  let blocks = 0;
  let inside = false;
  let quote: string | undefined;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (!inside) {
      if (c !== '{' || template[i + 1] !== '{') continue;
      inside = true;
      parentheses = 0;
      if (template[i + 2] === '#') blocks++;
      else if (template[i + 2] === '/') blocks = Math.max(0, blocks - 1);
      i++;
    } else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '(') {
      parentheses++;
    } else if (c === ')') {
      parentheses = Math.max(0, parentheses - 1);
    } else if (c === '}' && template[i + 1] === '}') {
      inside = false;
    }
    if (parentheses > MAX_NESTING || blocks > MAX_NESTING) {
      const line = template.slice(0, i).split('\n').length;
      return {
        message: `The template nests deeper than ${MAX_NESTING} levels; it is not read.`,
        line,
        column: i - (template.lastIndexOf('\n', i - 1) + 1),
      };
    }
  }
  return undefined;
}
