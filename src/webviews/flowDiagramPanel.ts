/**
 * "Show Flow Diagram": the flow as a picture beside its document (pages/flowDiagram.ts), drawn
 * from the document's current text, unsaved edits included, and drawn again after each pause in
 * typing. A click on a step (or Enter on it) opens the step's document; its context menu offers
 * what the tree offers for the step (commands/diagramStepCommands.ts). The graph and its layout
 * are built below the VS Code layer (src/diagram); this view only shows them.
 */
import vscode = require('vscode');
import { buildFlowGraph, flowFactsText, FlowGraph, StepLookup } from '../diagram/flowGraph';
import { FlowLayout, layoutFlow } from '../diagram/layout';
import { toMermaid } from '../diagram/mermaid';
import { Job } from '../api/types';
import { countsText, StepCounts, withRun } from '../diagram/stepCounts';
import { ScriptHook, StepRef } from '../diagram/stepDocuments';
import { toSvg } from '../diagram/svg';
import { FlowDiagramAction, FlowDiagramState, readFlowDiagramAction, StepMenu } from './protocol/flowDiagram';
import { describeError } from '../util/errors';
import { isJsonObject } from '../api/types';
import { Reopen, StatefulPanel } from './statefulPanel';
import { viewKey } from '../identity';

/** A pause in typing before the picture is drawn again. */
const REDRAW_AFTER_MS = 300;

export interface FlowDiagramOptions {
  name: string;
  subtitle: string;
  /** What reopens it after a reload (none for a pulled folder's flow: its file reopens instead). */
  reopen?: Reopen;
  /** The flow's document: the picture follows its text. */
  document: vscode.TextDocument;
  lookup: StepLookup;
  /** Opens a step's resource document. */
  open(ref: StepRef, name: string): Promise<void>;
  /** The flow's live counts: its latest run's, and the open errors (by step resource id). */
  counts?(): Promise<Map<string, StepCounts>>;
  /** Reads what the lookup lacks for these steps (their documents); true when the picture can say more. */
  loadDetails?(refs: StepRef[]): Promise<boolean>;
  /** For an account's flow: where it is, so a step's context menu can preview it, show its errors or run its hooks. */
  account?: { envId: string; flowId: string; hooksOf(stepId: string): ScriptHook[] };
}

/** A step of the picture as the user chose it (a right click, or focus): what its context menu acts on. */
export interface ChosenDiagramStep {
  panel: FlowDiagramPanel;
  ref: StepRef;
  name: string;
  account: NonNullable<FlowDiagramOptions['account']> | undefined;
}

export class FlowDiagramPanel extends StatefulPanel<FlowDiagramState, FlowDiagramAction> {
  private timer: NodeJS.Timeout | undefined;
  private refs = new Map<string, { ref: StepRef; label: string }>();
  private counts = new Map<string, StepCounts>();
  /** The step the user last focused or right-clicked in the page. */
  private selected: string | undefined;
  /** What the view shows now: for Copy as Mermaid and Save as SVG. */
  private drawn: { graph: FlowGraph; layout: FlowLayout } | undefined;

  /** The diagram in front of the user (or the one shown last), for the palette's Copy and Save. */
  static focused(): FlowDiagramPanel | undefined {
    return StatefulPanel.focusedWhere((p) => (p instanceof FlowDiagramPanel ? p : undefined));
  }

  /** The picture as a Mermaid flowchart, as drawn now. */
  mermaid(): string | undefined {
    return this.drawn && toMermaid(this.drawn.graph);
  }

  /** The picture as SVG text, as drawn now (theme colours with plain fallbacks). */
  svg(): string | undefined {
    return this.drawn && toSvg(this.drawn.layout, this.drawn.graph.name, flowFactsText(this.drawn.graph));
  }

  static show(key: string, extensionUri: vscode.Uri, options: FlowDiagramOptions): FlowDiagramState {
    const { panel } = StatefulPanel.openOrReveal(
      key,
      (p) => (p instanceof FlowDiagramPanel ? p : undefined),
      () => new FlowDiagramPanel(key, extensionUri, options),
    );
    panel.options = options;
    const drawn = panel.draw();
    void panel.reloadCounts();
    return drawn;
  }

  /** The open diagram of a flow, if there is one (a run of it brings new counts). */
  static ofFlow(envId: string, flowId: string): FlowDiagramPanel | undefined {
    return StatefulPanel.focusedWhere((p) =>
      p instanceof FlowDiagramPanel && p.key === viewKey('diagram', envId, flowId) ? p : undefined,
    );
  }

  /**
   * The step a context-menu command acts on. The menu passes the box's context (a plain object,
   * which any command link could pass too), so it counts only when it names the step the user
   * right-clicked or focused in the diagram in front.
   */
  static chosenStep(arg: unknown): ChosenDiagramStep | undefined {
    const context = isJsonObject(arg) ? arg : undefined;
    if (context?.webview !== 'integratorIo.flowDiagram' || typeof context.nodeId !== 'string') return undefined;
    // The diagram the user is in: the active one, never one left in the background.
    const panel = FlowDiagramPanel.focused();
    const inFront = panel?.isActive() ?? false;
    const step = panel && inFront && panel.selected === context.nodeId ? panel.refs.get(context.nodeId) : undefined;
    return panel && step ? { panel, ref: step.ref, name: step.label, account: panel.options.account } : undefined;
  }

  private isActive(): boolean {
    return this.panel.active;
  }

  /** Opens a step's document, as a click on it does. */
  openStep(step: ChosenDiagramStep): Promise<void> {
    return this.options.open(step.ref, step.name);
  }

  /** A run's counts as it goes on (the job family the run view polls): no request of its own. */
  showRun(family: Job): FlowDiagramState {
    this.counts = withRun(this.counts, family);
    return this.draw();
  }

  /** Reads the counts again (after a run), then draws; resolves with what the view shows. */
  async reloadCounts(): Promise<FlowDiagramState> {
    try {
      if (this.options.counts) this.counts = await this.options.counts();
    } catch {
      // The picture stands without counts; the error views say what failed.
    }
    return this.draw();
  }

  private constructor(
    key: string,
    extensionUri: vscode.Uri,
    private options: FlowDiagramOptions,
  ) {
    super({
      key,
      ...(options.reopen ? { reopen: options.reopen } : {}),
      viewType: 'integratorIo.flowDiagram',
      title: `Diagram: ${options.name}`,
      page: 'flowDiagram',
      extensionUri,
      besideEditor: true,
      initial: { title: options.name, subtitle: options.subtitle, width: 0, height: 0, nodes: [], edges: [], problems: [] },
      readAction: readFlowDiagramAction,
    });
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== this.options.document.uri.toString()) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.draw(), REDRAW_AFTER_MS);
      }),
    );
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
    // A step chosen in a view the user has left is no longer chosen.
    this.register(this.panel.onDidChangeViewState((e) => !e.webviewPanel.active && (this.selected = undefined)));
  }

  /** Draws the picture from the document's text as it is now; resolves with what the view shows. */
  draw(): FlowDiagramState {
    let flow: unknown;
    try {
      flow = JSON.parse(this.options.document.getText());
    } catch (err) {
      return this.update({ error: `The flow document is not JSON yet (${describeError(err)}); the last picture stays.` });
    }
    let graph: FlowGraph;
    let layout: FlowLayout;
    try {
      graph = buildFlowGraph(flow, this.options.lookup);
      layout = layoutFlow(graph);
    } catch (err) {
      // Drawn after a pause in typing or when counts arrive: nobody awaits it, so the view says it.
      return this.update({ error: `The flow could not be drawn (${describeError(err)}); the last picture stays.` });
    }
    this.drawn = { graph, layout };
    this.refs = new Map(layout.nodes.flatMap((n) => (n.ref ? [[n.id, { ref: n.ref, label: n.label }] as const] : [])));
    // Only whole ids: a half-typed one is not read from the account after each pause.
    const refs = [...this.refs.values()].map((r) => r.ref).filter((r) => /^[0-9a-f]{24}$/.test(r.id));
    void this.options.loadDetails?.(refs).then(
      (more) => more && this.draw(),
      () => undefined, // drawn with what the lists say
    );
    const marks = flowFactsText(graph);
    return this.update({
      title: graph.name,
      subtitle: [this.options.subtitle, marks].filter(Boolean).join(' · '),
      width: layout.width,
      height: layout.height,
      nodes: layout.nodes.map((n) => ({
        id: n.id,
        role: n.role,
        label: n.label,
        detail: n.detail,
        marks: n.marks,
        x: n.x,
        y: n.y,
        width: n.width,
        height: n.height,
        opens: n.ref !== undefined,
        ...(n.ref && countsText(this.counts.get(n.ref.id)) ? { counts: countsText(this.counts.get(n.ref.id)) } : {}),
        ...(n.ref && this.counts.get(n.ref.id)?.open ? { openErrors: this.counts.get(n.ref.id)!.open } : {}),
        ...(n.ref ? { menu: this.menuOf(n.ref) } : {}),
      })),
      edges: layout.edges.map((e) => ({ points: e.points, ...(e.label ? { label: e.label } : {}), ...(e.loop ? { loop: true } : {}) })),
      problems: graph.problems,
      error: undefined,
    });
  }

  private menuOf(ref: StepRef): StepMenu {
    const account = this.options.account;
    return {
      stepKind: ref.kind === 'exports' ? 'export' : 'import',
      inAccount: account !== undefined,
      hasHooks: (account?.hooksOf(ref.id).length ?? 0) > 0,
      hasErrors: (this.counts.get(ref.id)?.open ?? 0) > 0,
    };
  }

  protected async handle(action: FlowDiagramAction): Promise<void> {
    if (action.type === 'copyMermaid' || action.type === 'saveSvg') {
      await vscode.commands.executeCommand(
        action.type === 'copyMermaid' ? 'integratorIo.copyFlowDiagramMermaid' : 'integratorIo.saveFlowDiagramSvg',
      );
      return;
    }
    if (!this.refs.has(action.nodeId)) return;
    this.selected = action.nodeId;
    if (action.type === 'select') return;
    // The page's own buttons act on the step they belong to, through the same commands as its menu.
    const context = { webview: 'integratorIo.flowDiagram', nodeId: action.nodeId };
    await vscode.commands.executeCommand(
      action.type === 'open' ? 'integratorIo.diagramStep.open' : 'integratorIo.diagramStep.showErrors',
      context,
    );
  }
}
