/**
 * dagre as a bundle of its own (dist/dagre.js): main.js requires it when a flow diagram is first
 * laid out (diagram/layout.ts), rather than carrying it into every session.
 */
export { graphlib, layout } from '@dagrejs/dagre';
