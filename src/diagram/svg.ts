/**
 * A laid-out flow as SVG text: boxes for steps, diamonds for routers, circles for ends, arrows for
 * hand-overs with each branch's name. Names come from an account or a folder, so every text is
 * XML-escaped into a text node (never markup, never an attribute it could leave). Colours are the
 * editor theme's where the picture is shown in VS Code, with plain fallbacks in a saved file.
 */
import { drawable } from './drawableText';
import { FlowLayout, PlacedNode } from './layout';

const STYLE = `
  .step rect, .router polygon, .end circle { fill: var(--vscode-editor-background, #ffffff); stroke: var(--vscode-foreground, #444444); stroke-width: 1.2; }
  .step.import rect { stroke: var(--vscode-charts-blue, #1a73e8); }
  .step.lookup rect { stroke: var(--vscode-charts-purple, #7b3fbf); }
  .step.source rect, .step.listener rect { stroke: var(--vscode-charts-green, #388a34); }
  text { fill: var(--vscode-foreground, #222222); font-family: var(--vscode-font-family, sans-serif); font-size: 12px; }
  .title { font-size: 15px; font-weight: 600; }
  .detail, .marks, .edge-label { fill: var(--vscode-descriptionForeground, #666666); font-size: 11px; }
  .edge { fill: none; stroke: var(--vscode-descriptionForeground, #888888); stroke-width: 1.2; }
  .edge.loop { stroke: var(--vscode-errorForeground, #c72e0f); stroke-dasharray: 4 3; }
`;

/** Room above the picture for the flow's name and facts, as the view's header says them. */
const HEADER = 48;

export function toSvg(layout: FlowLayout, title: string, facts = ''): string {
  const width = Math.max(layout.width, 320);
  const height = layout.height + HEADER;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${xml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke"/></marker></defs>',
    `<text class="title" x="20" y="24">${xml(title)}</text>`,
    facts ? `<text class="detail" x="20" y="40">${xml(facts)}</text>` : '',
    `<g transform="translate(0 ${HEADER})">`,
  ];
  for (const edge of layout.edges) {
    if (edge.points.length < 2) continue;
    const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${round(p.x)} ${round(p.y)}`).join(' ');
    parts.push(`<path class="edge${edge.loop ? ' loop' : ''}" d="${d}" marker-end="url(#arrow)"/>`);
    if (edge.label) {
      const at = edge.points[Math.floor(edge.points.length / 2)]!;
      parts.push(
        `<text class="edge-label" x="${round(at.x)}" y="${round(at.y - 6)}" text-anchor="middle">${xml(cut(edge.label, 40))}</text>`,
      );
    }
  }
  for (const node of layout.nodes) parts.push(nodeSvg(node));
  parts.push('</g>', '</svg>');
  return `${parts.join('\n')}\n`;
}

function nodeSvg(node: PlacedNode): string {
  const left = round(node.x - node.width / 2);
  const top = round(node.y - node.height / 2);
  const name = `<title>${xml(`${node.label} (${node.detail})`)}</title>`;
  if (node.role === 'end') {
    return `<g class="end">${name}<circle cx="${round(node.x)}" cy="${round(node.y)}" r="${round(node.height / 2)}"/><text x="${round(node.x)}" y="${round(node.y + 4)}" text-anchor="middle">${xml(node.label)}</text></g>`;
  }
  if (node.role === 'router') {
    const points = [
      [node.x, top],
      [left + node.width, node.y],
      [node.x, top + node.height],
      [left, node.y],
    ]
      .map(([x, y]) => `${round(x!)},${round(y!)}`)
      .join(' ');
    return `<g class="router">${name}<polygon points="${points}"/><text x="${round(node.x)}" y="${round(node.y + 4)}" text-anchor="middle">${xml(cut(node.label, 20))}</text></g>`;
  }
  const lines = [
    `<text x="${left + 10}" y="${top + 20}">${xml(cut(node.label, 30))}</text>`,
    `<text class="detail" x="${left + 10}" y="${top + 38}">${xml(cut(node.detail, 34))}</text>`,
    node.marks.length ? `<text class="marks" x="${left + 10}" y="${top + 56}">${xml(cut(node.marks.join(' · '), 34))}</text>` : '',
  ];
  return `<g class="step ${node.role}">${name}<rect x="${left}" y="${top}" width="${node.width}" height="${node.height}" rx="6"/>${lines.join('')}</g>`;
}

/**
 * Text for an SVG text node or attribute: drawable text (drawableText.ts) with the five XML
 * specials escaped.
 */
export function xml(value: string): string {
  return drawable(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
