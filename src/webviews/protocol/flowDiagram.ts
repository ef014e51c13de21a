/** The flow diagram's state and the action its page sends (shared by host and page). */
import { ActionReader } from './envelope';

export interface DiagramNode {
  id: string;
  role: string;
  label: string;
  detail: string;
  marks: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether a click opens a document (steps with a resource). */
  opens: boolean;
  /** The latest run's counts and the open errors, as the box says them. */
  counts?: string;
  openErrors?: number;
}

export interface DiagramEdge {
  points: { x: number; y: number }[];
  label?: string;
  loop?: boolean;
}

export interface FlowDiagramState {
  title: string;
  subtitle: string;
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  problems: string[];
  /** Why nothing could be drawn (the document is not JSON, say). */
  error?: string;
}

/** Open a step's document; copy the picture as Mermaid; save it as SVG. */
export type FlowDiagramAction = { type: 'open'; nodeId: string } | { type: 'copyMermaid' } | { type: 'saveSvg' };

export const readFlowDiagramAction: ActionReader<FlowDiagramAction> = (a) => {
  if (a.type === 'open' && typeof a.nodeId === 'string') return { type: 'open', nodeId: a.nodeId };
  if (a.type === 'copyMermaid' || a.type === 'saveSvg') return { type: a.type };
  return undefined;
};
