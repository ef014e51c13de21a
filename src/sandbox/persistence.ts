/**
 * Keeps the account in one JSON file. Writes are atomic (temporary file, fsync, rename), so a
 * crash mid-write leaves the previous version intact, and grouped: writes asked for while one
 * is under way are folded into the next, and each caller's promise resolves once a write that
 * includes its change is on disk. A write request acknowledged to an API client is therefore
 * durable.
 */
import { promises as fs, readdirSync, readFileSync, rmSync } from 'fs';
import * as path from 'path';

/** rw------- : the data file holds the account's secrets in clear. */
const OWNER_ONLY = 0o600;

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
    this.removeStaleTemporaries();
    let text: string;
    try {
      text = readFileSync(this.filePath, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw err;
    }
    // This file's own writing (write() below), atomic and readable by its owner only.
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
    try {
      const handle = await fs.open(temp, 'w', OWNER_ONLY);
      try {
        await handle.chmod(OWNER_ONLY); // in case the umask or an older file widened it
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.filePath);
    } catch (err) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
    // Make the rename itself durable.
    const dirHandle = await fs.open(dir, 'r').catch(() => undefined);
    if (dirHandle) {
      await dirHandle.sync().catch(() => undefined);
      await dirHandle.close();
    }
  }

  /** `<file>.<pid>.<n>.tmp` files are what a write leaves when the process dies mid-way. */
  private removeStaleTemporaries(): void {
    const dir = path.dirname(this.filePath);
    const prefix = `${path.basename(this.filePath)}.`;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = name.startsWith(prefix) ? /\.(\d+)\.\d+\.tmp$/.exec(name)?.[1] : undefined;
      if (pid && !isAlive(Number(pid))) rmSync(path.join(dir, name), { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // this process has not written yet: any such file is old
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

/** A system error's code (`ENOENT`, `EPERM`…). */
function errorCode(err: unknown): unknown {
  return err instanceof Error && 'code' in err ? err.code : undefined;
}
