/**
 * A second fence on the debugged process's memory (debugEntry.ts). The heap limit
 * (--max-old-space-size) ends a run on its own, but not under the debugger: with a debugger
 * attached, V8 pauses "before a potential out-of-memory crash" and raises the heap limit
 * fourfold so that the user can look. This thread watches the whole process's resident memory,
 * which also counts what lives outside the heap, and ends the process past the limit plus room
 * for Node itself, after leaving a note in the run's folder that says why.
 *
 * A thread, because the script runs synchronously on the main one (or sits paused in the
 * debugger) and no timer of its own would fire; VS Code's debugger lists it beside the script.
 */
import { Worker } from 'worker_threads';

/** Node's own memory beside the script's heap: code, the debugger's agent, buffers. */
const NODE_ROOM_MB = 256;

const WATCH = `
const { workerData } = require('worker_threads');
const fs = require('fs');
setInterval(() => {
  if (process.memoryUsage.rss() <= workerData.ceiling) return;
  try {
    fs.writeFileSync(workerData.note, JSON.stringify({ limitMb: workerData.limitMb }), { flag: 'wx', mode: 0o600 });
  } catch {}
  process.kill(process.pid, 'SIGKILL');
}, 50);
`;

export const MEMORY_NOTE = 'out-of-memory.json';

/** Watches until stopped (the thread does not keep the process alive, but stopping it lets it end at once). */
export function watchMemory(limitMb: number, note: string): () => void {
  const worker = new Worker(WATCH, { eval: true, workerData: { ceiling: (limitMb + NODE_ROOM_MB) * 1024 * 1024, limitMb, note } });
  worker.unref();
  return () => void worker.terminate();
}
