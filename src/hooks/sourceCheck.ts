/**
 * Why a script cannot be evaluated by the Debug Hook compartment, said so that its author can act:
 * a syntax error at its line (the compartment's evaluator reports none), or one of the patterns
 * Hardened JavaScript refuses to evaluate anywhere in the text, even inside a string or a comment
 * (they could otherwise reach outside the compartment: `import(`, direct `eval(`, HTML comments).
 */
import * as vm from 'vm';

export interface SourceProblem {
  error: string;
  line?: number;
  column?: number;
}

/**
 * A syntax error of the script, with its line and column. The script is only compiled here,
 * never run: `node:vm` serves as V8's parser, in strict mode as the compartment evaluates it.
 */
export function syntaxProblem(source: string, filename: string): SourceProblem | undefined {
  const strict = '"use strict";';
  try {
    new vm.Script(strict + source, { filename });
    return undefined;
  } catch (err) {
    if (!(err instanceof SyntaxError)) return undefined;
    // V8 puts the place first in the stack: "<file>:<line>\n<source line>\n<caret>\n\nSyntaxError: …".
    const [where, , caret] = String(err.stack).split('\n');
    const line = where?.startsWith(`${filename}:`) ? Number(where.slice(filename.length + 1)) : NaN;
    if (!Number.isInteger(line)) return { error: `SyntaxError: ${err.message}` };
    const column = Math.max(1, (caret?.indexOf('^') ?? 0) + 1 - (line === 1 ? strict.length : 0));
    return { error: `SyntaxError: ${err.message} (${filename}:${line}:${column})`, line, column };
  }
}

const REFUSED: Record<string, { what: string; instead: string }> = {
  SES_IMPORT_REJECTED: {
    what: '"import(" (a dynamic import)',
    instead: 'Reword the comment or string that contains it (integrator.io scripts load modules only with import lines).',
  },
  SES_EVAL_REJECTED: {
    what: '"eval(" (a direct eval)',
    instead: 'Use an indirect eval, (0, eval)(code), or reword the comment or string that contains it.',
  },
  SES_HTML_COMMENT_REJECTED: {
    what: '"<!--" or "-->" (an HTML comment)',
    instead: "Split it in a string ('<' + '!--'), or reword the comment that contains it.",
  },
};

/** The compartment's refusal of a source pattern, explained; undefined for any other error. */
export function refusalProblem(err: unknown, filename: string): SourceProblem | undefined {
  const message = err instanceof Error ? err.message : '';
  const code = /\((SES_[A-Z_]+)\)\s*$/.exec(message)?.[1];
  const refused = code ? REFUSED[code] : undefined;
  if (!refused) return undefined;
  const line = Number(/:(\d+)\. \(SES_/.exec(message)?.[1]);
  const at = Number.isInteger(line) ? ` at line ${line}` : '';
  return {
    error: `Debug Hook… runs the script as Hardened JavaScript, which refuses the text ${refused.what} anywhere in a script, even in a comment or a string: found${at} of ${filename}. ${refused.instead}`,
    ...(at ? { line, column: 1 } : {}),
  };
}
