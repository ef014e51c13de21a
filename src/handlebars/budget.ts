/**
 * What one render may spend: steps (every block body a helper renders, every helper call) and
 * output characters. A template from an account with a loop in a loop over a large sample would
 * otherwise build gigabytes; past the budget the render stops with a problem that says which.
 */
export interface RenderLimits {
  templateChars: number;
  steps: number;
  outputChars: number;
}

export const DEFAULT_LIMITS: RenderLimits = { templateChars: 256 * 1024, steps: 1_000_000, outputChars: 10 * 1024 * 1024 };

export class BudgetExceeded extends Error {}

export class Budget {
  private steps = 0;
  private chars = 0;

  constructor(private readonly limits: RenderLimits) {}

  step(): void {
    if (++this.steps > this.limits.steps)
      throw new BudgetExceeded(`The template took more than ${this.limits.steps.toLocaleString('en-US')} steps; it was stopped.`);
  }

  /** Counts output as it is made; a block's output is counted again in the block around it, which only makes the limit stricter. */
  output(chars: number): void {
    // Never NaN: a count that is not a number would make every later comparison false.
    this.chars += Number.isFinite(chars) ? chars : 0;
    if (this.chars > this.limits.outputChars)
      throw new BudgetExceeded(
        `The template's output passed ${this.limits.outputChars.toLocaleString('en-US')} characters; it was stopped.`,
      );
  }
}
