// The flow diagram: the laid-out flow as SVG built with DOM calls (names are text nodes, never
// markup). Each step with a document is a button: Tab reaches it, Enter or a click opens it.
import type { DiagramNode, FlowDiagramAction, FlowDiagramState } from '../protocol/flowDiagram';
import { connect, el, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function cut(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function nodeOf(n: DiagramNode, host: Host<FlowDiagramAction>): SVGGElement {
  const left = n.x - n.width / 2;
  const top = n.y - n.height / 2;
  const group = svg('g', { class: `node ${n.role}`, 'data-node-id': n.id });
  const counts = [n.counts ? `last run ${n.counts}` : '', n.openErrors ? `${n.openErrors} open errors` : ''].filter(Boolean);
  const name = [n.label, n.detail, ...n.marks, ...counts].join(', ');
  group.append(svg('title', {}, name));
  if (n.role === 'end') {
    group.append(
      svg('circle', { cx: n.x, cy: n.y, r: n.height / 2 }),
      svg('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle' }, n.label),
    );
  } else if (n.role === 'router') {
    const points = `${n.x},${top} ${left + n.width},${n.y} ${n.x},${top + n.height} ${left},${n.y}`;
    group.append(svg('polygon', { points }), svg('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle' }, cut(n.label, 20)));
  } else {
    group.append(
      svg('rect', { x: left, y: top, width: n.width, height: n.height, rx: 6 }),
      svg('text', { x: left + 10, y: top + 20, class: 'label' }, cut(n.label, 30)),
      svg('text', { x: left + 10, y: top + 38, class: 'detail' }, cut(n.detail, 34)),
    );
    if (n.marks.length) group.append(svg('text', { x: left + 10, y: top + 56, class: 'marks' }, cut(n.marks.join(' · '), 34)));
    if (n.counts) group.append(svg('text', { x: left + 10, y: top + 76, class: 'counts' }, cut(n.counts, 28)));
    if (n.openErrors)
      group.append(
        svg('text', { x: left + n.width - 10, y: top + 76, 'text-anchor': 'end', class: 'counts open-errors' }, `${n.openErrors} open`),
      );
  }
  if (n.opens) {
    group.setAttribute('tabindex', '0');
    group.setAttribute('role', 'button');
    group.setAttribute('aria-label', `Open ${name}`);
    const open = () => host.send({ type: 'open', nodeId: n.id });
    group.addEventListener('click', open);
    group.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    });
  }
  return group;
}

function render(s: FlowDiagramState, host: Host<FlowDiagramAction>): void {
  const picture = svg('svg', {
    width: s.width,
    height: s.height,
    viewBox: `0 0 ${s.width} ${s.height}`,
    role: 'group',
    'aria-label': s.title,
  });
  const defs = svg('defs', {});
  const marker = svg('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }));
  defs.append(marker);
  picture.append(defs);
  for (const e of s.edges) {
    if (e.points.length < 2) continue;
    const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
    picture.append(svg('path', { d, class: `edge${e.loop ? ' loop' : ''}`, 'marker-end': 'url(#arrow)' }));
    if (e.label) {
      const at = e.points[Math.floor(e.points.length / 2)]!;
      picture.append(svg('text', { x: at.x, y: at.y - 6, 'text-anchor': 'middle', class: 'edge-label' }, cut(e.label, 40)));
    }
  }
  for (const n of s.nodes) picture.append(nodeOf(n, host));
  app.replaceChildren(
    el('h1', {}, s.title),
    el('div', { className: 'subtitle' }, s.subtitle),
    el('div', { className: 'toolbar' }, [
      el('button', { className: 'secondary', onclick: () => host.send({ type: 'copyMermaid' }) }, [icon('copy'), 'Copy as Mermaid']),
      el('button', { className: 'secondary', onclick: () => host.send({ type: 'saveSvg' }) }, [icon('save'), 'Save as SVG…']),
    ]),
    s.error ? el('p', { className: 'error-text' }, s.error) : '',
    s.problems.length
      ? el(
          'ul',
          { className: 'problems' },
          s.problems.map((p) => el('li', {}, p)),
        )
      : '',
    el('div', { className: 'picture' }, [picture]),
  );
}

connect<FlowDiagramState, FlowDiagramAction>(render);
