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
  /** What its context menu offers (as the tree does for the step): none for routers and ends. */
  menu?: StepMenu;
}

/** The `when` keys of a step's context menu (package.json `webview/context`), set on its box. */
export interface StepMenu {
  stepKind: 'export' | 'import';
  /** A step of an account's flow (previews, errors, history); a pulled folder's step only opens. */
  inAccount: boolean;
  hasHooks: boolean;
  hasErrors: boolean;
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

/**
 * Open a step's document or its errors view; say which step the user is on (focus or a right
 * click, so the context menu's commands act on that step); copy the picture as Mermaid; save it.
 */
export type FlowDiagramAction = { type: 'open' | 'showErrors' | 'select'; nodeId: string } | { type: 'copyMermaid' } | { type: 'saveSvg' };

export const readFlowDiagramAction: ActionReader<FlowDiagramAction> = (a) => {
  if ((a.type === 'open' || a.type === 'showErrors' || a.type === 'select') && typeof a.nodeId === 'string')
    return { type: a.type, nodeId: a.nodeId };
  if (a.type === 'copyMermaid' || a.type === 'saveSvg') return { type: a.type };
  return undefined;
};
