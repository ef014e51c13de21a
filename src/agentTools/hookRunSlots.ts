/**
 * How many agent runs of a hook (integratorRunHook) run at once in this process. Each run takes
 * a worker thread with up to DEFAULT_MEMORY_LIMIT_MB for the script (hooks/runner.ts); a model
 * can call the tool many times at once, and the process is the user's VS Code extension host or
 * MCP server. So runs take a slot: MAX_HOOK_RUNS at once, the rest wait their turn in order, and
 * a waiting run whose call is cancelled leaves the queue without running. A person's Run Hook…
 * click runs one at a time by hand and does not take a slot.
 */

export const MAX_HOOK_RUNS = 2;

let running = 0;
const waiting: (() => void)[] = [];

/** Thrown to a run cancelled while it waited for a slot. */
export class RunCancelledError extends Error {
  constructor() {
    super('The hook run was cancelled before it started; nothing ran.');
    this.name = 'AbortError';
  }
}

/** Runs `job` once a slot is free; rejects with RunCancelledError if `signal` aborts first. */
export async function inHookRunSlot<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  await takeSlot(signal);
  try {
    return await job();
  } finally {
    freeSlot();
  }
}

function takeSlot(signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new RunCancelledError());
  if (running < MAX_HOOK_RUNS) {
    running++;
    return Promise.resolve();
  }
  return new Promise<void>((resolve, reject) => {
    const start = () => {
      signal?.removeEventListener('abort', cancel);
      running++;
      resolve();
    };
    const cancel = () => {
      const at = waiting.indexOf(start);
      if (at >= 0) waiting.splice(at, 1);
      reject(new RunCancelledError());
    };
    waiting.push(start);
    signal?.addEventListener('abort', cancel, { once: true });
  });
}

/** How many runs wait for a slot now. */
export function hookRunsWaiting(): number {
  return waiting.length;
}

function freeSlot(): void {
  running--;
  waiting.shift()?.();
}
