/**
 * A flow as a graph, the way integrator.io's flow builder draws it (left to right): its page
 * generators, then its page processors in order, or its routers with their branches, branches
 * meeting again where `nextRouterId` says, and the end of each branch. No DOM and no `vscode`:
 * the webview, the CLI (`integrator-io diagram`) and the tests all draw from this.
 *
 * The flow document is the account's (or a pull request's): anything may be missing or wrong. A
 * router that a branch names but the flow lacks, or one reached again on its own path (a loop),
 * is a problem in the graph and an edge marked as such, never a walk that does not end.
 */

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
  hasTransform?: boolean;
  hasMapping?: boolean;
  /** In a pulled folder: what the plan says of it ("changed in the folder", "in conflict", "new"). */
  review?: string;
}

/** Looks a step's resource up by kind and id (an account id, or a folder key such as `exports/x`). */
export type StepLookup = (kind: 'exports' | 'imports', id: string) => StepFacts | undefined;

export type NodeRole = 'source' | 'listener' | 'lookup' | 'import' | 'router' | 'end';

export interface GraphNode {
  /** Unique in the graph, stable for the same flow: `pg0`, `pp1`, `router:priority`, `router:priority/0/pp0`. */
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
  nodes: GraphNode[];
  edges: GraphEdge[];
  problems: string[];
}

type Json = Record<string, unknown>;

const object = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function buildFlowGraph(flowDocument: unknown, lookup: StepLookup): FlowGraph {
  const flow = object(flowDocument) ?? {};
  const graph: FlowGraph = {
    name: text(flow.name) ?? '(unnamed flow)',
    disabled: flow.disabled === true,
    ...(text(flow.schedule) ? { schedule: text(flow.schedule) } : {}),
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

  const generators = list(flow.pageGenerators).length
    ? list(flow.pageGenerators)
    : text(flow._exportId)
      ? [{ _exportId: flow._exportId }]
      : [];
  const sources = generators.map((pg, i) => builder.generator(object(pg) ?? {}, `pg${i}`, `pageGenerators[${i}]`));

  const processors = list(flow.pageProcessors).length
    ? list(flow.pageProcessors)
    : text(flow._importId)
      ? [{ type: 'import', _importId: flow._importId }]
      : [];
  if (builder.routers.length > 0) {
    if (processors.length > 0) graph.problems.push('The flow has both pageProcessors and routers; integrator.io runs the routers.');
    builder.router(builder.routers[0]!, sources, []);
  } else {
    builder.chain(processors, 'pp', 'pageProcessors', sources);
  }
  return graph;
}

class Builder {
  /** Routers drawn so far, by their id, with their node. */
  private readonly drawn = new Map<string, string>();

  constructor(
    private readonly graph: FlowGraph,
    private readonly lookup: StepLookup,
    readonly routers: Json[],
  ) {}

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
   * joins it gets the new edges only; one reached again on its own path (`path`) is a loop.
   */
  router(router: Json, from: string[], path: string[]): void {
    const id = text(router.id) ?? text(router._id) ?? `#${this.routers.indexOf(router)}`;
    const already = this.drawn.get(id);
    if (already) {
      const loop = path.includes(id);
      if (loop) this.graph.problems.push(`Router "${text(router.name) ?? id}" is reached again from its own branches: a loop.`);
      for (const tail of from) this.edge(tail, already, undefined, loop);
      return;
    }
    const index = this.routers.indexOf(router);
    const node = this.add({
      id: `router:${id}`,
      role: 'router',
      label: text(router.name) ?? 'Router',
      detail: router.routeRecordsTo === 'all_matching_branches' ? 'all matching branches' : 'first matching branch',
      marks: router.routeRecordsUsing === 'script' ? ['script'] : [],
      path: `routers[${index}]`,
    });
    this.drawn.set(id, node);
    for (const tail of from) this.edge(tail, node);
    list(router.branches).forEach((raw, b) => {
      const branch = object(raw) ?? {};
      const name = text(branch.name) ?? `Branch ${b + 1}`;
      const label = `${name}${conditionOf(branch) ? `: ${conditionOf(branch)}` : ''}`;
      const processors = list(branch.pageProcessors);
      const tails = this.chain(processors, `${node}/${b}/pp`, `routers[${index}].branches[${b}].pageProcessors`, [node], label);
      const next = text(branch.nextRouterId) ?? text(branch._nextRouterId) ?? text(router.nextRouterId) ?? text(router._nextRouterId);
      const target = next ? this.routers.find((r) => (text(r.id) ?? text(r._id)) === next) : undefined;
      if (next && !target)
        this.graph.problems.push(
          `Branch "${name}" of router "${text(router.name) ?? id}" goes on to router "${next}", which the flow does not have.`,
        );
      if (target) {
        // An empty branch that goes on hands its records straight to the next router.
        this.router(target, processors.length ? tails : [node], [...path, id]);
        return;
      }
      const end = this.add({
        id: `${node}/${b}/end`,
        role: 'end',
        label: processors.length ? 'End' : 'Discarded',
        detail: processors.length ? `end of "${name}"` : `"${name}" has no steps: its records are dropped`,
        marks: [],
        path: `routers[${index}].branches[${b}]`,
      });
      for (const tail of tails) this.edge(tail, end, processors.length ? undefined : label);
    });
  }

  private add(node: GraphNode): string {
    this.graph.nodes.push(node);
    return node.id;
  }

  private edge(from: string, to: string, label?: string, loop?: boolean): void {
    this.graph.edges.push({ from, to, ...(label ? { label } : {}), ...(loop ? { loop: true } : {}) });
  }
}

/** "lookup · NetSuite · NetSuite Production" */
function detailOf(role: NodeRole, facts: StepFacts | undefined): string {
  const application = facts?.adaptorType?.replace(/(Export|Import)$/, '').replace(/(.)Distributed$/, '$1');
  return [role, application, facts?.connectionName].filter(Boolean).join(' · ');
}

/** What a step holds, from its resource and its place in the flow. */
function marksOf(facts: StepFacts | undefined, step: Json): string[] {
  const marks: string[] = [];
  if (facts?.review) marks.push(facts.review);
  if (facts?.hooks?.length) marks.push(`hooks: ${facts.hooks.join(', ')}`);
  if (facts?.hasFilter) marks.push('filter');
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

/** `['equals', ['string', ['extract', 'priority']], 'urgent']` → `priority equals urgent`. */
function summarise(rule: unknown): string {
  if (!Array.isArray(rule)) return typeof rule === 'string' || typeof rule === 'number' || typeof rule === 'boolean' ? String(rule) : '';
  const [op, ...args] = rule as unknown[];
  if (op === 'extract') return typeof args[0] === 'string' ? args[0] : '';
  if (op === 'string' || op === 'number' || op === 'boolean' || op === 'lowercase' || op === 'uppercase') return summarise(args[0]);
  if (op === 'and' || op === 'or') return args.map(summarise).join(` ${String(op)} `);
  if (op === 'not') return `not ${summarise(args[0])}`;
  return `${summarise(args[0])} ${String(op)} ${args.slice(1).map(summarise).join(', ')}`.trim();
}
