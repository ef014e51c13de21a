/**
 * The integrator.io explorer: environments at the top, then resource categories, integrations,
 * flows and their steps. Loading is lazy and paged; "Refresh" reloads only the node it is run on.
 */
import { Disposable } from '../util/disposable';
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { EnvironmentStore } from '../environments/environmentStore';
import { Logger } from '../util/logger';
import { Notifier } from '../util/notifier';
import { ExplorerContext, ExplorerNode } from './explorerNode';
import { EnvironmentNode } from './nodes/environmentNode';
import { PagedNode } from './nodes/pagedNode';
import { FlowNode, IntegrationNode, ResourceNode } from './nodes/resourceNodes';
import { ResourceKind } from '../model/resourceKinds';
import { ResourceBase } from '../api/types';
import { StepIndex, StepInfo } from './stepIndex';
import { ExpansionMemory } from './expansionMemory';

const DEFAULT_PAGE_SIZE = 100;

export class ExplorerProvider extends Disposable implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly changedEmitter = this.register(new vscode.EventEmitter<ExplorerNode | undefined>());
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private roots = new Map<string, EnvironmentNode>();
  private readonly stepIndexes = new Map<string, StepIndex>();
  private readonly busyResources = new Map<string, string>();
  private readonly ctx: ExplorerContext;

  constructor(
    private readonly environments: EnvironmentStore,
    log: Logger,
    notify: Notifier,
  ) {
    super();
    this.ctx = {
      log,
      notify,
      client: (env) => environments.client(env),
      pageSize: () => vscode.workspace.getConfiguration('integratorIo').get<number>('pageSize', DEFAULT_PAGE_SIZE),
      stepIndex: (env) => this.stepIndex(env),
      changed: (node) => this.changedEmitter.fire(node),
      busy: (resourceId) => this.busyResources.get(resourceId),
    };
    this.register(environments.onDidChange(() => this.refresh()));
  }

  /** Rows the user left expanded, expanded again after a reload (set once the view exists). */
  expansion: ExpansionMemory<ExplorerNode> | undefined;

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.treeItem();
    item.id = node.id;
    if (this.expansion) item.collapsibleState = this.expansion.stateOf(item.id, item.collapsibleState);
    return item;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.children();
    const environments = this.environments.list();
    const next = new Map<string, EnvironmentNode>();
    for (const env of environments) {
      const existing = this.roots.get(env.id);
      next.set(
        env.id,
        existing && sameEnvironment(existing.env, env)
          ? existing
          : new EnvironmentNode(this.ctx, env, () => this.environments.hasToken(env)),
      );
    }
    this.roots = next;
    return Promise.resolve([...next.values()]);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  /** Reloads one node (and what is below it), or everything. */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      this.roots.clear();
      this.stepIndexes.clear();
      this.changedEmitter.fire(undefined);
      return;
    }
    if (node instanceof EnvironmentNode) this.stepIndexes.delete(node.env.id);
    node.reset();
    this.changedEmitter.fire(node);
  }

  /**
   * After a save: updates the rows of that resource (wherever they appear) and reloads what
   * is below them. For a new resource, reloads the category it belongs to.
   */
  resourceChanged(envId: string, kind: ResourceKind, resource: ResourceBase, created: boolean): void {
    for (const node of this.loadedRows()) {
      if (node instanceof ResourceNode && node.env.id === envId && node.resource._id === resource._id) {
        node.update(resource);
        node.reset();
        this.changedEmitter.fire(node);
      }
      if (node instanceof IntegrationNode && node.env.id === envId && node.resource._id === resource._id) {
        node.update(resource);
        this.changedEmitter.fire(node);
      }
    }
    if (created || kind === 'exports' || kind === 'imports') {
      // New rows for a new resource; step names for a renamed export or import.
      this.stepIndexes.get(envId)?.reset();
    }
    if (created) {
      const category = this.roots.get(envId)?.category(kind === 'flows' ? 'integrations' : kind);
      if (category) this.refresh(category);
    }
  }

  /**
   * After a run of a flow: its rows read their open errors again. The count comes with the list
   * of the integration's flows (one error summary per integration), so that list is read again;
   * the row kept its old count until it was expanded.
   */
  flowRan(envId: string, flowId: string): void {
    for (const node of this.loadedRows()) {
      if (!(node instanceof FlowNode) || node.env.id !== envId || node.resource._id !== flowId) continue;
      this.refresh(node.parent instanceof IntegrationNode ? node.parent : node);
    }
  }

  /**
   * Marks the resource's rows busy (a spinner and `note`) while `work` waits on the API, and
   * clears the mark however it ends: every action that waits on the API shows it the same way.
   */
  async busyWhile<T>(resourceId: string, note: string, work: () => PromiseLike<T>): Promise<T> {
    this.setBusy(resourceId, note);
    try {
      return await work();
    } finally {
      this.setBusy(resourceId, undefined);
    }
  }

  /** Shows a spinner and a note on every row of a resource while something runs (undefined ends it). */
  setBusy(resourceId: string, note: string | undefined): void {
    if (note) this.busyResources.set(resourceId, note);
    else this.busyResources.delete(resourceId);
    for (const node of this.loadedRows())
      if (node instanceof ResourceNode && node.resource._id === resourceId) this.changedEmitter.fire(node);
  }

  /** An environment's exports and imports by id (name, adaptor, connection), from the list already fetched for the tree. */
  steps(env: EnvironmentInfo): Promise<Map<string, StepInfo>> {
    return this.stepIndex(env).get();
  }

  /** Names of an environment's exports and imports by id, from the list already fetched for the tree. */
  async stepNames(env: EnvironmentInfo): Promise<Map<string, string>> {
    const index = await this.stepIndex(env).get();
    return new Map([...index].map(([id, info]) => [id, info.name]));
  }

  /**
   * Every resource row of the lists loaded so far, found by walking the loaded tree rather than
   * kept in an index of their own: a 10,000-row list needs no second copy of its rows.
   */
  private *loadedRows(): Generator<ExplorerNode> {
    function* rowsOf(list: { readonly loadedRows: readonly ExplorerNode[] }): Generator<ExplorerNode> {
      for (const row of list.loadedRows) {
        yield row;
        if (row instanceof PagedNode) yield* rowsOf(row);
      }
    }
    for (const root of this.roots.values()) for (const category of root.loadedCategories) yield* rowsOf(category);
  }

  /** Resource nodes loaded so far, in any environment. */
  loadedResources(): ExplorerNode[] {
    return [...this.loadedRows()].filter((n) => n.searchText !== undefined);
  }

  /**
   * The row of a resource in the tree, loading what lies above it (the environment, its
   * category or the flow's integration, and pages of those lists) as a user expanding would.
   * Undefined when the tree does not show it: a flow outside any integration, or a deleted one.
   */
  async rowOf(envId: string, kind: ResourceKind, id: string, integrationId?: string): Promise<ExplorerNode | undefined> {
    if (!this.roots.has(envId)) await this.getChildren();
    const root = this.roots.get(envId);
    if (!root) return undefined;
    await root.children();
    if (kind === 'flows') {
      if (!integrationId) return undefined;
      const integration = await root.category('integrations')?.rowOf(integrationId);
      return integration instanceof IntegrationNode ? integration.rowOf(id) : undefined;
    }
    return root.category(kind)?.rowOf(id);
  }

  /** The root node of an environment. */
  environmentNode(id: string): EnvironmentNode | undefined {
    return this.roots.get(id);
  }

  private stepIndex(env: EnvironmentInfo): StepIndex {
    let index = this.stepIndexes.get(env.id);
    if (!index) {
      index = new StepIndex(() => this.environments.client(env));
      this.stepIndexes.set(env.id, index);
    }
    return index;
  }
}

function sameEnvironment(a: EnvironmentInfo, b: EnvironmentInfo): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
