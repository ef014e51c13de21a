/**
 * 24-hex, Mongo-style object ids, as integrator.io uses: 4 bytes of seconds, then a counter.
 * A generator can be seeded so seed data gets the same ids on every start.
 */
import { randomBytes } from 'crypto';

export class IdGenerator {
  private counter: number;
  private readonly machine: string;

  constructor(seed?: number) {
    this.counter = seed ?? randomBytes(3).readUIntBE(0, 3);
    this.machine = seed === undefined ? randomBytes(5).toString('hex') : hex(seed * 7919, 10);
  }

  /** A new id; `at` sets the time part (seed data from the past). */
  next(at: Date = new Date()): string {
    this.counter = (this.counter + 1) % 0xffffff;
    return hex(Math.floor(at.getTime() / 1000), 8) + this.machine + hex(this.counter, 6);
  }
}

/** A numeric-string id like the API's `errorId`s ("5634326309"). */
export function numericId(n: number): string {
  return String(5_000_000_000 + n);
}

/** A 32-hex key like the API's `retryDataKey`s. */
export function hexKey(): string {
  return randomBytes(16).toString('hex');
}

function hex(value: number, width: number): string {
  return (Math.floor(value) % 16 ** width).toString(16).padStart(width, '0');
}
