/**
 * The documents of an account flow's steps, read once each (GET /exports/:id, /imports/:id) for
 * what the tree's lists leave out: the hooks, filters, transforms and mappings a diagram marks, and
 * the hook scripts its steps offer to run. Read a few at a time; a step that cannot be read is
 * tried once and then drawn with what the lists say.
 */
import { isJsonObject } from '../api/types';

type Json = Record<string, unknown>;
export type StepRef = { kind: 'exports' | 'imports'; id: string };

/** How many steps are read at once: a 200-step flow must not open 200 requests together. */
const AT_ONCE = 6;

export class StepDocuments {
  private readonly docs = new Map<string, Json>();
  private readonly tried = new Set<string>();

  constructor(private readonly read: (ref: StepRef) => Promise<Json>) {}

  get(id: string): Json | undefined {
    return this.docs.get(id);
  }

  /** Reads the documents of `refs` not tried yet; resolves true when any arrived. */
  async load(refs: StepRef[]): Promise<boolean> {
    const missing = refs.filter((r) => !this.tried.has(r.id));
    for (const r of missing) this.tried.add(r.id);
    let arrived = false;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < missing.length) {
        const ref = missing[next++]!;
        try {
          this.docs.set(ref.id, await this.read(ref));
          arrived = true;
        } catch {
          // Drawn from the lists' facts; the document's own view says why it cannot be read.
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, missing.length) }, worker));
    return arrived;
  }
}

/** A hook of a step that names a script: the hook, its script and the function. */
export interface ScriptHook {
  hook: string;
  scriptId: string;
  functionName: string;
}

export function scriptHooksOf(doc: Json | undefined): ScriptHook[] {
  const hooks = doc?.hooks;
  if (!isJsonObject(hooks)) return [];
  return Object.entries(hooks).flatMap(([hook, h]) =>
    isJsonObject(h) && typeof h._scriptId === 'string' && typeof h.function === 'string' && h._scriptId && h.function
      ? [{ hook, scriptId: h._scriptId, functionName: h.function }]
      : [],
  );
}
