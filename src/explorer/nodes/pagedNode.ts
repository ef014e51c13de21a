/** A node whose children are a paged list of resources, with "Load more…" at the end while more exist. */
import { IntegratorClient, Page } from '../../api';
import { ResourceBase } from '../../api/types';
import { EnvironmentInfo } from '../../environments/environment';
import { ExplorerContext, ExplorerNode } from '../explorerNode';
import { PagedList } from '../pagedList';
import { describeError } from '../../util/errors';
import { isResourceShaped } from '../../model/resourceShape';
import { emptyNode, errorNode, loadMoreNode } from './messageNodes';

export abstract class PagedNode<T extends ResourceBase> extends ExplorerNode {
  private readonly paged: PagedList<T>;
  private readonly nodes = new Map<string, ExplorerNode>();

  constructor(
    id: string,
    parent: ExplorerNode | undefined,
    ctx: ExplorerContext,
    readonly env: EnvironmentInfo,
  ) {
    super(id, parent, ctx);
    this.paged = new PagedList<T>(async () => {
      const client = await ctx.client(env);
      return { client, page: await this.firstPage(client) };
    });
  }

  protected abstract firstPage(client: IntegratorClient): Promise<Page<T>>;
  protected abstract childNode(item: T): ExplorerNode;
  /** "exports", for "No exports". */
  protected abstract get itemsLabel(): string;

  async loadMore(): Promise<void> {
    try {
      await this.paged.loadMore(await this.ctx.client(this.env));
    } catch (err) {
      void this.ctx.notify.error(`Could not load more ${this.itemsLabel}: ${describeError(err)}`);
    }
    super.reset();
    this.ctx.changed(this);
  }

  override reset(): void {
    this.paged.reset();
    this.nodes.clear();
    super.reset();
  }

  protected override async loadChildren(): Promise<ExplorerNode[]> {
    let loaded: T[];
    try {
      loaded = await this.paged.current();
    } catch (err) {
      return [errorNode(this, this.ctx, this.env, err)];
    }
    const items = loaded.filter((item): item is T => isResourceShaped(item));
    if (items.length < loaded.length)
      this.ctx.log.warn(`${this.env.name}: skipped ${loaded.length - items.length} ${this.itemsLabel} without an _id in the API's answer.`);
    if (items.length === 0) return [emptyNode(this, this.ctx, this.itemsLabel)];
    // Keep node objects stable across "Load more…", so expanded rows stay expanded.
    const children = items.map((item) => {
      let node = this.nodes.get(item._id);
      if (!node) {
        node = this.childNode(item);
        this.nodes.set(item._id, node);
        this.ctx.track(node);
      }
      return node;
    });
    if (this.paged.hasMore) children.push(loadMoreNode(this, this.ctx, loaded.length));
    return children;
  }
}
