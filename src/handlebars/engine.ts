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

/** The helper every escaped `{{ }}` is turned into a call of (a name no template can write: it starts with a space). */
const ESCAPE_HELPER = ' escape';

const env = Handlebars.create();
for (const [name, fn] of Object.entries(HELPER_FUNCTIONS)) env.registerHelper(name, metered(fn));

let budget = new Budget(DEFAULT_LIMITS);
let escapeMode: EscapeMode = 'html';

env.registerHelper(ESCAPE_HELPER, (value: unknown) => {
  const text = value instanceof Handlebars.SafeString ? value.toHTML() : stringOf(value);
  budget.output(text.length);
  if (value instanceof Handlebars.SafeString) return new Handlebars.SafeString(text);
  return new Handlebars.SafeString(escaped(text, escapeMode));
});

/** Handlebars' own `each`, unless the helpers give their own: metered as theirs are. */
if (!HELPER_FUNCTIONS.each) env.registerHelper('each', metered(env.helpers.each as (...args: unknown[]) => unknown));

/**
 * A helper as the engine registers it: each call is a step, and each body it renders (a block
 * helper's `options.fn` / `options.inverse`) is a step whose output counts, so a loop over a loop
 * is stopped whatever helper runs it.
 */
function metered(fn: (...args: unknown[]) => unknown): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    budget.step();
    const options = args[args.length - 1] as Handlebars.HelperOptions | undefined;
    if (options && typeof options === 'object' && typeof options.fn === 'function') {
      args[args.length - 1] = { ...options, fn: counted(options.fn), inverse: counted(options.inverse) };
    }
    return fn.apply(this, args);
  };
}

function counted(fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  const counting = (context: unknown, more?: Handlebars.RuntimeOptions) => {
    budget.step();
    const out = fn(context, more);
    budget.output(out.length);
    return out;
  };
  return Object.assign(counting, fn) as Handlebars.TemplateDelegate;
}

export function render(template: string, context: unknown, options: RenderOptions = {}): RenderResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (template.length > limits.templateChars)
    return { ok: false, problem: { message: `The template is ${template.length} characters; the limit is ${limits.templateChars}.` } };
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (err) {
    return { ok: false, problem: parseProblem(template, err) };
  }
  withEscapes(program);
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
function withEscapes(program: hbs.AST.Program): void {
  const visit = (node: hbs.AST.Node | undefined | null): void => {
    if (!node) return;
    switch (node.type) {
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
        if (!mustache.escaped) return;
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
        mustache.path = {
          type: 'PathExpression',
          data: false,
          depth: 0,
          parts: [ESCAPE_HELPER],
          original: ESCAPE_HELPER,
          loc: mustache.loc,
        };
        mustache.params = [inner];
        mustache.hash = undefined as unknown as hbs.AST.Hash;
        mustache.escaped = false;
        return;
      }
      default:
        return;
    }
  };
  visit(program);
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
      return encodeURIComponent(text);
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

function runtimeProblem(err: unknown): TemplateProblem {
  const e = err as Error & { lineNumber?: number; column?: number };
  const raw = e instanceof Error ? e.message : String(err);
  const missing = /^Missing helper: "(.*)"$/.exec(raw);
  const message = missing ? `integrator.io has no helper "${missing[1]}"` : raw;
  return {
    message,
    ...(e.lineNumber !== undefined ? { line: e.lineNumber } : {}),
    ...(e.column !== undefined ? { column: e.column } : {}),
  };
}

export { BudgetExceeded };
