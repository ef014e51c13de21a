/**
 * The flow diagram's layout: a generated flow of 200 steps and 10 routers, built and laid out
 * (src/diagram), median of 20 runs after a warm-up. The budget is a 50 ms median. And
 * the worst a hostile flow can cost a redraw: shapes far past MAX_NODES, cut there and laid out.
 *
 *   npm run build && npm run compile-tests && node out/test/bench/diagram.bench.js
 */
import { buildFlowGraph, MAX_NODES } from '../../src/diagram/flowGraph';
import { layoutFlow } from '../../src/diagram/layout';
import { toSvg } from '../../src/diagram/svg';
import { bigFlow } from '../support/bigFlow';
import { BenchResults, median } from './benchSupport';

const RUNS = 20;

function main(): void {
  const flow = bigFlow(200, 10);
  const lookup = (_kind: 'exports' | 'imports', id: string) => ({ name: `Step ${id}`, adaptorType: 'HTTPImport' });
  const build: number[] = [];
  const layout: number[] = [];
  const svg: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    const t0 = performance.now();
    const graph = buildFlowGraph(flow, lookup);
    const t1 = performance.now();
    const placed = layoutFlow(graph);
    const t2 = performance.now();
    toSvg(placed, graph.name);
    const t3 = performance.now();
    if (run < 2) continue; // warm-up
    build.push(t1 - t0);
    layout.push(t2 - t1);
    svg.push(t3 - t2);
  }
  const results = new BenchResults('diagram');
  results.record(`flow diagram, a generated flow of 200 steps and 10 routers, median of ${RUNS}`, {
    'graph from the flow document (ms)': median(build),
    'layout with dagre (ms)': median(layout),
    'SVG text (ms)': median(svg),
    'graph and layout (ms, budget 50)': median(build) + median(layout),
  });
  results.record(`flow diagram, hostile shapes cut at ${MAX_NODES} nodes: graph and layout, median of 5 (ms)`, hostileShapes());
  results.save();
}

function hostileShapes(): Record<string, number> {
  const imp = (id: string) => ({ type: 'import', _importId: id });
  const shapes: Record<string, unknown> = {
    '10,000 page generators': { pageGenerators: Array.from({ length: 10_000 }, (_, i) => ({ _exportId: `e${i}` })) },
    'a router of 5,000 branches': {
      routers: [{ id: 'r', branches: Array.from({ length: 5_000 }, (_, b) => ({ name: `b${b}`, pageProcessors: [imp(`i${b}`)] })) }],
    },
    'a chain of 2,000 steps': {
      pageGenerators: [{ _exportId: 'e' }],
      pageProcessors: Array.from({ length: 2_000 }, (_, i) => imp(`i${i}`)),
    },
    'a chain of 2,000 routers': {
      routers: Array.from({ length: 2_000 }, (_, r) => ({
        id: `r${r}`,
        branches: [{ name: 'on', pageProcessors: [imp(`a${r}`)], nextRouterId: `r${r + 1}` }, { name: 'off' }],
      })),
    },
  };
  const named = (_kind: 'exports' | 'imports', id: string) => ({ name: `Step ${id}` });
  return Object.fromEntries(
    Object.entries(shapes).map(([name, flow]) => {
      const times = Array.from({ length: 6 }, () => {
        const t0 = performance.now();
        layoutFlow(buildFlowGraph(flow, named));
        return performance.now() - t0;
      }).slice(1);
      return [name, median(times)];
    }),
  );
}

main();
