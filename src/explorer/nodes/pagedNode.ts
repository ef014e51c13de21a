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
  /** The row of each resource id (a resource that shows up on two pages gets one row). */
  private readonly rowById = new Map<string, ExplorerNode>();
  /** Rows built so far, in list order, and how many loaded items they account for. */
  private rows: ExplorerNode[] = [];
  private covered = 0;

  constructor(
    idPart: string,
    parent: ExplorerNode | undefined,
    ctx: ExplorerContext,
    readonly env: EnvironmentInfo,
  ) {
    super(idPart, parent, ctx);
    this.paged = new PagedList<T>(async () => {
      const client = await ctx.client(env);
      return { client, page: await this.firstPage(client) };
    });
  }

  protected abstract firstPage(client: IntegratorClient): Promise<Page<T>>;
  protected abstract childNode(item: T): ExplorerNode;
  /** "exports", for "No exports". */
  protected abstract get itemsLabel(): string;

  /** The rows of the resources loaded so far (without "Load more…" or message rows). */
  get loadedRows(): readonly ExplorerNode[] {
    return this.rows;
  }

  /** Whether the list has pages not loaded yet. */
  get hasMore(): boolean {
    return this.paged.hasMore;
  }

  /**
   * The row of a resource, loading further pages until it turns up (at most `maxPages` more):
   * what reveals a search result that is not on the pages loaded so far.
   */
  async rowOf(resourceId: string, maxPages = 50): Promise<ExplorerNode | undefined> {
    await this.children();
    for (let page = 0; ; page++) {
      const row = this.rowById.get(resourceId);
      if (row || !this.paged.hasMore || page >= maxPages) return row;
      await this.loadMore();
      await this.children();
    }
  }

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
    this.rowById.clear();
    this.rows = [];
    this.covered = 0;
    super.reset();
  }

  protected override async loadChildren(): Promise<ExplorerNode[]> {
    let loaded: readonly T[];
    try {
      loaded = await this.paged.current();
    } catch (err) {
      return [errorNode(this, this.ctx, this.env, err)];
    }
    // Only items that arrived since the last call become rows, so "Load more…" costs one page
    // however long the list already is. Rows keep their objects, so expanded ones stay expanded.
    let skipped = 0;
    for (let i = this.covered; i < loaded.length; i++) {
      const item = loaded[i];
      if (!isResourceShaped(item)) skipped++;
      else if (!this.rowById.has(item._id)) {
        const row = this.childNode(item);
        this.rowById.set(item._id, row);
        this.rows.push(row);
      }
    }
    this.covered = loaded.length;
    if (skipped) this.ctx.log.warn(`${this.env.name}: skipped ${skipped} ${this.itemsLabel} without an _id in the API's answer.`);
    if (this.rows.length === 0) return [emptyNode(this, this.ctx, this.itemsLabel)];
    const children = [...this.rows];
    if (this.paged.hasMore) children.push(loadMoreNode(this, this.ctx, loaded.length));
    return children;
  }
}
