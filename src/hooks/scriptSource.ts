/**
 * Real hook scripts are plain scripts that may start with ES imports
 * (`import { exports } from 'integrator-api';`) and declare their functions with no `export`.
 * To run them unchanged in a plain script context, each import statement becomes a `const`
 * taking the module from `__require`, written over the same lines so that every line and column
 * of the rest of the script stays where the user sees it (errors and breakpoints point right).
 */

const IMPORT = /^([ \t]*)import\s+(?:([\s\S]*?)\s+from\s+)?(['"])([^'"\n]+)\3[ \t]*;?/gm;

/** The script with its imports turned into `__require` calls, line for line. */
export function withRequires(source: string): string {
  return source.replace(IMPORT, (statement: string, indent: string, clause: string | undefined, _q: string, module: string) => {
    const call = `__require(${JSON.stringify(module)})`;
    const replaced = clause === undefined ? `${call};` : `const ${bindings(clause.trim(), call)};`;
    return indent + padToLines(replaced, statement.slice(indent.length));
  });
}

/** `x`, `* as x`, `{ a, b as c }`, `x, { a }` as const bindings of `call`. */
function bindings(clause: string, call: string): string {
  const parts: string[] = [];
  const named = /\{([\s\S]*)\}/.exec(clause);
  const rest = clause
    .replace(/\{[\s\S]*\}/, '')
    .replace(/,/g, ' ')
    .trim();
  if (rest.startsWith('* as ')) parts.push(`${rest.slice(5).trim()} = ${call}`);
  else if (rest) parts.push(`${rest} = __default(${call})`);
  if (named) {
    const names = named[1]!.replace(/([\w$]+)\s+as\s+([\w$]+)/g, '$1: $2');
    parts.push(`{${names}} = ${call}`);
  }
  return parts.join(', ');
}

/** Keeps the statement's line breaks at its end, so later lines keep their numbers. */
function padToLines(replacement: string, original: string): string {
  const lines = original.split('\n').length - replacement.split('\n').length;
  return replacement + '\n'.repeat(Math.max(0, lines));
}
