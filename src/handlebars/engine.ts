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
import { Budget, BudgetExceeded, DEFAULT_LIMITS, RenderLimits } from './budget';
import { nestingProblem } from './nesting';
import { parseErrorOf } from './parseErrors';

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
for (const name of ['each', 'if', 'unless', 'with', 'lookup'])
  if (!HELPER_FUNCTIONS[name]) env.registerHelper(name, metered(name, env.helpers[name] as (...args: unknown[]) => unknown));
// `log` would write account data to the process's console: it prints nothing, as on the platform's output.
env.registerHelper('log', () => '');
// Inline partials are not integrator.io's, and would repeat output past every budget.
env.unregisterDecorator('inline');
// A helper the template names that integrator.io does not have: said where it is.
env.registerHelper('helperMissing', (...args: unknown[]) => {
  // Called with no arguments for a field the context lacks: that renders empty, as on the platform.
  if (args.length === 1) return undefined;
  const options = args[args.length - 1] as { name?: string; loc?: hbs.AST.SourceLocation };
  throw located(new Error(`integrator.io has no helper "${options.name ?? '?'}"`), options.loc);
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
function metered(name: string, fn: (...args: unknown[]) => unknown): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    budget.step();
    const options = args[args.length - 1] as (Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation }) | undefined;
    const input = args.slice(0, -1).reduce<number>((sum, a) => sum + textSize(a), 0);
    if (input > MAX_HELPER_INPUT)
      throw located(new Error(`${name}: its text is ${input.toLocaleString('en-US')} characters; the limit is 2,000,000.`), options?.loc);
    if (options && typeof options === 'object' && typeof options.fn === 'function') {
      args[args.length - 1] = { ...options, fn: counted(options.fn), inverse: counted(options.inverse) };
    }
    let result: unknown;
    try {
      result = fn.apply(this, args);
    } catch (err) {
      throw located(err, options?.loc);
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

/** An error with the template's place, where Handlebars gave one. */
function located(err: unknown, loc: hbs.AST.SourceLocation | undefined): Error {
  const error = err instanceof Error ? err : new Error(String(err));
  if (loc && !(error instanceof BudgetExceeded) && (error as { line?: number }).line === undefined)
    Object.assign(error, { line: loc.start.line, column: loc.start.column });
  return error;
}

function counted(fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  const counting = (context: unknown, more?: Handlebars.RuntimeOptions) => {
    budget.step();
    const out: unknown = fn(context, more);
    // A body of one mustache gives its value as it is (a SafeString, say): counted as the text it prints.
    budget.output(typeof out === 'string' ? out.length : stringOf(out instanceof Handlebars.SafeString ? out.toHTML() : out).length);
    return out as string;
  };
  return Object.assign(counting, fn) as Handlebars.TemplateDelegate;
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
    switch (node.type) {
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'Decorator':
        refused ??= {
          message: "Partials and decorators ({{> …}}, {{* …}}) are not part of integrator.io's Handlebars.",
          line: node.loc.start.line,
          column: node.loc.start.column,
        };
        return;
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) visit(statement);
        return;
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const block = node as hbs.AST.BlockStatement;
        namedCondition(block);
        visit(block.program);
        visit(block.inverse);
        return;
      }
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement & { escaped: boolean };
        const path = mustache.path as hbs.AST.PathExpression;
        const callsHelper = mustache.params.length > 0 || mustache.hash !== undefined || isHelperName(path);
        const inner: hbs.AST.Expression = callsHelper
          ? ({
              type: 'SubExpression',
              path: mustache.path,
              params: mustache.params,
              hash: mustache.hash,
              loc: mustache.loc,
            } as hbs.AST.SubExpression)
          : mustache.path;
        const helper = mustache.escaped ? ESCAPE_HELPER : RAW_HELPER;
        mustache.path = { type: 'PathExpression', data: false, depth: 0, parts: [helper], original: helper, loc: mustache.loc };
        mustache.params = [inner];
        // The hash moved into the inner call; Handlebars' types say a mustache always has one, its compiler does not.
        mustache.hash = undefined as unknown as hbs.AST.Hash;
        mustache.escaped = false;
        return;
      }
      default:
        return;
    }
  };
  visit(program);
  if (refused) return refused;
  if (program.body.some((n) => n.type === 'DecoratorBlock'))
    return { message: "Partials and decorators are not part of integrator.io's Handlebars." };
  return undefined;
}

/**
 * `{{#some list isTruthy}}`: the docs name the condition with a bare identifier, which Handlebars
 * would read as a field of the context; it is passed as its name, a string, instead.
 */
function namedCondition(block: hbs.AST.BlockStatement): void {
  const path = block.path;
  const condition = block.params[1] as hbs.AST.PathExpression | undefined;
  if (path.type !== 'PathExpression' || path.original !== 'some' || condition?.type !== 'PathExpression') return;
  if (condition.data || condition.depth > 0 || condition.parts.length !== 1) return;
  block.params[1] = {
    type: 'StringLiteral',
    value: condition.parts[0]!,
    original: condition.parts[0]!,
    loc: condition.loc,
  } as hbs.AST.StringLiteral;
}

function isHelperName(path: hbs.AST.Expression): boolean {
  if (path.type !== 'PathExpression') return false;
  const p = path as hbs.AST.PathExpression;
  return !p.data && p.parts.length === 1 && p.depth === 0 && Object.prototype.hasOwnProperty.call(env.helpers, p.parts[0]!);
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
  const e = err as Error & { line?: number; column?: number; lineNumber?: number };
  const raw = e instanceof Error ? e.message : String(err);
  const missing = /^Missing helper: "(.*)"$/.exec(raw);
  const full = missing ? `integrator.io has no helper "${missing[1]}"` : raw;
  const message = full.length > MAX_MESSAGE ? `${full.slice(0, MAX_MESSAGE)}…` : full;
  const line = e.line ?? e.lineNumber;
  return { message, ...(line !== undefined ? { line } : {}), ...(e.column !== undefined ? { column: e.column } : {}) };
}

export { BudgetExceeded };
