/** The API's leaky bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {
    this.tokens = capacity;
  }

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole seconds until one request is allowed again (at least 1). */
  secondsUntilAvailable(): number {
    this.refill();
    return Math.max(1, Math.ceil((1 - this.tokens) / this.refillPerSecond));
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.refillPerSecond);
    this.last = now;
  }
}
