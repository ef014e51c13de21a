/**
 * Children that arrive a page at a time: the first page on expand, the next on "Load more…".
 * The next page's URL is the API's own `Link: rel="next"`, kept as it came.
 */
import { IntegratorClient, Page } from '../api';

export class PagedList<T> {
  private items: T[] = [];
  private next: string | undefined;
  private loaded = false;

  constructor(private readonly first: () => Promise<{ client: IntegratorClient; page: Page<T> }>) {}

  get hasMore(): boolean {
    return this.next !== undefined;
  }

  /** What is loaded so far, loading the first page if nothing is. */
  async current(): Promise<readonly T[]> {
    if (!this.loaded) {
      const { page } = await this.first();
      this.items = page.items;
      this.next = page.next;
      this.loaded = true;
    }
    return this.items;
  }

  /** Appends the next page. */
  async loadMore(client: IntegratorClient): Promise<void> {
    if (!this.next) return;
    const page = await client.nextPage<T>(this.next);
    for (const item of page.items) this.items.push(item); // not spread: a page can be large
    this.next = page.next;
  }

  reset(): void {
    this.items = [];
    this.next = undefined;
    this.loaded = false;
  }
}
