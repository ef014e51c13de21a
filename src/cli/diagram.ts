/**
 * `integrator-io diagram`: a pulled folder's flow as a Mermaid `flowchart LR`, printed or written to
 * a file, so a repository can keep its flow diagrams current in CI. Reads only the folder (no
 * token, no account): the folder's files, through the same confined reads as plan and apply.
 *
 *   integrator-io diagram --dir <pulled folder> --flow <key or exact name> [--format mermaid|svg] [--out <file>]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { buildFlowGraph } from '../diagram/flowGraph';
import { layoutFlow } from '../diagram/layout';
import { toMermaid } from '../diagram/mermaid';
import { folderDiagramSource } from '../diagram/stepFacts';
import { toSvg } from '../diagram/svg';
import { CliIo } from './io';

export const DIAGRAM_USAGE = `  integrator-io diagram --dir <pulled folder> --flow <flows/<slug> or exact name> [--format mermaid|svg] [--out <file>]
      prints the flow as a Mermaid flowchart or an SVG picture (or writes it to --out); reads only the folder, no token needed`;

export async function diagramCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values: { dir?: string; flow?: string; format?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { dir: { type: 'string' }, flow: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\nUsage:\n${DIAGRAM_USAGE}`);
    return 1;
  }
  if (!values.dir || !values.flow) {
    io.err(`--dir and --flow are required.\n\nUsage:\n${DIAGRAM_USAGE}`);
    return 1;
  }
  const format = values.format ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'svg') {
    io.err(`--format takes mermaid or svg, not "${format}".`);
    return 1;
  }
  try {
    const { flows, lookup } = await folderDiagramSource(path.resolve(values.dir));
    const wanted = values.flow;
    const matches = flows.filter((f) => f.key === wanted || f.doc.name === wanted);
    if (matches.length !== 1) {
      const known = flows.map((f) => `${f.key} ("${typeof f.doc.name === 'string' ? f.doc.name : ''}")`).join(', ') || 'none';
      io.err(
        matches.length === 0
          ? `No flow of the folder has the key or exact name "${wanted}". Its flows: ${known}.`
          : `${matches.length} flows are named "${wanted}": name one by key (${matches.map((f) => f.key).join(', ')}).`,
      );
      return 1;
    }
    const graph = buildFlowGraph(matches[0]!.doc, lookup);
    const chart = format === 'svg' ? toSvg(layoutFlow(graph), graph.name) : toMermaid(graph);
    for (const problem of graph.problems) io.err(`problem: ${problem}`);
    if (values.out) {
      fs.writeFileSync(values.out, chart);
      io.out(`Wrote ${values.out}: ${graph.nodes.length} steps and ends, ${graph.edges.length} hand-overs.`);
    } else {
      io.out(chart.trimEnd());
    }
    return 0;
  } catch (err) {
    io.err(`Error: ${(err as Error).message}`);
    return 1;
  }
}
