/**
 * Keeps the account in one JSON file. Writes are atomic (temporary file, fsync, rename), so a
 * crash mid-write leaves the previous version intact, and grouped: writes asked for while one
 * is under way are folded into the next, and each caller's promise resolves once a write that
 * includes its change is on disk. A write request acknowledged to an API client is therefore
 * durable.
 */
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';

interface Waiters {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class AtomicJsonFile<T> {
  private writing: Promise<void> | undefined;
  private pending: Waiters | undefined;
  private sequence = 0;

  constructor(
    readonly filePath: string,
    /** Called at the start of each write; what it returns is what lands on disk. */
    private readonly snapshot: () => T,
  ) {}

  /** The file's contents, or undefined when there is no file yet. */
  load(): T | undefined {
    let text: string;
    try {
      text = readFileSync(this.filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  /** Resolves once the state as it is now (or later) is on disk. */
  write(): Promise<void> {
    if (!this.pending) {
      let resolve!: () => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.pending = { promise, resolve, reject };
    }
    const { promise } = this.pending;
    if (!this.writing) this.startNext();
    return promise;
  }

  /** Waits for every write asked for so far. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
  }

  private startNext(): void {
    const batch = this.pending;
    if (!batch) return;
    this.pending = undefined;
    this.writing = this.writeNow()
      .then(batch.resolve, batch.reject)
      .finally(() => {
        this.writing = undefined;
        if (this.pending) this.startNext();
      });
  }

  private async writeNow(): Promise<void> {
    // Taken synchronously, so it holds every change made before this write began.
    const text = JSON.stringify(this.snapshot());
    const dir = path.dirname(this.filePath);
    await fs.mkdir(dir, { recursive: true });
    const temp = `${this.filePath}.${process.pid}.${++this.sequence}.tmp`;
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, this.filePath);
    // Make the rename itself durable.
    const dirHandle = await fs.open(dir, 'r').catch(() => undefined);
    if (dirHandle) {
      await dirHandle.sync().catch(() => undefined);
      await dirHandle.close();
    }
  }
}
