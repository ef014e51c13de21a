/** The laid-out picture: every step placed left to right, SVG with names as escaped text, 200 steps laid out whole. */
import * as assert from 'assert';
import { buildFlowGraph, StepLookup } from '../../src/diagram/flowGraph';
import { layoutFlow } from '../../src/diagram/layout';
import { toSvg, xml } from '../../src/diagram/svg';
import { bigFlow } from '../support/bigFlow';

const named: StepLookup = (_kind, id) => ({ name: `Step ${id}` });

describe('flow picture', () => {
  it('places every step, left to right in flow order', () => {
    const graph = buildFlowGraph(
      {
        pageGenerators: [{ _exportId: 'a' }],
        pageProcessors: [
          { type: 'export', _exportId: 'b' },
          { type: 'import', _importId: 'c' },
        ],
      },
      named,
    );
    const layout = layoutFlow(graph);
    const x = layout.nodes.map((n) => n.x);
    assert.ok(x[0]! < x[1]! && x[1]! < x[2]!, `left to right: ${x.join(', ')}`);
    assert.ok(layout.width > 0 && layout.height > 0);
    assert.ok(
      layout.edges.every((e) => e.points.length >= 2),
      'each hand-over has a line',
    );
  });

  it('writes SVG whose names are text nodes, never markup', () => {
    const hostile: StepLookup = () => ({ name: '</text><script>alert(1)</script><text>' });
    const svg = toSvg(layoutFlow(buildFlowGraph({ name: 'Flow "x" <y>', pageGenerators: [{ _exportId: 'a' }] }, hostile)), 'Flow "x" <y>');
    assert.ok(!svg.includes('<script'), svg);
    assert.ok(svg.includes(xml('</text><script>alert(1)</script><text>').slice(0, 20)));
    assert.match(svg, /<title>Flow &quot;x&quot; &lt;y&gt;<\/title>/);
    assert.strictEqual(xml('a\u0000b\u001bc & d'), 'ab &amp; d', 'a terminal escape (ESC c) goes whole');
  });

  it('lays out a flow of 200 steps and 10 routers whole', () => {
    const graph = buildFlowGraph(bigFlow(200, 10), named);
    const layout = layoutFlow(graph);
    assert.strictEqual(layout.nodes.filter((n) => n.role === 'import').length, 200);
    assert.ok(layout.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)));
  });
});
