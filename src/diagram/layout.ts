/**
 * Where each step of a flow graph goes: laid out left to right with dagre, as integrator.io's
 * flow builder lays out its flows (rank separation 200, node separation 50). Pure data in and out,
 * so the webview, the CLI's SVG and the benchmark share it.
 */
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import type * as Dagre from '@dagrejs/dagre';
import { FlowGraph, GraphEdge, GraphNode } from './flowGraph';

let loaded: Pick<typeof Dagre, 'graphlib' | 'layout'> | undefined;

/**
 * dagre, required on the first layout: in the extension it is a bundle of its own (dist/dagre.js,
 * see esbuild.js), so the sessions that draw no diagram never load it.
 */
function dagre(): Pick<typeof Dagre, 'graphlib' | 'layout'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- required lazily on purpose (above)
  loaded ??= require('@dagrejs/dagre') as typeof Dagre;
  return loaded;
}

export interface PlacedNode extends GraphNode {
  /** Centre, as dagre gives it. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends GraphEdge {
  points: { x: number; y: number }[];
}

export interface FlowLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Box sizes by role: steps hold a name, a detail line and marks; routers and ends are smaller. */
const SIZES: Record<GraphNode['role'], { width: number; height: number }> = {
  source: { width: 220, height: 88 },
  listener: { width: 220, height: 88 },
  lookup: { width: 220, height: 88 },
  import: { width: 220, height: 88 },
  router: { width: 160, height: 72 },
  end: { width: 40, height: 40 },
};

const MARGIN = 20;

export function layoutFlow(graph: FlowGraph): FlowLayout {
  const g = new (dagre().graphlib.Graph)<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ranksep: 200, nodesep: 50, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { ...SIZES[node.role] });
  graph.edges.forEach((edge, i) => g.setEdge(edge.from, edge.to, {}, `e${i}`));
  dagre().layout(g);
  // layout() gives every node its centre (x, y) and every edge its points.
  const nodes = graph.nodes.map((node) => {
    const placed = g.node(node.id);
    return { ...node, x: placed.x ?? 0, y: placed.y ?? 0, width: placed.width, height: placed.height };
  });
  const edges = graph.edges.map((edge, i) => {
    const placed: EdgeLabel | undefined = g.edge(edge.from, edge.to, `e${i}`);
    return { ...edge, points: (placed?.points ?? []).map((p) => ({ x: p.x, y: p.y })) };
  });
  const size = g.graph();
  // An empty graph has no size (dagre says -Infinity): an empty picture, never an invalid one.
  const measured = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? Math.max(0, Math.ceil(value)) : 0);
  return { width: measured(size.width), height: measured(size.height), nodes, edges };
}
