/**
 * A flow document → the graph the diagram draws: generators, processors in order, routers and
 * their branches, branches meeting again, nested routers, legacy flows, a nextRouterId that points
 * nowhere or loops (a marked problem, never an endless walk), 200 steps; and its Mermaid text.
 */
import * as assert from 'assert';
import { buildFlowGraph, FlowGraph, StepLookup } from '../../src/diagram/flowGraph';
import { label, toMermaid } from '../../src/diagram/mermaid';

const lookup: StepLookup = (kind, id) => ({ name: `${kind === 'exports' ? 'E' : 'I'}:${id}`, adaptorType: 'HTTPExport' });
const exp = (id: string) => ({ type: 'export', _exportId: id });
const imp = (id: string) => ({ type: 'import', _importId: id });
/** Edges as "from→to", labels in brackets. */
const edges = (g: FlowGraph) => g.edges.map((e) => `${e.from}→${e.to}${e.label ? `[${e.label}]` : ''}${e.loop ? '(loop)' : ''}`);

describe('flow graph', () => {
  it('a linear flow: the source, then each processor in order, a lookup told from an import', () => {
    const g = buildFlowGraph({ name: 'Orders', pageGenerators: [{ _exportId: 'e1' }], pageProcessors: [exp('e2'), imp('i1')] }, lookup);
    assert.deepStrictEqual(
      g.nodes.map((n) => [n.id, n.role, n.label]),
      [
        ['pg0', 'source', 'E:e1'],
        ['pp0', 'lookup', 'E:e2'],
        ['pp1', 'import', 'I:i1'],
      ],
    );
    assert.deepStrictEqual(edges(g), ['pg0→pp0', 'pp0→pp1']);
    assert.deepStrictEqual(g.problems, []);
  });

  it('several page generators all hand over to the first processor', () => {
    const g = buildFlowGraph(
      { pageGenerators: [{ _exportId: 'a' }, { _exportId: 'b' }, { _exportId: 'c' }], pageProcessors: [imp('i')] },
      lookup,
    );
    assert.deepStrictEqual(edges(g), ['pg0→pp0', 'pg1→pp0', 'pg2→pp0']);
  });

  it('a router with three branches: each branch named, with its condition, and its own end', () => {
    const g = buildFlowGraph(
      {
        pageGenerators: [{ _exportId: 'src' }],
        routers: [
          {
            id: 'r1',
            name: 'By priority',
            branches: [
              {
                name: 'Urgent',
                inputFilter: { type: 'expression', expression: { rules: ['equals', ['string', ['extract', 'priority']], 'urgent'] } },
                pageProcessors: [imp('slack')],
              },
              { name: 'Normal', pageProcessors: [exp('look'), imp('s3')] },
              { name: 'Spam', pageProcessors: [] },
            ],
          },
        ],
      },
      lookup,
    );
    assert.deepStrictEqual(edges(g), [
      'pg0→r0',
      'r0→r0b0p0[Urgent: priority equals urgent]',
      'r0b0p0→r0b0end',
      'r0→r0b1p0[Normal]',
      'r0b1p0→r0b1p1',
      'r0b1p1→r0b1end',
      'r0→r0b2end[Spam]',
    ]);
    assert.strictEqual(g.nodes.find((n) => n.id === 'r0b2end')?.label, 'Discarded');
    assert.strictEqual(g.nodes.find((n) => n.id === 'r0b1p0')?.path, 'routers[0].branches[1].pageProcessors[0]');
  });

  it('branches that meet again go on once, with an edge from each; a router of one plain branch is a hand-over', () => {
    const g = buildFlowGraph(
      {
        pageGenerators: [{ _exportId: 'src' }],
        routers: [
          {
            id: 'split',
            branches: [
              { name: 'A', pageProcessors: [imp('a')], nextRouterId: 'join' },
              { name: 'B', pageProcessors: [imp('b')], nextRouterId: 'join' },
            ],
          },
          { id: 'join', branches: [{ name: 'All', pageProcessors: [imp('after')] }] },
          { id: 'join2', branches: [{ name: 'Checked', inputFilter: { type: 'script' }, pageProcessors: [imp('late')] }] },
        ],
      },
      lookup,
    );
    // How integrator.io keeps the steps after branches meet: a router of one branch with no
    // condition, which the flow builder draws as the steps themselves.
    assert.strictEqual(g.nodes.filter((n) => n.role === 'router').length, 1, 'no diamond for the plain one-branch router');
    assert.deepStrictEqual(
      edges(g).filter((e) => e.endsWith('→r1b0p0')),
      ['r0b0p0→r1b0p0', 'r0b1p0→r1b0p0'],
    );
    assert.strictEqual(g.nodes.filter((n) => n.ref?.id === 'after').length, 1, 'the step after the join once');
    assert.deepStrictEqual(g.problems, ['Router "join2" is not reached from the first router.']);
  });

  it('nested routers, in both router forms (_id/_nextRouterId and id/nextRouterId)', () => {
    const g = buildFlowGraph(
      {
        pageGenerators: [{ _exportId: 'src' }],
        routers: [
          {
            _id: 'outer',
            branches: [
              { name: 'Go', pageProcessors: [imp('x')], _nextRouterId: 'inner' },
              { name: 'Stop', pageProcessors: [imp('y')] },
            ],
          },
          {
            id: 'inner',
            branches: [
              { name: 'Left', pageProcessors: [imp('l')] },
              { name: 'Right', pageProcessors: [imp('r')] },
            ],
          },
        ],
      },
      lookup,
    );
    assert.deepStrictEqual(
      g.nodes.filter((n) => n.role === 'router').map((n) => n.id),
      ['r0', 'r1'],
    );
    assert.ok(edges(g).includes('r0b0p0→r1'));
    assert.strictEqual(g.nodes.filter((n) => n.role === 'end').length, 3);
  });

  it('a legacy flow (_exportId/_importId) is a source and an import', () => {
    const g = buildFlowGraph({ name: 'Legacy', _exportId: 'old-e', _importId: 'old-i' }, lookup);
    assert.deepStrictEqual(
      g.nodes.map((n) => [n.role, n.ref]),
      [
        ['source', { kind: 'exports', id: 'old-e' }],
        ['import', { kind: 'imports', id: 'old-i' }],
      ],
    );
    assert.deepStrictEqual(edges(g), ['pg0→pp0']);
    // Its steps sit at the top level, where a reader of the document finds them.
    assert.deepStrictEqual([g.legacy, g.nodes.map((n) => n.path)], [true, ['_exportId', '_importId']]);
  });

  it('a nextRouterId that names no router, or loops back, is a problem: drawn, marked, and the walk ends', () => {
    const nowhere = buildFlowGraph(
      { routers: [{ id: 'r', name: 'R', branches: [{ name: 'B', pageProcessors: [imp('i')], nextRouterId: 'ghost' }] }] },
      lookup,
    );
    assert.deepStrictEqual(nowhere.problems, ['Branch "B" of router "R" goes on to router "ghost", which the flow does not have.']);
    assert.ok(
      nowhere.nodes.some((n) => n.role === 'end'),
      'the branch still ends on the picture',
    );

    const loop = buildFlowGraph(
      {
        routers: [
          { id: 'a', name: 'A', branches: [{ name: 'to b', pageProcessors: [imp('x')], nextRouterId: 'b' }] },
          {
            id: 'b',
            name: 'B',
            branches: [
              { name: 'back to a', pageProcessors: [imp('y')], nextRouterId: 'a' },
              { name: 'self', nextRouterId: 'b' },
            ],
          },
        ],
      },
      lookup,
    );
    assert.deepStrictEqual(loop.problems, [
      'Router "A" is reached again from its own branches: a loop.',
      'Router "B" is reached again from its own branches: a loop.',
    ]);
    // A has one plain branch: it is its step, which the loop leads back to.
    assert.ok(edges(loop).includes('r1b0p0→r0b0p0(loop)'), edges(loop).join(' '));
    assert.ok(edges(loop).includes('r1→r1(loop)'));
  });

  it('a flow with 200 steps and 10 routers is built whole, each step once', () => {
    const routers = Array.from({ length: 10 }, (_, r) => ({
      id: `r${r}`,
      branches: [
        {
          name: 'main',
          pageProcessors: Array.from({ length: 10 }, (_, i) => imp(`r${r}-m${i}`)),
          ...(r < 9 ? { nextRouterId: `r${r + 1}` } : {}),
        },
        {
          name: 'side',
          pageProcessors: Array.from({ length: 10 }, (_, i) => imp(`r${r}-s${i}`)),
          ...(r < 9 ? { nextRouterId: `r${r + 1}` } : {}),
        },
      ],
    }));
    const g = buildFlowGraph({ pageGenerators: [{ _exportId: 'src' }], routers }, lookup);
    assert.strictEqual(g.nodes.filter((n) => n.role === 'import').length, 200);
    assert.strictEqual(new Set(g.nodes.map((n) => n.id)).size, g.nodes.length, 'every node id is unique');
    assert.deepStrictEqual(g.problems, []);
  });

  it('marks what a step holds: hooks, filter, mapping, response mapping, proceed on failure', () => {
    const rich: StepLookup = () => ({ name: 'Step', hooks: ['preMap', 'postSubmit'], hasFilter: true, hasMapping: true });
    const g = buildFlowGraph(
      { pageProcessors: [{ ...imp('i'), proceedOnFailure: true, responseMapping: { fields: [{ extract: 'id', generate: 'x' }] } }] },
      rich,
    );
    assert.deepStrictEqual(g.nodes[0]!.marks, ['hooks: preMap, postSubmit', 'filter', 'mapping', 'response mapping', 'proceed on failure']);
  });

  it('Mermaid: every step once, in flow order, an edge per hand-over and per branch; hostile names stay text', () => {
    const hostile: StepLookup = (_k, id) => ({ name: id === 'e1' ? 'A"] --> X[<img src=x onerror=alert(1)>' : `step ${id}` });
    const g = buildFlowGraph(
      {
        name: 'Mermaid',
        pageGenerators: [{ _exportId: 'e1' }],
        routers: [
          {
            id: 'r',
            name: 'Route',
            branches: [
              { name: 'x|y', pageProcessors: [imp('i1')] },
              { name: 'z', pageProcessors: [imp('i2')] },
            ],
          },
        ],
      },
      hostile,
    );
    const chart = toMermaid(g);
    assert.match(chart, /^flowchart LR\n/);
    assert.ok(!chart.includes('<img'), chart);
    assert.ok(chart.includes(label('A"] --> X[<img src=x onerror=alert(1)>')));
    assert.strictEqual(chart.split('\n').filter((l) => / -->/.test(l)).length, g.edges.length);
    assert.match(chart, /n1 -->\|"x#124;y"\| n2/);
  });
});
