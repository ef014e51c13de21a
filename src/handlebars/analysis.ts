/**
 * What is wrong with a template before it runs, as the editor underlines it: a parse error
 * (unbalanced or unclosed blocks), a helper integrator.io does not have (naming the closest that
 * it has), a wrong number of arguments, a block helper used inline or the other way round, a path
 * that no sample record has (naming the closest that one has), and a field without the `record.`
 * prefix that AFE 2.0 templates need. Positions are the template's (1-based line, 0-based column).
 */
import Handlebars from 'handlebars';
import { HELPER_BY_NAME, HELPERS } from './catalog';
import { HelperInfo } from './helperTypes';
import { CONTEXT_ROOTS, TemplateKind } from './templateContext';
import { closest, pathsOf } from './paths';
import { nestingProblem } from './nesting';
import { parseErrorOf } from './parseErrors';
import { Block, Call, isBlock, isSubExpression, isMustache, isPath, isProgram, Mustache } from './ast';

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  message: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
  /** The kind of finding, for a quick fix or a test. */
  code: 'parse' | 'unknown-helper' | 'arguments' | 'block' | 'unknown-path' | 'record-prefix';
}

/** Handlebars' own helpers that integrator.io keeps (the catalog lists Celigo's). */
const BUILT_IN = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

/** Roots whose contents a sample cannot know whole: paths under them are not checked. */
const UNCHECKED_ROOTS = new Set(['settings', 'connection', 'job', 'import', 'export', 'lastExportDateTime', 'currentExportDateTime']);

export interface AnalysisContext {
  kind?: TemplateKind;
  /** The context the template renders with (sample included): paths are checked against it. */
  context?: unknown;
}

export function analyse(template: string, options: AnalysisContext = {}): Finding[] {
  const deep = nestingProblem(template);
  if (deep)
    return [{ severity: 'error', code: 'parse', message: deep.message, start: deep, end: { line: deep.line, column: deep.column + 1 } }];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(template);
  } catch (err) {
    return [parseFinding(template, err)];
  }
  const walk: Walk = {
    findings: [],
    known: options.context === undefined ? undefined : pathsOf(options.context),
    kind: options.kind,
    scoped: 0,
  };
  visit(walk, program);
  return walk.findings;
}

/** One walk over a parsed template: what it found so far, and what it checks paths against. */
interface Walk {
  findings: Finding[];
  /** The paths the sample context has; undefined when none was given (paths are then not checked). */
  known: Set<string> | undefined;
  kind: TemplateKind | undefined;
  /** Depth of blocks that change `this` (each, with…): paths inside them are not checked against the top. */
  scoped: number;
}

function visit(walk: Walk, node: hbs.AST.Node | undefined | null): void {
  if (!node) return;
  if (isProgram(node)) {
    for (const statement of node.body) visit(walk, statement);
  } else if (isMustache(node)) {
    const isHelper = checkCall(walk, node, false);
    if (!isHelper) checkValue(walk, node.path);
    checkArguments(walk, node);
  } else if (isBlock(node)) {
    visitBlock(walk, node);
  }
}

function visitBlock(walk: Walk, node: Block): void {
  checkCall(walk, node, true);
  // #some's second param names a condition (isTruthy), not a field.
  const isSome = node.path.original === 'some';
  node.params.forEach((param, i) => (isSome && i === 1 ? undefined : checkValue(walk, param)));
  const name = node.path.parts?.[0];
  // These render their body with another `this`: paths there are relative to it.
  const changes = name === 'each' || name === 'with' || name === 'filter' || (node.program.blockParams?.length ?? 0) > 0;
  if (changes) walk.scoped++;
  visit(walk, node.program);
  if (changes) walk.scoped--;
  visit(walk, node.inverse);
}

/** The values a mustache or a sub-expression passes: its params, then its hash's. */
function checkArguments(walk: Walk, node: Mustache | Call): void {
  for (const param of node.params) checkValue(walk, param);
  for (const pair of node.hash?.pairs ?? []) checkValue(walk, pair.value);
}

function checkValue(walk: Walk, node: hbs.AST.Expression | undefined): void {
  if (!node) return;
  if (isSubExpression(node)) {
    checkCall(walk, node, false);
    checkArguments(walk, node);
    return;
  }
  if (!isPath(node) || walk.scoped > 0 || !walk.known) return;
  if (node.data || node.depth > 0 || node.parts.length === 0) return;
  checkPath(walk, node, walk.known);
}

/**
 * Checks a call of a helper: that integrator.io has it, with the right number of arguments, as a
 * block or inline as it is meant. Returns whether the node is a helper call (a plain field is not).
 */
function checkCall(walk: Walk, node: Mustache | Call | Block, block: boolean): boolean {
  const path = node.path;
  if (!isPath(path) || path.data || path.parts.length !== 1 || path.depth !== 0) return false;
  const name = path.parts[0]!;
  const info = HELPER_BY_NAME.get(name);
  const isCall = block || node.params.length > 0 || node.hash !== undefined || node.type === 'SubExpression';
  if (!info && !BUILT_IN.has(name)) {
    if (!isCall) return false; // a plain field: checked as a path
    const near = closest(name, [...HELPERS.map((h) => h.name), ...BUILT_IN]);
    walk.findings.push(
      at(node.path.loc, 'error', 'unknown-helper', `integrator.io has no helper "${name}"${near ? `; did you mean "${near}"?` : '.'}`),
    );
    return true;
  }
  if (!info) return true;
  const count = node.params.length;
  if (count < info.minArgs || count > info.maxArgs) {
    const range = argumentRange(info);
    walk.findings.push(
      at(node.loc, 'error', 'arguments', `${name} takes ${range} argument${range === '1' ? '' : 's'}, not ${count}: ${info.signature}`),
    );
  }
  if (info.block && !block) walk.findings.push(at(node.loc, 'error', 'block', `${name} is a block helper: {{#${name} …}}…{{/${name}}}`));
  if (!info.block && block) walk.findings.push(at(node.loc, 'error', 'block', `${name} is not a block helper: {{${name} …}}`));
  return true;
}

/** How many arguments a helper takes, as a sentence says it: `2`, `1 to 3`, `at least 1`. */
function argumentRange(info: HelperInfo): string {
  if (info.maxArgs === Infinity) return `at least ${info.minArgs}`;
  return info.minArgs === info.maxArgs ? `${info.minArgs}` : `${info.minArgs} to ${info.maxArgs}`;
}

function checkPath(walk: Walk, path: hbs.AST.PathExpression, known: Set<string>): void {
  const dotted = path.parts.join('.');
  if (HELPER_BY_NAME.has(dotted) || BUILT_IN.has(dotted)) return;
  const roots = walk.kind ? CONTEXT_ROOTS[walk.kind] : [];
  if (walk.kind && walk.kind !== 'export' && !roots.includes(path.parts[0]!)) {
    // AFE 1.0's names for the record's fields: bare, `data.x` or `data.0.x`.
    const field = dotted.replace(/^data\.(\d+\.)?/, '');
    if (known.has(`record.${field}`)) {
      walk.findings.push(
        at(path.loc, 'warning', 'record-prefix', `AFE 2.0 templates read the record's fields under record.: use record.${field}`),
      );
      return;
    }
  }
  if (known.has(dotted)) return;
  // Settings, the connection and the job are the account's and the run's: the sample holds only part of them.
  if (UNCHECKED_ROOTS.has(path.parts[0]!)) return;
  // Under a value the sample has but cannot say (a string read further, an empty array): not a finding.
  const parent = path.parts.slice(0, -1).join('.');
  if (parent && known.has(parent) && !known.has(`${parent}.*`)) return;
  const near = closest(
    dotted,
    [...known].filter((p) => !p.endsWith('*')),
  );
  walk.findings.push(
    at(
      path.loc,
      'warning',
      'unknown-path',
      `No sample record has ${dotted}${near ? `; the closest it has is ${near}` : ''}. It renders empty.`,
    ),
  );
}

function at(loc: hbs.AST.SourceLocation, severity: Severity, code: Finding['code'], message: string): Finding {
  return { severity, code, message, start: { ...loc.start }, end: { ...loc.end } };
}

/** A parse error as a finding, at the place Handlebars points to. */
export function parseFinding(template: string, err: unknown): Finding {
  const { message, line, column } = parseErrorOf(template, err);
  return { severity: 'error', code: 'parse', message, start: { line, column }, end: { line, column: column + 1 } };
}
