import { SeededRandomSource } from './random-source.js';

function draws(source: SeededRandomSource, count: number): number[] {
  return Array.from({ length: count }, () => source.next());
}

describe('SeededRandomSource', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(new SeededRandomSource(42), 1_000)).toEqual(draws(new SeededRandomSource(42), 1_000));
  });

  it('is mulberry32, so that a seed quoted in a demo or a bug report keeps meaning the same run', () => {
    expect(draws(new SeededRandomSource(42), 3)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('gives different sequences for different seeds', () => {
    expect(draws(new SeededRandomSource(1), 10)).not.toEqual(draws(new SeededRandomSource(2), 10));
  });

  it('keeps the seed it was given, so that a run can be reported and replayed', () => {
    expect(new SeededRandomSource(7).seed).toBe(7);
  });

  it('draws a 32-bit seed when none is given', () => {
    const seeds = Array.from({ length: 20 }, () => new SeededRandomSource().seed);
    for (const seed of seeds) {
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed).toBeLessThan(2 ** 32);
    }
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it.each([0, 1, 2 ** 32 - 1, 123_456_789])('draws in [0, 1) from seed %p', (seed) => {
    const outside = draws(new SeededRandomSource(seed), 100_000).filter((draw) => !(draw >= 0 && draw < 1));
    expect(outside).toEqual([]);
  });

  it('spreads its draws evenly over [0, 1)', () => {
    const count = 100_000;
    const deciles = new Array<number>(10).fill(0);
    for (const draw of draws(new SeededRandomSource(2024), count)) deciles[Math.floor(draw * 10)] += 1;
    // Each decile expects 10 000 draws, standard deviation about 95: ±500 is more than 5 of them.
    for (const hits of deciles) expect(Math.abs(hits - count / 10)).toBeLessThan(500);
  });
});
