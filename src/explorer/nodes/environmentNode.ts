/** An environment at the top of the tree, with a category per resource kind below it. */
import vscode = require('vscode');
import { contextValueOf, flag } from '../contextValue';
import { IntegratorClient, Page } from '../../api';
import { ResourceBase } from '../../api/types';
import { EnvironmentInfo, whereLabel } from '../../environments/environment';
import { NotSignedInError } from '../../environments/environmentStore';
import { CATEGORY_ORDER, RESOURCE_KINDS, ResourceKind } from '../../model/resourceKinds';
import { ExplorerContext, ExplorerNode } from '../explorerNode';
import { errorNode } from './messageNodes';
import { rowUri } from '../../identity';
import { PagedNode } from './pagedNode';
import { IntegrationNode, ResourceNode } from './resourceNodes';

export class EnvironmentNode extends ExplorerNode {
  constructor(
    ctx: ExplorerContext,
    readonly env: EnvironmentInfo,
    private readonly signedIn: () => Promise<boolean>,
  ) {
    super(env.id, undefined, ctx);
  }

  treeItem(): vscode.TreeItem {
    const env = this.env;
    const item = new vscode.TreeItem(env.name, vscode.TreeItemCollapsibleState.Collapsed);
    // Production leads the description, and a red "P" (rowDecorations.ts) stays at the row's end at any width.
    item.description = [env.production ? 'PRODUCTION' : undefined, whereLabel(env)].filter(Boolean).join(' · ');
    item.iconPath =
      env.kind === 'sandbox'
        ? new vscode.ThemeIcon('beaker')
        : env.production
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'))
          : new vscode.ThemeIcon('cloud');
    item.resourceUri = rowUri(this.id, { production: env.production && 'environment' });
    item.tooltip = `${env.name}\n${whereLabel(env)}${env.production ? '\nProduction: saves and runs ask first.' : ''}${env.aShareId ? `\nShared account ${env.aShareId}` : ''}`;
    item.contextValue = contextValueOf('environment', env.kind === 'sandbox' ? 'sandbox' : 'account', flag(env.production, 'production'));
    return item;
  }

  private categories: Map<ResourceKind, CategoryNode> | undefined;

  /** The category nodes, once the environment has been expanded. */
  get loadedCategories(): readonly CategoryNode[] {
    return this.categories ? [...this.categories.values()] : [];
  }

  override reset(): void {
    this.categories = undefined;
    super.reset();
  }

  /** The category node of a kind, once the environment has been expanded. */
  category(kind: ResourceKind): CategoryNode | undefined {
    return this.categories?.get(kind);
  }

  protected override async loadChildren(): Promise<ExplorerNode[]> {
    if (!(await this.signedIn())) return [errorNode(this, this.ctx, this.env, new NotSignedInError(this.env))];
    this.categories = new Map(CATEGORY_ORDER.map((kind) => [kind, new CategoryNode(this, this.ctx, this.env, kind)]));
    return [...this.categories.values()];
  }
}

/** "Exports", "Connections"… under an environment: the resources of one kind, a page at a time. */
export class CategoryNode extends PagedNode<ResourceBase> {
  constructor(
    parent: EnvironmentNode,
    ctx: ExplorerContext,
    env: EnvironmentInfo,
    readonly kind: ResourceKind,
  ) {
    super(kind, parent, ctx, env);
  }

  treeItem(): vscode.TreeItem {
    const info = RESOURCE_KINDS[this.kind];
    const item = new vscode.TreeItem(info.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(info.icon);
    item.contextValue = `category:${this.kind}`;
    return item;
  }

  protected get itemsLabel(): string {
    return RESOURCE_KINDS[this.kind].label.toLowerCase();
  }

  protected firstPage(client: IntegratorClient): Promise<Page<ResourceBase>> {
    const include = RESOURCE_KINDS[this.kind].listFields;
    return RESOURCE_KINDS[this.kind].collection(client).firstPage({ limit: this.ctx.pageSize(), ...(include ? { include } : {}) });
  }

  protected childNode(item: ResourceBase): ExplorerNode {
    if (this.kind === 'integrations') return new IntegrationNode(item._id, this, this.ctx, this.env, item);
    return new ResourceNode(item._id, this, this.ctx, this.env, this.kind, item);
  }
}
