/**
 * The flow diagram's layout: a generated flow of 200 steps and 10 routers, built and laid out
 * (src/diagram), median of 20 runs after a warm-up. The budget is a 50 ms median.
 *
 *   npm run build && npm run compile-tests && node out/test/bench/diagram.bench.js
 */
import { buildFlowGraph } from '../../src/diagram/flowGraph';
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
  const results = new BenchResults();
  results.record(`flow diagram, a generated flow of 200 steps and 10 routers, median of ${RUNS}`, {
    'graph from the flow document (ms)': median(build),
    'layout with dagre (ms)': median(layout),
    'SVG text (ms)': median(svg),
    'graph and layout (ms, budget 50)': median(build) + median(layout),
  });
  results.save();
}

main();
