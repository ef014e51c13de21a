/**
 * A flow graph as a Mermaid `flowchart LR`, for a pull request or a README. Names come from an
 * account or a folder, so every label is written with Mermaid's entity codes for the characters
 * that could end a label or be read as markup (quotes, angle brackets, ampersands, backticks,
 * brackets, pipes, newlines): a name stays text wherever the chart is rendered.
 */
import { drawable } from './drawableText';
import { flowFactsText, FlowGraph, GraphNode } from './flowGraph';

/** Node shapes: sources as stadiums, lookups as subroutines, imports as boxes, routers as diamonds, ends as circles. */
const SHAPES: Record<GraphNode['role'], [string, string]> = {
  source: ['([', '])'],
  listener: ['([', '])'],
  lookup: ['[[', ']]'],
  import: ['[', ']'],
  router: ['{', '}'],
  end: ['((', '))'],
};

/** Line separators beyond the control characters `printable` removes: a label or a comment is one line of the chart. */
const LINE_BREAKING = /[\u2028\u2029]/g;

export function toMermaid(graph: FlowGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  const facts = flowFactsText(graph);
  lines.push(`  %% ${label(graph.name)}${facts ? ` · ${label(facts)}` : ''}`);
  for (const node of graph.nodes) {
    const [open, close] = SHAPES[node.role];
    const detail = [node.detail, node.marks.join(' · ')]
      .filter(Boolean)
      .map((line) => `<br/>${label(line)}`)
      .join('');
    lines.push(`  ${ids.get(node.id)!}${open}"${label(node.label)}${detail}"${close}`);
  }
  for (const edge of graph.edges) {
    const arrow = edge.loop ? '-.->' : '-->';
    const text = edge.label ? `|"${label(edge.label)}"|` : '';
    lines.push(`  ${ids.get(edge.from)!} ${arrow}${text} ${ids.get(edge.to)!}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Text inside a quoted Mermaid label or a `%%` comment: no control or bidi character, one line,
 * and entity codes for everything that could leave it, be markup, or open a directive (`%%{…}%%`
 * in a comment is Mermaid configuration, theme CSS included).
 */
export function label(value: string): string {
  return drawable(value)
    .replace(LINE_BREAKING, ' ')
    .replace(/[#"<>&`[\]{}|()%]/g, (c) => `#${c.charCodeAt(0)};`);
}
