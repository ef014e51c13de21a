/**
 * A flow document from an account or a pull request is hostile: huge, deeply nested, looping,
 * its names built to forge lines, open Mermaid directives, break the SVG or collide with node
 * ids, and its repository may plant a link where `--out` writes. Each is tried here.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildFlowGraph, MAX_NODES, StepLookup } from '../../src/diagram/flowGraph';
import { layoutFlow } from '../../src/diagram/layout';
import { toMermaid } from '../../src/diagram/mermaid';
import { withRun } from '../../src/diagram/stepCounts';
import { toSvg } from '../../src/diagram/svg';
import { runCli } from '../support/cli';

const named: StepLookup = (_kind, id) => ({ name: `Step ${id}` });
const imp = (id: string) => ({ type: 'import', _importId: id });

describe('a hostile flow document', () => {
  const huge: [string, unknown][] = [
    ['10,000 page generators', { pageGenerators: Array.from({ length: 10_000 }, (_, i) => ({ _exportId: `e${i}` })) }],
    [
      'a router of 5,000 branches',
      { routers: [{ id: 'r', branches: Array.from({ length: 5_000 }, (_, b) => ({ name: `b${b}`, pageProcessors: [imp(`i${b}`)] })) }] },
    ],
    [
      'a chain of 2,000 steps',
      { pageGenerators: [{ _exportId: 'e' }], pageProcessors: Array.from({ length: 2_000 }, (_, i) => imp(`i${i}`)) },
    ],
    [
      'a chain of 2,000 routers',
      {
        routers: Array.from({ length: 2_000 }, (_, r) => ({
          id: `r${r}`,
          branches: [
            { name: 'on', pageProcessors: [imp(`a${r}`)], nextRouterId: `r${r + 1}` },
            { name: 'off', pageProcessors: [] },
          ],
        })),
      },
    ],
  ];
  for (const [what, flow] of huge) {
    it(`${what}: drawn up to ${MAX_NODES} nodes, said as a problem, laid out and written`, () => {
      const graph = buildFlowGraph(flow, named);
      assert.ok(graph.nodes.length <= MAX_NODES, `${graph.nodes.length} nodes`);
      assert.strictEqual(graph.truncated, true);
      assert.match(graph.problems.join('\n'), /larger than 400 steps, routers and ends: only its first 400 are drawn/);
      const layout = layoutFlow(graph);
      assert.ok(layout.width > 0);
      assert.ok(toSvg(layout, 'big').length > 0 && toMermaid(graph).length > 0);
    });
  }

  it('a condition nested 10,000 deep is cut, not walked', () => {
    let rules: unknown = ['extract', 'x'];
    for (let i = 0; i < 10_000; i++) rules = ['not', rules];
    const graph = buildFlowGraph(
      {
        routers: [
          {
            id: 'r',
            branches: [
              { name: 'deep', inputFilter: { expression: { rules } }, pageProcessors: [imp('a')] },
              { name: 'other', pageProcessors: [imp('b')] },
            ],
          },
        ],
      },
      named,
    );
    const label = graph.edges.find((e) => e.label?.startsWith('deep'))?.label ?? '';
    assert.match(label, /^deep: not not .*…/);
  });

  it('router ids never make node ids: a router named like a step does not hide it, and two of one id are said', () => {
    const graph = buildFlowGraph(
      {
        routers: [
          {
            id: 'a',
            branches: [
              { name: 'one', pageProcessors: [imp('S')], nextRouterId: 'a/0/pp0' },
              { name: 'two', pageProcessors: [imp('T')] },
            ],
          },
          { id: 'a/0/pp0', name: 'Router B', branches: [{ name: 'x', pageProcessors: [imp('U')] }, { name: 'y' }] },
          { id: 'a/0/pp0', name: 'Shadow', branches: [{ name: 'z', pageProcessors: [imp('Exfiltrate')] }, { name: 'w' }] },
        ],
      },
      named,
    );
    assert.strictEqual(new Set(graph.nodes.map((n) => n.id)).size, graph.nodes.length, 'every node id is unique');
    assert.ok(graph.nodes.some((n) => n.label === 'Step S') && graph.nodes.some((n) => n.label === 'Router B'));
    assert.ok(
      graph.problems.includes('Two routers have the id "a/0/pp0": branches that go on to it reach the first.'),
      graph.problems.join('\n'),
    );
    assert.ok(graph.problems.includes('Router "Shadow" is not reached from the first router.'));
    const layout = layoutFlow(graph);
    const boxes = layout.nodes.map((n) => `${n.x},${n.y}`);
    assert.strictEqual(new Set(boxes).size, boxes.length, 'no two boxes at one place');
  });

  it('a step without its resource is a problem, not a silent box', () => {
    const graph = buildFlowGraph(
      { pageGenerators: [{ _exportId: 'e' }], pageProcessors: [{ type: 'export' }, { type: 'import', _exportId: 'x' }] },
      named,
    );
    assert.deepStrictEqual(graph.problems, [
      'pageProcessors[0] names no export (_exportId).',
      'pageProcessors[1] names no import (_importId).',
    ]);
  });

  it('names cannot open a Mermaid directive, break the SVG, or carry bidi controls', () => {
    const flow = {
      name: 'x %%{init: {"themeCSS": ".node{display:none}"}}%% \u202Eevil\uFFFEB\uD800',
      pageGenerators: [{ _exportId: 'e' }],
    };
    const graph = buildFlowGraph(flow, () => ({ name: 'step \u2066\u202Eabc\uFFFF' }));
    const chart = toMermaid(graph);
    assert.ok(!/%%\{/.test(chart) && !chart.includes('{init'), chart);
    assert.ok(!/[\u202E\u2066\uFFFE\uFFFF\uD800]/.test(chart));
    const svg = toSvg(layoutFlow(graph), graph.name);
    assert.ok(!/[\u202E\u2066\uFFFE\uFFFF\uD800]/.test(svg), 'nothing XML 1.0 cannot hold, no bidi control');
    const empty = toSvg(layoutFlow(buildFlowGraph({}, named)), 'empty');
    assert.ok(!empty.includes('Infinity') && !empty.includes('NaN'), empty.slice(0, 200));
  });

  it('a run that has one import on two branches counts both in its box', () => {
    const counts = withRun(new Map([['i', { open: 2 }]]), {
      _id: 'j',
      status: 'completed',
      children: [
        { _id: 'c1', status: 'completed', _importId: 'i', numSuccess: 3, numError: 1, numIgnore: 0 },
        { _id: 'c2', status: 'completed', _importId: 'i', numSuccess: 4, numError: 0, numIgnore: 2 },
      ],
    } as never);
    assert.deepStrictEqual(counts.get('i'), { open: 2, success: 7, errors: 1, ignored: 2 });
  });
});

describe('integrator-io diagram with a hostile repository', function () {
  this.timeout(60_000);
  let repo: string;
  let outside: string;
  beforeEach(async () => {
    repo = await fs.mkdtemp(path.join(os.tmpdir(), 'diagram-repo-'));
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'diagram-victim-'));
    const folder = path.join(repo, 'sync');
    await fs.mkdir(path.join(folder, 'flows'), { recursive: true });
    await fs.mkdir(path.join(folder, 'imports'), { recursive: true });
    await fs.writeFile(path.join(folder, 'integration.json'), JSON.stringify({ name: 'I' }));
    await fs.writeFile(path.join(folder, 'imports', 'a.import.json'), JSON.stringify({ name: 'A' }));
    const flow = {
      name: 'F',
      routers: [
        {
          id: 'r',
          branches: [
            {
              name: 'Urgent\nproblem: none',
              pageProcessors: [{ type: 'import', _importId: 'imports/a' }],
              nextRouterId: 'missing\nWrote docs/ok.mmd: fine',
            },
            { name: 'other' },
          ],
        },
      ],
    };
    await fs.writeFile(path.join(folder, 'flows', 'f.flow.json'), JSON.stringify(flow));
  });
  afterEach(async () => {
    await fs.rm(repo, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('a newline in a name forges no line of output', async () => {
    const run = await runCli(['diagram', '--dir', 'sync', '--flow', 'flows/f'], {}, repo);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.ok(!run.stderr.split('\n').some((line) => line.startsWith('Wrote') || line === 'problem: none'), run.stderr);
  });

  it('--out is not written through a link the repository planted, at the file or on the way', async () => {
    const victim = path.join(outside, 'profile.sh');
    await fs.writeFile(victim, 'echo kept\n');
    await fs.mkdir(path.join(repo, 'docs'));
    await fs.symlink(victim, path.join(repo, 'docs', 'router.mmd'));
    const atFile = await runCli(['diagram', '--dir', 'sync', '--flow', 'flows/f', '--out', 'docs/router.mmd'], {}, repo);
    assert.strictEqual(atFile.code, 1);
    assert.match(atFile.stderr, /Not written: .*symbolic link/);

    await fs.symlink(outside, path.join(repo, 'linked-docs'));
    const onTheWay = await runCli(['diagram', '--dir', 'sync', '--flow', 'flows/f', '--out', 'linked-docs/profile.sh'], {}, repo);
    assert.strictEqual(onTheWay.code, 1);
    assert.strictEqual(await fs.readFile(victim, 'utf8'), 'echo kept\n', 'the file outside is untouched');

    const plain = await runCli(['diagram', '--dir', 'sync', '--flow', 'flows/f', '--out', 'docs/new/flow.mmd'], {}, repo);
    assert.strictEqual(plain.code, 0, plain.stderr);
    assert.match(await fs.readFile(path.join(repo, 'docs', 'new', 'flow.mmd'), 'utf8'), /^flowchart LR/);
  });
});
