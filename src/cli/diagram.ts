/**
 * `integrator-io diagram`: a pulled folder's flow as a Mermaid `flowchart LR`, printed or written to
 * a file, so a repository can keep its flow diagrams current in CI. Reads only the folder (no
 * token, no account): the folder's files, through the same confined reads as plan and apply.
 *
 *   integrator-io diagram --dir <pulled folder> --flow <key or exact name> [--format mermaid|svg] [--out <file>]
 */
import * as fs from 'fs';
import * as path from 'path';
import { errorMessage } from '../api/errors';
import { buildFlowGraph, flowFactsText } from '../diagram/flowGraph';
import { layoutFlow } from '../diagram/layout';
import { toMermaid } from '../diagram/mermaid';
import { folderDiagramSource } from '../diagram/stepFacts';
import { toSvg } from '../diagram/svg';
import { UnsafeFolderError, writeIfChangedConfined } from '../iac/confinedFs';
import { printable } from '../iac/printable';
import { commandLine, UsageError } from './args';
import { CliIo } from './io';

export const DIAGRAM_USAGE = `  integrator-io diagram --dir <pulled folder> --flow <flows/<slug> or exact name> [--format mermaid|svg] [--out <file>]
      prints the flow as a Mermaid flowchart or an SVG picture (or writes it to --out); reads only the folder, no token needed`;

export const DIAGRAM_LINE = commandLine({
  usage: `Usage:\n${DIAGRAM_USAGE}`,
  options: { dir: { type: 'string' }, flow: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  check({ values }) {
    if (!values.dir || !values.flow) throw new UsageError('--dir and --flow are required.');
    return { ...values, dir: values.dir, flow: values.flow };
  },
});

export async function diagramCommand(values: ReturnType<typeof DIAGRAM_LINE.check>, io: CliIo): Promise<number> {
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
      // Names from the folder, one line each: a newline in one must not forge a line of output.
      const known = flows.map((f) => `${f.key} ("${printable(typeof f.doc.name === 'string' ? f.doc.name : '')}")`).join(', ') || 'none';
      io.err(
        matches.length === 0
          ? `No flow of the folder has the key or exact name "${printable(wanted)}". Its flows: ${known}.`
          : `${matches.length} flows are named "${printable(wanted)}": name one by key (${matches.map((f) => f.key).join(', ')}).`,
      );
      return 1;
    }
    const graph = buildFlowGraph(matches[0]!.doc, lookup);
    const chart = format === 'svg' ? toSvg(layoutFlow(graph), graph.name, flowFactsText(graph)) : toMermaid(graph);
    for (const problem of graph.problems) io.err(`problem: ${printable(problem)}`);
    if (values.out) {
      writeOut(values.out, chart);
      io.out(`Wrote ${values.out}: ${graph.nodes.length} steps and ends, ${graph.edges.length} hand-overs.`);
    } else {
      io.out(chart.trimEnd());
    }
    return 0;
  } catch (err) {
    io.err(err instanceof UnsafeFolderError ? `Not written: ${err.message}` : `Error: ${errorMessage(err)}`);
    return 1;
  }
}

/**
 * Writes the picture where --out says. In CI that is a file of the checked-out repository, which
 * a pull request writes too: a link planted there (or on the way) would have the chart written
 * over a file elsewhere (a shell profile, say). Inside the working folder the file and the folders
 * on the way are made and written without following a link; elsewhere the user named the place,
 * and only a link at the file itself is refused.
 */
function writeOut(out: string, chart: string): void {
  const full = path.resolve(out);
  const inside = path.relative(process.cwd(), full);
  if (inside && !inside.startsWith('..') && !path.isAbsolute(inside)) {
    writeIfChangedConfined(process.cwd(), inside.split(path.sep).join('/'), chart);
    return;
  }
  let isLink = false;
  try {
    isLink = fs.lstatSync(full).isSymbolicLink();
  } catch {
    // Not there yet: written new below, and `wx` fails on a link made in between.
  }
  if (isLink) throw new UnsafeFolderError([`${out} is a symbolic link: it is not written through`]);
  const temporary = `${full}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, chart, { flag: 'wx' });
  fs.renameSync(temporary, full);
}
