import { randomInt } from 'node:crypto';

/**
 * Where the tasks, and the traffic generator, draw their randomness. Injected, so that a seed makes a whole run reproducible
 * (tests, demos) while production draws a fresh seed.
 */
export abstract class RandomSource {
  /** A number in [0, 1). */
  abstract next(): number;
}

/**
 * mulberry32: tiny, fast, and good enough to pick outcomes and waits; not for cryptography.
 * The seed is a 32-bit unsigned integer (others are wrapped into that range); unset draws one.
 */
export class SeededRandomSource extends RandomSource {
  private state: number;

  constructor(readonly seed: number = randomInt(0, 2 ** 32)) {
    super();
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
