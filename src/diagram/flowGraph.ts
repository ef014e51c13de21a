/**
 * A flow as a graph, the way integrator.io's flow builder draws it (left to right): its page
 * generators, then its page processors in order, or its routers with their branches, branches
 * meeting again where `nextRouterId` says, and the end of each branch. No DOM and no `vscode`:
 * the webview, the CLI (`integrator-io diagram`) and the tests all draw from this.
 *
 * The flow document is the account's (or a pull request's): anything may be missing or wrong. A
 * router that a branch names but the flow lacks, or one reached again on its own path (a loop),
 * is a problem in the graph and an edge marked as such, never a walk that does not end. Node ids
 * are built from positions in the document, never from its text, and a graph stops at
 * MAX_NODES (said as a problem): a hostile flow of 10,000 steps is not laid out whole.
 */

import { isJsonObject } from '../api/types';
import { adaptorLabel, describeSchedule } from '../model/describe';

/** The most nodes a graph holds: a 400-node flow lays out in well under a second. */
export const MAX_NODES = 400;

/** What the graph knows of a step's resource: from the account's lists, or a pulled folder's files. */
export interface StepFacts {
  name?: string;
  /** `HTTPExport`, `NetSuiteImport`… */
  adaptorType?: string;
  /** The export's type: `webhook`, `delta`… */
  type?: string;
  isLookup?: boolean;
  connectionName?: string;
  /** Hook names the resource has a script for (`preSavePage`, `preMap`…). */
  hooks?: string[];
  hasFilter?: boolean;
  /** A lookup's or an import's input filter (which records reach it). */
  hasInputFilter?: boolean;
  hasTransform?: boolean;
  /** The application an HTTP connector speaks for (`shopify`, `zendesk`): what the flow builder names. */
  assistant?: string;
  hasMapping?: boolean;
  /** In a pulled folder: what the plan says of it ("changed in the folder", "in conflict", "new"). */
  review?: string;
}

/** Looks a step's resource up by kind and id (an account id, or a folder key such as `exports/x`). */
export type StepLookup = (kind: 'exports' | 'imports', id: string) => StepFacts | undefined;

export type NodeRole = 'source' | 'listener' | 'lookup' | 'import' | 'router' | 'end';

export interface GraphNode {
  /** Unique in the graph, stable for the same flow, from positions only: `pg0`, `pp1`, `r0` (routers[0]), `r0b1p0`, `r0b1end`. */
  id: string;
  role: NodeRole;
  /** The resource the step stands for (none for routers and ends). */
  ref?: { kind: 'exports' | 'imports'; id: string };
  label: string;
  /** Kind and application: "lookup · NetSuite · NetSuite Production". */
  detail: string;
  /** What the step holds: hooks (named), filter, transform, mapping, response mapping, proceed on failure. */
  marks: string[];
  /** Where the step sits in the flow document, for a reader: `pageProcessors[1]`, `routers[0].branches[2].pageProcessors[0]`. */
  path: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** A branch's name, on the edge that leaves its router. */
  label?: string;
  /** An edge that closes a loop of routers (drawn, and said in `problems`). */
  loop?: boolean;
}

export interface FlowGraph {
  name: string;
  disabled: boolean;
  schedule?: string;
  /** The flow's own time zone for its schedule, when it names one. */
  timezone?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  problems: string[];
  /** Whether the flow was larger than MAX_NODES, so only its start is drawn. */
  truncated?: boolean;
  /** A legacy flow: its export and import are the top-level `_exportId` and `_importId` (and its steps' paths say so). */
  legacy?: boolean;
}

type Json = Record<string, unknown>;

const object = (v: unknown): Json | undefined => (isJsonObject(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function buildFlowGraph(flowDocument: unknown, lookup: StepLookup): FlowGraph {
  const flow = object(flowDocument) ?? {};
  const graph: FlowGraph = {
    name: text(flow.name) ?? '(unnamed flow)',
    disabled: flow.disabled === true,
    ...(text(flow.schedule) ? { schedule: text(flow.schedule) } : {}),
    ...(text(flow.timezone) ? { timezone: text(flow.timezone) } : {}),
    nodes: [],
    edges: [],
    problems: [],
  };
  const builder = new Builder(
    graph,
    lookup,
    list(flow.routers)
      .map(object)
      .filter((r): r is Json => r !== undefined),
  );

  const legacyExport = !list(flow.pageGenerators).length && text(flow._exportId) !== undefined;
  const legacyImport = !list(flow.pageProcessors).length && text(flow._importId) !== undefined;
  if (legacyExport || legacyImport) graph.legacy = true;
  const generators = legacyExport ? [{ _exportId: flow._exportId }] : list(flow.pageGenerators);
  const processors = legacyImport ? [{ type: 'import', _importId: flow._importId }] : list(flow.pageProcessors);
  try {
    const sources = generators.map((pg, i) =>
      builder.generator(object(pg) ?? {}, `pg${i}`, legacyExport ? '_exportId' : `pageGenerators[${i}]`),
    );
    if (builder.routers.length > 0) {
      if (processors.length > 0) graph.problems.push('The flow has both pageProcessors and routers; integrator.io runs the routers.');
      builder.router(0, sources, []);
      builder.sayUnreached();
    } else {
      builder.chain(processors, 'pp', 'pageProcessors', sources);
      // The legacy import sits at the flow's top level, not in a pageProcessors list the flow does not have.
      const legacyNode = legacyImport ? graph.nodes.find((n) => n.id === 'pp0') : undefined;
      if (legacyNode) legacyNode.path = '_importId';
    }
  } catch (err) {
    if (!(err instanceof TooLarge)) throw err;
    graph.truncated = true;
    graph.problems.push(`The flow is larger than ${MAX_NODES} steps, routers and ends: only its first ${MAX_NODES} are drawn.`);
  }
  return graph;
}

/**
 * What the flow's header says besides its name: "disabled · runs every 15 min (the cron as
 * written), Europe/London". The same words in the view, the saved SVG and the Mermaid comment.
 */
export function flowFactsText(graph: FlowGraph): string {
  const schedule = graph.schedule
    ? `runs ${describeSchedule(graph.schedule) === graph.schedule ? `on schedule ${graph.schedule}` : `${describeSchedule(graph.schedule)} (${graph.schedule})`}${graph.timezone ? `, ${graph.timezone}` : ''}`
    : '';
  return [graph.disabled ? 'disabled' : '', schedule].filter(Boolean).join(' · ');
}

/** Thrown when a graph reaches MAX_NODES: the walk ends there, with what it drew so far. */
class TooLarge extends Error {}

class Builder {
  /** Routers drawn so far, by their index in `routers`, with the node a branch that joins them leads to. */
  private readonly drawn = new Map<number, string>();
  /** Each router's index by its id (`id` or `_id`); the first of two with one id (a problem said once). */
  private readonly indexById = new Map<string, number>();

  constructor(
    private readonly graph: FlowGraph,
    private readonly lookup: StepLookup,
    readonly routers: Json[],
  ) {
    routers.forEach((router, index) => {
      const id = routerId(router);
      if (id === undefined) return;
      if (this.indexById.has(id)) graph.problems.push(`Two routers have the id "${id}": branches that go on to it reach the first.`);
      else this.indexById.set(id, index);
    });
  }

  /** Routers that no branch reaches: integrator.io never runs them, and the picture does not show them. */
  sayUnreached(): void {
    this.routers.forEach((router, index) => {
      if (!this.drawn.has(index)) this.graph.problems.push(`Router "${routerName(router, index)}" is not reached from the first router.`);
    });
  }

  generator(pg: Json, id: string, path: string): string {
    const exportId = text(pg._exportId);
    const facts = exportId ? this.lookup('exports', exportId) : undefined;
    const listener = facts?.type === 'webhook' || facts?.type === 'distributed' || /Webhook/.test(facts?.adaptorType ?? '');
    return this.add({
      id,
      role: listener ? 'listener' : 'source',
      ...(exportId ? { ref: { kind: 'exports' as const, id: exportId } } : {}),
      label: facts?.name ?? exportId ?? '(no export)',
      detail: detailOf(listener ? 'listener' : 'source', facts),
      marks: marksOf(facts, pg),
      path,
    });
  }

  /** Page processors in order, each after the last; returns the chain's last nodes (or `from` when empty). */
  chain(processors: unknown[], prefix: string, path: string, from: string[], firstLabel?: string): string[] {
    let tails = from;
    processors.forEach((raw, i) => {
      const pp = object(raw) ?? {};
      const isExport = pp.type === 'export' || (pp.type === undefined && text(pp._exportId) !== undefined);
      const kind = isExport ? ('exports' as const) : ('imports' as const);
      const id = text(isExport ? pp._exportId : pp._importId);
      const facts = id ? this.lookup(kind, id) : undefined;
      const role: NodeRole = isExport ? 'lookup' : 'import';
      if (!id) this.graph.problems.push(`${path}[${i}] names no ${isExport ? 'export (_exportId)' : 'import (_importId)'}.`);
      const node = this.add({
        id: `${prefix}${i}`,
        role,
        ...(id ? { ref: { kind, id } } : {}),
        label: facts?.name ?? id ?? `(no ${isExport ? 'export' : 'import'})`,
        detail: detailOf(role, facts),
        marks: marksOf(facts, pp),
        path: `${path}[${i}]`,
      });
      for (const tail of tails) this.edge(tail, node, i === 0 ? firstLabel : undefined);
      tails = [node];
    });
    return tails;
  }

  /**
   * A router: its node after `from`, then each branch. A router reached again by a branch that
   * joins it gets the new edges only; one reached again on its own path (`path`) is a loop. A
   * router of one branch with no condition (how integrator.io keeps the steps before the first
   * real router) is drawn as the plain hand-over it is, as the flow builder draws it.
   */
  router(index: number, from: string[], path: number[]): void {
    const router = this.routers[index]!;
    const already = this.drawn.get(index);
    if (already) {
      const loop = path.includes(index);
      if (loop) this.graph.problems.push(`Router "${routerName(router, index)}" is reached again from its own branches: a loop.`);
      for (const tail of from) this.edge(tail, already, undefined, loop);
      return;
    }
    const branches = list(router.branches).map((raw) => object(raw) ?? {});
    const only = branches.length === 1 ? branches[0]! : undefined;
    const passThrough =
      only !== undefined && !conditionOf(only) && router.routeRecordsUsing !== 'script' && list(only.pageProcessors).length > 0;
    let node: string;
    if (passThrough) {
      node = `r${index}`;
    } else {
      node = this.add({
        id: `r${index}`,
        role: 'router',
        label: text(router.name) ?? 'Router',
        detail: router.routeRecordsTo === 'all_matching_branches' ? 'all matching branches' : 'first matching branch',
        marks: router.routeRecordsUsing === 'script' ? ['script'] : [],
        path: `routers[${index}]`,
      });
      this.drawn.set(index, node);
      for (const tail of from) this.edge(tail, node);
    }
    branches.forEach((branch, b) => {
      const name = text(branch.name) ?? `Branch ${b + 1}`;
      const label = passThrough ? undefined : `${name}${conditionOf(branch) ? `: ${conditionOf(branch)}` : ''}`;
      const processors = list(branch.pageProcessors);
      const branchPath = `routers[${index}].branches[${b}]`;
      const tails = this.chain(processors, `${node}b${b}p`, `${branchPath}.pageProcessors`, passThrough ? from : [node], label);
      // A branch that joins the pass-through again leads to its first step.
      if (passThrough) this.drawn.set(index, `${node}b0p0`);
      const next = text(branch.nextRouterId) ?? text(branch._nextRouterId) ?? text(router.nextRouterId) ?? text(router._nextRouterId);
      const target = next === undefined ? undefined : this.indexById.get(next);
      if (next !== undefined && target === undefined)
        this.graph.problems.push(
          `Branch "${name}" of router "${routerName(router, index)}" goes on to router "${next}", which the flow does not have.`,
        );
      if (target !== undefined) {
        // An empty branch that goes on hands its records straight to the next router.
        this.router(target, processors.length ? tails : [node], [...path, index]);
        return;
      }
      const end = this.add({
        id: `${node}b${b}end`,
        role: 'end',
        label: processors.length ? 'End' : 'Discarded',
        detail: processors.length ? `end of "${name}"` : `"${name}" has no steps: its records are dropped`,
        marks: [],
        path: branchPath,
      });
      for (const tail of tails) this.edge(tail, end, processors.length ? undefined : label);
    });
  }

  private add(node: GraphNode): string {
    if (this.graph.nodes.length >= MAX_NODES) throw new TooLarge();
    this.graph.nodes.push(node);
    return node.id;
  }

  private edge(from: string, to: string, label?: string, loop?: boolean): void {
    this.graph.edges.push({ from, to, ...(label ? { label } : {}), ...(loop ? { loop: true } : {}) });
  }
}

function routerId(router: Json): string | undefined {
  return text(router.id) ?? text(router._id);
}

/** How messages name a router: its name, its id, or its place. */
function routerName(router: Json, index: number): string {
  return text(router.name) ?? routerId(router) ?? `routers[${index}]`;
}

/** "lookup · NetSuite · NetSuite Production" */
function detailOf(role: NodeRole, facts: StepFacts | undefined): string {
  const application = facts?.assistant
    ? facts.assistant.charAt(0).toUpperCase() + facts.assistant.slice(1)
    : adaptorLabel(facts?.adaptorType);
  return [role, application, facts?.connectionName].filter(Boolean).join(' · ');
}

/** What a step holds, from its resource and its place in the flow. */
function marksOf(facts: StepFacts | undefined, step: Json): string[] {
  const marks: string[] = [];
  if (facts?.review) marks.push(facts.review);
  // The resource's hooks, then the flow step's own (postResponseMap lives on the page processor).
  const stepHooks = Object.entries(object(step.hooks) ?? {})
    .filter(([, h]) => text(object(h)?._scriptId) !== undefined || text(object(h)?.function) !== undefined)
    .map(([name]) => name);
  const hooks = [...(facts?.hooks ?? []), ...stepHooks];
  if (hooks.length) marks.push(`hooks: ${hooks.join(', ')}`);
  if (facts?.hasFilter) marks.push('filter');
  if (facts?.hasInputFilter) marks.push('input filter');
  if (facts?.hasTransform) marks.push('transform');
  if (facts?.hasMapping) marks.push('mapping');
  const responseMapping = object(step.responseMapping);
  if (responseMapping && (list(responseMapping.fields).length > 0 || list(responseMapping.lists).length > 0))
    marks.push('response mapping');
  if (step.proceedOnFailure === true) marks.push('proceed on failure');
  return marks;
}

/** A branch's condition in a few words: the rules' first comparison, or "script", or none. */
function conditionOf(branch: Json): string | undefined {
  const filter = object(branch.inputFilter);
  if (!filter) return undefined;
  if (filter.type === 'script') return 'script';
  const rules = object(filter.expression)?.rules ?? filter.rules;
  if (!Array.isArray(rules) || rules.length === 0) return undefined;
  const shown = summarise(rules);
  return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
}

/** How an operator reads in a sentence; others are said as they are named. */
const OPERATOR_WORDS: Record<string, string> = {
  equals: 'equals',
  notequals: 'does not equal',
  greaterthan: '>',
  greaterthanequals: '≥',
  lessthan: '<',
  lessthanequals: '≤',
  startswith: 'starts with',
  endswith: 'ends with',
  contains: 'contains',
  doesnotcontain: 'does not contain',
  matches: 'matches',
};
/** Operators of one operand, said after it. */
const SAID_AFTER: Record<string, string> = { empty: 'is empty', notempty: 'is not empty' };
/** How deep a condition is read: a filter nested 10,000 deep from an account is cut, not walked. */
const MAX_CONDITION_DEPTH = 12;

/** `['equals', ['string', ['extract', 'priority']], 'urgent']` → `priority equals urgent`. */
function summarise(rule: unknown, depth = 0): string {
  if (depth > MAX_CONDITION_DEPTH) return '…';
  if (!Array.isArray(rule)) return typeof rule === 'string' || typeof rule === 'number' || typeof rule === 'boolean' ? String(rule) : '';
  const items: unknown[] = rule;
  const [op, ...args] = items;
  const inner = (value: unknown) => summarise(value, depth + 1);
  // Values read from the record, the flow's settings or the run's context.
  if (op === 'extract') return typeof args[0] === 'string' ? args[0] : '';
  if (op === 'settings' || op === 'context') return typeof args[0] === 'string' ? `${op}.${args[0]}` : String(op);
  if (op === 'string' || op === 'number' || op === 'boolean' || op === 'lowercase' || op === 'uppercase') return inner(args[0]);
  if (op === 'and' || op === 'or') return args.map(inner).join(` ${String(op)} `);
  if (op === 'not') return `not ${inner(args[0])}`;
  if (typeof op === 'string' && SAID_AFTER[op]) return `${inner(args[0])} ${SAID_AFTER[op]}`;
  const word = typeof op === 'string' ? (OPERATOR_WORDS[op] ?? op) : String(op);
  return `${inner(args[0])} ${word} ${args.slice(1).map(inner).join(', ')}`.trim();
}
