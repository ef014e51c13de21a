/**
 * integrator.io's Handlebars, evaluated here: Handlebars 4.7 with the platform's documented
 * helpers (helpers/), `{{ }}` escaped for where the template is used (HTML by default, URL-encoded
 * in a URI, quoted in SQL) and `{{{ }}}` raw, as the platform does. A template is data from an
 * account: it runs no code but the helpers, and a render is stopped past a budget of steps and of
 * output (a nested `#each` over a large sample), said as a problem with the template's position.
 * A time limit that also stops a runaway regular expression is the worker's (renderWorker.ts).
 */
import Handlebars from 'handlebars';
import { HELPER_FUNCTIONS } from './helpers';
import type { HelperFunction } from './helperTypes';
import { Budget, BudgetExceeded, DEFAULT_LIMITS, RenderLimits } from './budget';
import { nestingProblem } from './nesting';
import { parseErrorOf } from './parseErrors';
import { Block, Call, isBlock, isDecoratorBlock, isMustache, isPath, isProgram, Mustache } from './ast';
import { isJsonObject, numberField } from '../api/types';

/** How `{{ }}` formats its output: where the template is used decides it. */
export type EscapeMode = 'html' | 'url' | 'sql' | 'none';

export interface RenderOptions {
  escape?: EscapeMode;
  limits?: Partial<RenderLimits>;
}

export type RenderResult = { ok: true; output: string } | { ok: false; problem: TemplateProblem };

export interface TemplateProblem {
  message: string;
  /** 1-based line and 0-based column in the template, where Handlebars says. */
  line?: number;
  column?: number;
}

/**
 * The helpers every `{{ }}` and `{{{ }}}` is turned into a call of (names no template can write:
 * they start with a space): the first escapes for the field, both count what is printed.
 */
const ESCAPE_HELPER = ' escape';
const RAW_HELPER = ' raw';
/** The most text one helper call is given (its text arguments together). */
const MAX_HELPER_INPUT = 2_000_000;

const env = Handlebars.create();
for (const [name, fn] of Object.entries(HELPER_FUNCTIONS)) env.registerHelper(name, metered(name, fn));
// Handlebars' own `each`, `if`, `unless`, `with` and `lookup`, unless the helpers give theirs: metered as theirs are.
for (const name of ['each', 'if', 'unless', 'with', 'lookup']) {
  const own = env.helpers[name];
  // Its typings want Handlebars' options last; metered passes on the arguments Handlebars gave, options included.
  if (!HELPER_FUNCTIONS[name] && own) env.registerHelper(name, metered(name, own as HelperFunction));
}
// `log` would write account data to the process's console: it prints nothing, as on the platform's output.
env.registerHelper('log', () => '');
// Inline partials are not integrator.io's, and would repeat output past every budget.
env.unregisterDecorator('inline');
// A helper the template names that integrator.io does not have: said where it is.
env.registerHelper('helperMissing', (...args: unknown[]) => {
  // Called with no arguments for a field the context lacks: that renders empty, as on the platform.
  if (args.length === 1) return undefined;
  const options = args[args.length - 1];
  const name = isJsonObject(options) && typeof options.name === 'string' ? options.name : '?';
  throw located(new Error(`integrator.io has no helper "${name}"`), startOf(options));
});

let budget = new Budget(DEFAULT_LIMITS);
let escapeMode: EscapeMode = 'html';

env.registerHelper(ESCAPE_HELPER, (value: unknown) => {
  // A helper's SafeString (htmlEncode's) is HTML-safe, which a URL or a SQL query is not: only HTML keeps it.
  const safe = value instanceof Handlebars.SafeString;
  const text = safe ? value.toHTML() : stringOf(value);
  const out = safe && escapeMode === 'html' ? text : escaped(text, escapeMode);
  budget.output(out.length);
  return new Handlebars.SafeString(out);
});

env.registerHelper(RAW_HELPER, (value: unknown) => {
  const text = value instanceof Handlebars.SafeString ? value.toHTML() : stringOf(value);
  budget.output(text.length);
  return new Handlebars.SafeString(text);
});

/**
 * A helper as the engine registers it: each call is a step, and each body it renders (a block
 * helper's `options.fn` / `options.inverse`) is a step whose output counts, so a loop over a loop
 * is stopped whatever helper runs it.
 */
function metered(name: string, fn: HelperFunction): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    budget.step();
    const options = args[args.length - 1];
    const input = args.slice(0, -1).reduce<number>((sum, a) => sum + textSize(a), 0);
    if (input > MAX_HELPER_INPUT)
      throw located(
        new Error(`${name}: its text is ${input.toLocaleString('en-US')} characters; the limit is 2,000,000.`),
        startOf(options),
      );
    if (isJsonObject(options) && isBody(options.fn)) {
      const inverse = isBody(options.inverse) ? counted(options.inverse) : options.inverse;
      args[args.length - 1] = { ...options, fn: counted(options.fn), inverse };
    }
    let result: unknown;
    try {
      result = fn.apply(this, args);
    } catch (err) {
      throw located(err, startOf(options));
    }
    // What a helper makes counts, even before it is printed: a chain of helpers cannot grow text past the budget.
    if (typeof result === 'string') budget.output(result.length);
    return result;
  };
}

/** The text a helper is given: a string's length, an array's strings together (one level). */
function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value instanceof Handlebars.SafeString) return value.toHTML().length;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + (typeof v === 'string' ? v.length : 0), 0);
  return 0;
}

/** Where a helper's call starts in the template: Handlebars gives its options the call's `loc`. */
function startOf(options: unknown): hbs.AST.Position | undefined {
  const loc = isJsonObject(options) ? options.loc : undefined;
  const start = isJsonObject(loc) ? loc.start : undefined;
  const line = numberField(start, 'line');
  const column = numberField(start, 'column');
  return line !== undefined && column !== undefined ? { line, column } : undefined;
}

/** An error with the template's place, where Handlebars gave one. */
function located(err: unknown, at: hbs.AST.Position | undefined): Error {
  const error = err instanceof Error ? err : new Error(String(err));
  if (at && !(error instanceof BudgetExceeded) && (!('line' in error) || error.line === undefined))
    Object.assign(error, { line: at.line, column: at.column });
  return error;
}

/**
 * A block helper's body (`options.fn`, `options.inverse`). Handlebars types it as giving a string;
 * a body of one mustache gives that mustache's value as it is (a SafeString, say).
 */
type Body = (context: unknown, options?: Handlebars.RuntimeOptions) => unknown;

function isBody(value: unknown): value is Body {
  return typeof value === 'function';
}

function counted(fn: Body): Body {
  const counting: Body = (context, more) => {
    budget.step();
    const out = fn(context, more);
    // Counted as the text it prints.
    budget.output(typeof out === 'string' ? out.length : stringOf(out instanceof Handlebars.SafeString ? out.toHTML() : out).length);
    return out;
  };
  return Object.assign(counting, fn);
}

export function render(template: string, context: unknown, options: RenderOptions = {}): RenderResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (template.length > limits.templateChars)
    return { ok: false, problem: { message: `The template is ${template.length} characters; the limit is ${limits.templateChars}.` } };
  const deep = nestingProblem(template);
  if (deep) return { ok: false, problem: deep };
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (err) {
    return { ok: false, problem: parseProblem(template, err) };
  }
  const refused = withEscapes(program);
  if (refused) return { ok: false, problem: refused };
  budget = new Budget(limits);
  escapeMode = options.escape ?? 'html';
  try {
    const compiled = env.compile(program, { knownHelpersOnly: false });
    const output = compiled(context);
    budget.output(0);
    return { ok: true, output };
  } catch (err) {
    if (err instanceof BudgetExceeded) return { ok: false, problem: { message: err.message } };
    return { ok: false, problem: runtimeProblem(err) };
  }
}

/**
 * Turns each escaped `{{ … }}` into `{{ escape … }}`, raw, so the escaping follows the render's
 * mode instead of Handlebars' one global HTML escaping. Only nodes the parser made are changed.
 */
function withEscapes(program: hbs.AST.Program): TemplateProblem | undefined {
  let refused: TemplateProblem | undefined;
  const visit = (node: hbs.AST.Node | undefined | null): void => {
    if (!node) return;
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement' || node.type === 'Decorator') {
      refused ??= {
        message: "Partials and decorators ({{> …}}, {{* …}}) are not part of integrator.io's Handlebars.",
        line: node.loc.start.line,
        column: node.loc.start.column,
      };
    } else if (isProgram(node)) {
      for (const statement of node.body) visit(statement);
    } else if (isBlock(node) || isDecoratorBlock(node)) {
      namedCondition(node);
      visit(node.program);
      visit(node.inverse);
    } else if (isMustache(node)) {
      throughHelper(node);
    }
  };
  visit(program);
  if (refused) return refused;
  if (program.body.some((n) => n.type === 'DecoratorBlock'))
    return { message: "Partials and decorators are not part of integrator.io's Handlebars." };
  return undefined;
}

/** `{{ x }}` becomes `{{{ escape x }}}`, `{{ helper a }}` `{{{ escape (helper a) }}}`; `{{{ x }}}` `{{{ raw x }}}`. */
function throughHelper(mustache: Mustache): void {
  const callsHelper = mustache.params.length > 0 || mustache.hash !== undefined || isHelperName(mustache.path);
  const inner: hbs.AST.Expression = callsHelper ? callOf(mustache) : mustache.path;
  const helper = mustache.escaped ? ESCAPE_HELPER : RAW_HELPER;
  mustache.path = { type: 'PathExpression', data: false, depth: 0, parts: [helper], original: helper, loc: mustache.loc };
  mustache.params = [inner];
  // The hash moved into the inner call.
  mustache.hash = undefined;
  mustache.escaped = false;
}

function callOf(mustache: Mustache): Call {
  return { type: 'SubExpression', path: mustache.path, params: mustache.params, hash: mustache.hash, loc: mustache.loc };
}

/**
 * `{{#some list isTruthy}}`: the docs name the condition with a bare identifier, which Handlebars
 * would read as a field of the context; it is passed as its name, a string, instead.
 */
function namedCondition(block: Block): void {
  const condition = block.params[1];
  if (!isPath(block.path) || block.path.original !== 'some' || !condition || !isPath(condition)) return;
  const [name, ...more] = condition.parts;
  if (condition.data || condition.depth > 0 || name === undefined || more.length > 0) return;
  const literal: hbs.AST.StringLiteral = { type: 'StringLiteral', value: name, original: name, loc: condition.loc };
  block.params[1] = literal;
}

function isHelperName(path: hbs.AST.Expression): boolean {
  return (
    isPath(path) &&
    !path.data &&
    path.parts.length === 1 &&
    path.depth === 0 &&
    Object.prototype.hasOwnProperty.call(env.helpers, path.parts[0]!)
  );
}

/** What `{{ }}` prints for a value: as Handlebars prints it (arrays comma-joined, null and undefined empty). */
export function stringOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringOf).join(',');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value === 'object' ? '[object Object]' : '';
}

/** `{{ }}`'s output for its place: HTML escaping as Handlebars does, URL-encoding, or SQL quoting. */
export function escaped(text: string, mode: EscapeMode): string {
  switch (mode) {
    case 'none':
      return text;
    case 'url':
      // A lone surrogate cannot be URL-encoded: it becomes U+FFFD, as a browser would send it.
      return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
    case 'sql':
      return `'${text.replace(/'/g, "''")}'`;
    default:
      return Handlebars.Utils.escapeExpression(text);
  }
}

function parseProblem(template: string, err: unknown): TemplateProblem {
  const { message, line, column } = parseErrorOf(template, err);
  return { message, line, column };
}

/** A long message (a helper naming a megabyte of input) is cut: the problem is what matters. */
const MAX_MESSAGE = 500;

function runtimeProblem(err: unknown): TemplateProblem {
  const raw = err instanceof Error ? err.message : String(err);
  const missing = /^Missing helper: "(.*)"$/.exec(raw);
  const full = missing ? `integrator.io has no helper "${missing[1]}"` : raw;
  const message = full.length > MAX_MESSAGE ? `${full.slice(0, MAX_MESSAGE)}…` : full;
  // The place a helper's error was given (located), or the one Handlebars gives its own.
  const line = numberField(err, 'line') ?? numberField(err, 'lineNumber');
  const column = numberField(err, 'column');
  return { message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) };
}

export { BudgetExceeded };
