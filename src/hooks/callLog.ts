/**
 * The integrator-api calls of one run, bounded. A script is the account's code: a loop of calls
 * that fail at once made some 18,000 a second, each an entry the host kept and printed, and with
 * an environment each is a real request with the user's token. Past MAX_API_CALLS a run's calls
 * are refused inside the script (they throw) without a request, and counted in one last entry.
 */

/** One integrator-api call a run made: how long it took, and its error if it failed. */
export interface HookCall {
  path: string;
  ms: number;
  error?: string;
}

/** Far past what a hook makes for a page of records (a lookup or two per record). */
export const MAX_API_CALLS = 2_000;

export class CallLog {
  private readonly made: HookCall[] = [];
  private refused = 0;

  /** Whether the call may be made; a refused one is counted, and its error is what the script gets. */
  admit(): { ok: true } | { ok: false; error: string } {
    if (this.made.length < MAX_API_CALLS) return { ok: true };
    this.refused++;
    return { ok: false, error: `integrator-api: a local run makes at most ${MAX_API_CALLS} calls; this one was not made` };
  }

  record(call: HookCall): void {
    this.made.push(call);
  }

  /** The calls made, then one entry for those refused. */
  list(): HookCall[] {
    if (this.refused === 0) return [...this.made];
    return [
      ...this.made,
      {
        path: '(more calls)',
        ms: 0,
        error: `${this.refused} more call${this.refused === 1 ? ' was' : 's were'} refused: a local run makes at most ${MAX_API_CALLS}`,
      },
    ];
  }
}
