// The flow diagram: the laid-out flow as SVG built with DOM calls (names are text nodes, never
// markup). Each step with a document is a button: Tab and the arrow keys reach it, Enter or a
// click opens it, and its context menu (VS Code's, from `data-vscode-context`) offers the tree's
// actions for the step. A redraw keeps the focused step and the scroll position.
import type { DiagramNode, FlowDiagramAction, FlowDiagramState } from '../protocol/flowDiagram';
import { connect, el, heading, Host, icon } from './runtime';

const app = document.getElementById('app')!;
// Counts renders (data-renders) and stamps each drawn picture with its time on the clock every
// frame shares (data-picture-at; the first in data-first-picture-at), so a benchmark can time a
// command or an edit to the picture.
let renders = 0;
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
    if (n.menu) {
      // The keys of package.json's webview/context menu; VS Code adds the view's own.
      const context = { webviewSection: 'step', nodeId: n.id, ...n.menu, preventDefaultContextMenuItems: true };
      group.setAttribute('data-vscode-context', JSON.stringify(context));
    }
    const select = () => host.send({ type: 'select', nodeId: n.id });
    group.addEventListener('focus', select);
    group.addEventListener('contextmenu', select);
    group.addEventListener('click', (e) => {
      const onCount = e.target instanceof Element && e.target.classList.contains('open-errors');
      host.send({ type: onCount ? 'showErrors' : 'open', nodeId: n.id });
    });
    group.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        host.send({ type: 'open', nodeId: n.id });
      } else if (ARROWS[e.key]) {
        e.preventDefault();
        nearest(n, ARROWS[e.key]!)?.focus();
      }
    });
  }
  return group;
}

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
let shown: DiagramNode[] = [];
/** Whether a picture wider than the view is scaled down to fit it: off at first (text at its own size), the toolbar switches. */
let fit = false;
let last: { state: FlowDiagramState; host: Host<FlowDiagramAction> } | undefined;

/**
 * The step an arrow key moves to: the nearest one in that direction, straight ahead counting
 * more than sideways (so → follows the flow and ↓ goes to the next branch).
 */
function nearest(from: DiagramNode, [ux, uy]: [number, number]): SVGGElement | undefined {
  let best: DiagramNode | undefined;
  let bestScore = Infinity;
  for (const n of shown) {
    if (!n.opens || n.id === from.id) continue;
    const ahead = (n.x - from.x) * ux + (n.y - from.y) * uy;
    if (ahead <= 0) continue;
    const aside = Math.abs((n.x - from.x) * uy) + Math.abs((n.y - from.y) * ux);
    const score = ahead + 3 * aside;
    if (score < bestScore) [best, bestScore] = [n, score];
  }
  return best && stepBox(best.id);
}

function stepBox(id: string): SVGGElement | undefined {
  return [...document.querySelectorAll<SVGGElement>('g.node[data-node-id]')].find((g) => g.dataset.nodeId === id);
}

function render(s: FlowDiagramState, host: Host<FlowDiagramAction>): void {
  const active = document.activeElement;
  const focused = active instanceof SVGElement || active instanceof HTMLElement ? active.dataset.nodeId : undefined;
  const scrolled = document.querySelector('.picture');
  const scroll = { left: scrolled?.scrollLeft ?? 0, top: scrolled?.scrollTop ?? 0 };
  shown = s.nodes;
  last = { state: s, host };
  const picture = svg('svg', {
    width: s.width,
    height: s.height,
    class: fit ? 'fit' : 'actual',
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
    ...heading(s.title, s.subtitle),
    el('div', { className: 'toolbar' }, [
      el('button', { className: 'secondary', onclick: () => host.send({ type: 'copyMermaid' }) }, [icon('copy'), 'Copy as Mermaid']),
      el('button', { className: 'secondary', onclick: () => host.send({ type: 'saveSvg' }) }, [icon('save'), 'Save as SVG…']),
      el(
        'button',
        {
          className: 'secondary',
          title: fit ? 'Show the picture at its actual size (scroll to see all of it)' : 'Scale the picture to the width of the view',
          onclick: () => {
            fit = !fit;
            if (last) render(last.state, last.host);
          },
        },
        [icon(fit ? 'screen-full' : 'screen-normal'), fit ? 'Actual Size' : 'Fit to Width'],
      ),
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
  document.querySelector('.picture')?.scrollTo(scroll.left, scroll.top);
  if (focused) stepBox(focused)?.focus({ preventScroll: true });
  app.dataset.renders = String(++renders);
  if (s.nodes.length) app.dataset.pictureAt = String(performance.timeOrigin + performance.now());
  app.dataset.firstPictureAt ??= app.dataset.pictureAt;
}

connect<FlowDiagramState, FlowDiagramAction>(render);
