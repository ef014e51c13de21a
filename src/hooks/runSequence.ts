/**
 * The order of one hook view's runs. Runs overlap: run on edit starts a run while an earlier one
 * still waits on a slow integrator-api call, or Run again is clicked twice. Each run takes the
 * next number when it starts, and only the newest run started may show what it found, so an
 * older result (or failure) that arrives late never replaces a newer one.
 */
export class RunSequence {
  private newest = 0;

  /** A new run: its number, higher than every run started before it. */
  start(): number {
    return ++this.newest;
  }

  /** Whether run `run` may still show its result: no run started after it. */
  isNewest(run: number): boolean {
    return run === this.newest;
  }
}
