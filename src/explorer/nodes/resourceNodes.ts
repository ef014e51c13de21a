/** Rows for resources: exports, imports, connections, scripts, file definitions, integrations, flows and flow steps. */
import { formatTime } from '../../model/format';
import vscode = require('vscode');
import { contextValueOf, flag } from '../contextValue';
import { IntegratorClient, Page } from '../../api';
import { Flow, Integration, PageProcessor, ResourceBase, Router } from '../../api/types';
import { EnvironmentInfo } from '../../environments/environment';
import { adaptorLabel, describeConnection, describeExport, describeFlow, describeImport, textOf } from '../../model/describe';
import { RESOURCE_KINDS, ResourceKind } from '../../model/resourceKinds';
import { ExplorerContext, ExplorerNode } from '../explorerNode';
import { StepInfo } from '../stepIndex';
import { errorNode } from './messageNodes';
import { PagedNode } from './pagedNode';
import { rowUri } from '../../identity';

/** A resource of any kind: its row, tooltip, and the context value menus match on. */
export class ResourceNode extends ExplorerNode {
  constructor(
    idPart: string,
    parent: ExplorerNode | undefined,
    ctx: ExplorerContext,
    readonly env: EnvironmentInfo,
    readonly kind: ResourceKind,
    private current: ResourceBase,
  ) {
    super(idPart, parent, ctx);
  }

  get resource(): ResourceBase {
    return this.current;
  }

  /** After a save: the row shows the stored version. */
  update(resource: ResourceBase): void {
    this.current = resource;
  }

  get label(): string {
    return textOf(this.resource.name) ?? this.resource._id;
  }

  get description(): string {
    switch (this.kind) {
      case 'exports':
        return describeExport(this.resource);
      case 'imports':
        return describeImport(this.resource);
      case 'connections':
        return describeConnection(this.resource);
      case 'flows':
        return describeFlow(this.resource);
      default:
        return '';
    }
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, this.collapsible());
    const busy = this.ctx.busy(this.resource._id);
    item.description = busy ? [busy, this.description].filter(Boolean).join(' · ') : this.description;
    item.iconPath = busy ? new vscode.ThemeIcon('loading~spin') : this.icon();
    item.tooltip = this.tooltip();
    item.contextValue = this.contextValue();
    item.resourceUri = rowUri(this.id, { errors: this.openErrors, production: this.env.production });
    // A click expands a row that has children, as in every VS Code tree; it opens a leaf. Rows
    // with children open from their inline Open action and context menu.
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.None)
      item.command = { command: 'integratorIo.openResource', title: 'Open', arguments: [this] };
    return item;
  }

  override get searchText(): { label: string; description: string; detail?: string } {
    return { label: this.label, description: `${RESOURCE_KINDS[this.kind].singular} · ${this.env.name}`, detail: this.resource._id };
  }

  protected collapsible(): vscode.TreeItemCollapsibleState {
    return vscode.TreeItemCollapsibleState.None;
  }

  /** Open errors shown on the row (a flow's, from its integration's error summary). */
  protected get openErrors(): number {
    return 0;
  }

  protected icon(): vscode.ThemeIcon {
    // Flags from the API's answer, whatever their kind: a row's icon only asks whether they are set.
    const r = this.resource;
    if (this.kind === 'connections' && r.offline)
      return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('list.warningForeground'));
    if (this.kind === 'flows' && r.disabled) return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    if (this.kind === 'exports' && r.isLookup) return new vscode.ThemeIcon('search');
    return new vscode.ThemeIcon(RESOURCE_KINDS[this.kind].icon);
  }

  protected tooltip(): vscode.MarkdownString {
    const info = RESOURCE_KINDS[this.kind];
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**`).appendText(this.label).appendMarkdown(`**  \n`);
    md.appendText(`${info.singular} in ${this.env.name}`);
    if (this.description) md.appendText(` · ${this.description}`);
    md.appendMarkdown('  \n').appendText(`id ${this.resource._id}`);
    const lastModified = textOf(this.resource.lastModified);
    if (lastModified) md.appendMarkdown('  \n').appendText(`last modified ${formatTime(lastModified)}`);
    const description = this.resource.description;
    if (typeof description === 'string' && description) md.appendMarkdown('\n\n').appendText(description);
    return md;
  }

  /** `resource:<singular>` plus flags, e.g. `resource:connection;offline`. Menus match with regular expressions. */
  protected contextValue(): string {
    const r = this.resource;
    return contextValueOf(
      `resource:${RESOURCE_KINDS[this.kind].singular.replace(' ', '')}`,
      flag(r.offline, 'offline'),
      flag(r.disabled, 'disabled'),
      flag(r.isLookup, 'lookup'),
      flag(this.env.production, 'production'),
      flag(this.collapsible() !== vscode.TreeItemCollapsibleState.None, 'expandable'),
    );
  }
}

/** An integration; its children are its flows, a page at a time. */
export class IntegrationNode extends PagedNode<Flow> {
  readonly resourceNode: ResourceNode;

  constructor(idPart: string, parent: ExplorerNode, ctx: ExplorerContext, env: EnvironmentInfo, resource: Integration) {
    super(idPart, parent, ctx, env);
    this.resourceNode = new ResourceNode(idPart, parent, ctx, env, 'integrations', resource);
  }

  readonly kind = 'integrations' as const;

  get resource(): Integration {
    return this.resourceNode.resource;
  }

  update(resource: Integration): void {
    this.resourceNode.update(resource);
  }

  treeItem(): vscode.TreeItem {
    const item = this.resourceNode.treeItem();
    item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    item.command = undefined; // a click expands it; Open is inline and in the context menu
    item.contextValue = contextValueOf(item.contextValue, 'expandable');
    return item;
  }

  override get searchText() {
    return this.resourceNode.searchText;
  }

  protected get itemsLabel(): string {
    return 'flows';
  }

  /** Open errors per flow, from one error summary of the integration read with its flows. */
  private flowErrors = new Map<string, number>();

  protected async firstPage(client: IntegratorClient): Promise<Page<Flow>> {
    const [page, summary] = await Promise.all([
      client.integrationChildrenPage<Flow>(this.resource._id, 'flows', { limit: this.ctx.pageSize() }),
      client.errors.integrationSummary(this.resource._id).catch(() => undefined),
    ]);
    this.flowErrors = new Map((Array.isArray(summary) ? summary : []).map((e) => [e._flowId, e.numError]));
    return page;
  }

  protected childNode(flow: Flow): ExplorerNode {
    return new FlowNode(flow._id, this, this.ctx, this.env, flow, () => this.flowErrors.get(flow._id) ?? 0);
  }
}

/** A flow; its children are its steps, in order, labelled from the environment's step index. */
export class FlowNode extends ResourceNode {
  constructor(
    idPart: string,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    env: EnvironmentInfo,
    flow: Flow,
    private readonly flowErrors: () => number,
  ) {
    super(idPart, parent, ctx, env, 'flows', flow);
  }

  protected override get openErrors(): number {
    // Once the steps are loaded, their counts are the newer figure.
    return this.stepErrors ?? this.flowErrors();
  }

  override get description(): string {
    const errors = this.openErrors;
    return [super.description, errors ? `${errors} open error${errors === 1 ? '' : 's'}` : undefined].filter(Boolean).join(' · ');
  }

  get flow(): Flow {
    return this.resource;
  }

  protected override collapsible(): vscode.TreeItemCollapsibleState {
    const hasSteps =
      (this.flow.pageGenerators?.length ?? 0) + (this.flow.pageProcessors?.length ?? 0) + (this.flow.routers?.length ?? 0) > 0;
    return hasSteps || this.flow._exportId || this.flow._importId
      ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
  }

  protected override async loadChildren(): Promise<ExplorerNode[]> {
    let index: Map<string, StepInfo>;
    let openErrors = new Map<string, number>();
    try {
      const client = await this.ctx.client(this.env);
      // Names from the environment's step index; open-error counts from one summary of this flow.
      const [steps, summary] = await Promise.all([
        this.ctx.stepIndex(this.env).get(),
        client.errors.flowSummary(this.flow._id).catch(() => undefined),
      ]);
      index = steps;
      openErrors = new Map((summary?.flowErrors ?? []).map((e) => [e._expOrImpId, e.numError]));
    } catch (err) {
      return [errorNode(this, this.ctx, this.env, err)];
    }
    this.stepOpenErrors = openErrors;
    const before = this.openErrors;
    this.stepErrors = [...openErrors.values()].reduce((a, b) => a + b, 0);
    if (this.stepErrors !== before) this.ctx.changed(this); // the row's count follows its steps'
    const flow = this.flow;
    const nodes: ExplorerNode[] = [];
    const generators = flow.pageGenerators ?? (flow._exportId ? [{ _exportId: flow._exportId }] : []);
    generators.forEach((pg, i) => nodes.push(this.step(`pg${i}`, this, { type: 'export', _exportId: pg._exportId }, 'source', index)));
    const processors = flow.pageProcessors ?? (flow._importId ? [{ type: 'import' as const, _importId: flow._importId }] : []);
    processors.forEach((pp, i) => nodes.push(this.step(`pp${i}`, this, pp, undefined, index)));
    (flow.routers ?? []).forEach((router, r) =>
      nodes.push(
        new RouterNode(`router${r}`, this, this.ctx, router, r, (key, parent, pp) => this.step(key, parent, pp, undefined, index)),
      ),
    );
    return nodes;
  }

  private stepOpenErrors = new Map<string, number>();
  /** The flow's open errors summed over its steps, once they are loaded. */
  private stepErrors: number | undefined;

  private step(key: string, parent: ExplorerNode, pp: PageProcessor, role: 'source' | undefined, index: Map<string, StepInfo>): StepNode {
    const resourceId = (pp.type === 'import' ? pp._importId : pp._exportId) ?? '';
    const step = { flowId: this.flow._id, openErrors: this.stepOpenErrors.get(resourceId) ?? 0 };
    return new StepNode(key, parent, this.ctx, this.env, pp.type, resourceId, index.get(resourceId), role, step);
  }
}

/** A router of a flow, with its branches. */
class RouterNode extends ExplorerNode {
  constructor(
    idPart: string,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    private readonly router: Router,
    private readonly position: number,
    private readonly step: (key: string, parent: ExplorerNode, pp: PageProcessor) => StepNode,
  ) {
    super(idPart, parent, ctx);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.router.name || `Router ${this.position + 1}`, vscode.TreeItemCollapsibleState.Expanded);
    item.iconPath = new vscode.ThemeIcon('git-compare');
    const branches = this.router.branches?.length ?? 0;
    item.description = `router · ${branches} branch${branches === 1 ? '' : 'es'}`;
    item.contextValue = 'router';
    return item;
  }

  protected override loadChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(
      (this.router.branches ?? []).map((branch, b) => {
        const steps = (parent: ExplorerNode) => (branch.pageProcessors ?? []).map((pp, i) => this.step(`pp${i}`, parent, pp));
        return new BranchNode(`branch${b}`, this, this.ctx, branch.name || `Branch ${b + 1}`, steps);
      }),
    );
  }
}

class BranchNode extends ExplorerNode {
  constructor(
    idPart: string,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    private readonly name: string,
    private readonly steps: (parent: ExplorerNode) => StepNode[],
  ) {
    super(idPart, parent, ctx);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Expanded);
    item.iconPath = new vscode.ThemeIcon('git-branch');
    item.contextValue = 'branch';
    return item;
  }

  protected override loadChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.steps(this));
  }
}

/** A step of a flow: the export or import it uses, named from the step index. */
export class StepNode extends ExplorerNode {
  constructor(
    idPart: string,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    readonly env: EnvironmentInfo,
    readonly stepType: 'export' | 'import',
    readonly resourceId: string,
    private readonly info: StepInfo | undefined,
    private readonly role: 'source' | undefined,
    /** The flow the step belongs to, and its open errors (error management 2.0). */
    readonly step: { flowId: string; openErrors: number },
  ) {
    super(idPart, parent, ctx);
  }

  get kind(): ResourceKind {
    return this.stepType === 'import' ? 'imports' : 'exports';
  }

  get name(): string | undefined {
    return this.info?.name;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.info?.name ?? `${this.resourceId} (not found)`, vscode.TreeItemCollapsibleState.None);
    const what = this.role === 'source' ? 'source' : this.stepType === 'import' ? 'import' : this.info?.isLookup ? 'lookup' : 'export';
    const errors = this.step.openErrors ? `${this.step.openErrors} open error${this.step.openErrors === 1 ? '' : 's'}` : undefined;
    item.description = [what, adaptorLabel(this.info?.adaptorType), errors].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(!this.info ? 'warning' : what === 'lookup' ? 'search' : RESOURCE_KINDS[this.kind].icon);
    item.tooltip = this.info
      ? `${what} step: ${this.info.name}\n${this.stepType} ${this.resourceId}`
      : `This step refers to ${this.stepType} ${this.resourceId}, which was not found.`;
    item.contextValue = contextValueOf(
      'step',
      `resource:${this.stepType}`,
      flag(this.step.openErrors, 'errors'),
      flag(this.env.production, 'production'),
    );
    item.resourceUri = rowUri(this.id, { errors: this.step.openErrors, production: this.env.production });
    if (this.info) item.command = { command: 'integratorIo.openResource', title: 'Open', arguments: [this] };
    return item;
  }
}
