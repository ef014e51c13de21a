/**
 * One save at a time per document, and no flood: while a save runs, later saves of the same
 * document wait, and only the newest waiting content is sent; the saves it replaced finish with
 * it. Auto-save and "Save All" therefore end with the last content stored, in few requests.
 */

interface Waiting<T> {
  content: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class SaveQueue<T> {
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Waiting<T>[]>();

  constructor(private readonly save: (key: string, content: T) => Promise<void>) {}

  enqueue(key: string, content: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const list = this.waiting.get(key) ?? [];
      list.push({ content, resolve, reject });
      this.waiting.set(key, list);
      if (!this.running.has(key)) this.next(key);
    });
  }

  private next(key: string): void {
    const batch = this.waiting.get(key);
    this.waiting.delete(key);
    if (!batch?.length) {
      this.running.delete(key);
      return;
    }
    const newest = batch[batch.length - 1]!;
    const run = this.save(key, newest.content).then(
      () => batch.forEach((w) => w.resolve()),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
    this.running.set(
      key,
      run.finally(() => this.next(key)),
    );
  }
}
