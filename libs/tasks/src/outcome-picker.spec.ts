import { SeededRandomSource } from '@app/random';
import { TASK_OUTCOMES } from '@app/metrics';
import { pickOutcome } from './outcome-picker.js';
import type { OutcomeWeights } from './tasks.settings.js';

/** The largest double below 1: the highest draw a RandomSource may return. */
const HIGHEST_DRAW = 1 - Number.EPSILON / 2;

/** `count` draws spread evenly over [0, 1), edges included. */
function evenDraws(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i / count).concat(HIGHEST_DRAW);
}

describe('pickOutcome', () => {
  const courseWeights: OutcomeWeights = { ok: 80, not_found: 10, server_error: 10 };

  it.each([
    [0, 'ok'],
    [0.5, 'ok'],
    [0.7999999, 'ok'],
    [0.8, 'not_found'],
    [0.8999999, 'not_found'],
    [0.9, 'server_error'],
    [0.9999999, 'server_error'],
    [HIGHEST_DRAW, 'server_error'],
  ])('maps the draw %p to %p with weights 80/10/10', (draw, outcome) => {
    expect(pickOutcome(courseWeights, draw)).toBe(outcome);
  });

  it('gives each outcome a share of evenly spread draws equal to its share of the weights', () => {
    const weights: OutcomeWeights = { ok: 3, not_found: 1, server_error: 6 };
    const counts = { ok: 0, not_found: 0, server_error: 0 };
    for (const draw of evenDraws(10_000).slice(0, 10_000)) counts[pickOutcome(weights, draw)] += 1;
    expect(counts).toEqual({ ok: 3_000, not_found: 1_000, server_error: 6_000 });
  });

  it('depends on the weights’ ratios only', () => {
    // Scaled by a power of two, so that the doubles scale exactly and every boundary stays in place.
    const scaled: OutcomeWeights = { ok: 80 / 16, not_found: 10 / 16, server_error: 10 / 16 };
    for (const draw of evenDraws(1_000)) expect(pickOutcome(scaled, draw)).toBe(pickOutcome(courseWeights, draw));
  });

  it.each([
    { ok: 0, not_found: 1, server_error: 1 },
    { ok: 1, not_found: 0, server_error: 1 },
    { ok: 1, not_found: 1, server_error: 0 },
    { ok: 0, not_found: 0, server_error: 1 },
    { ok: 1, not_found: 0, server_error: 0 },
    { ok: 0, not_found: 1, server_error: 0 },
  ])('never picks an outcome of weight 0 (%p), not even at the edges', (weights) => {
    const picked = new Set(evenDraws(1_000).map((draw) => pickOutcome(weights, draw)));
    const possible = TASK_OUTCOMES.filter((outcome) => weights[outcome] > 0);
    expect([...picked].sort()).toEqual([...possible].sort());
  });

  it.each([
    [{ ok: 0.1, not_found: 0.2, server_error: 0.7 }, 'server_error'],
    [{ ok: 0.1, not_found: 0.1, server_error: 0.6 }, 'server_error'],
    [{ ok: 0.03, not_found: 0.27, server_error: 0 }, 'not_found'],
    [{ ok: 1e-9, not_found: 0, server_error: 0 }, 'ok'],
  ])(
    'gives the highest draw to the last outcome of positive weight, whatever the rounding (%p)',
    (weights, outcome) => {
      // With these weights, subtracting each weight from HIGHEST_DRAW × total in turn would leave a
      // remainder equal to the last weight, and so pick nothing.
      expect(pickOutcome(weights, HIGHEST_DRAW)).toBe(outcome);
    },
  );

  it.each([1, -0.1, Number.NaN])('refuses the draw %p, outside [0, 1)', (draw) => {
    expect(() => pickOutcome(courseWeights, draw)).toThrow(RangeError);
  });

  it.each([
    { ok: 0, not_found: 0, server_error: 0 },
    { ok: Number.POSITIVE_INFINITY, not_found: 0, server_error: 0 },
  ])('refuses weights without a finite positive sum (%p) rather than guessing', (weights) => {
    expect(() => pickOutcome(weights, 0.5)).toThrow(RangeError);
  });

  // With the seeded source the app draws from.
  it('yields the 80/10/10 outcome frequencies of the default weights within tight bounds over 100k picks', () => {
    const count = 100_000;
    const source = new SeededRandomSource(42);
    const weights = { ok: 80, not_found: 10, server_error: 10 };
    const counts = { ok: 0, not_found: 0, server_error: 0 };
    for (let i = 0; i < count; i += 1) counts[pickOutcome(weights, source.next())] += 1;
    // Standard deviation of a share p over n draws is sqrt(p(1-p)/n): 0.0013 for 0.8, 0.00095 for 0.1.
    // ±0.005 is about 4 of them; the seed makes the check deterministic, the bound makes it meaningful.
    for (const outcome of TASK_OUTCOMES) {
      expect(Math.abs(counts[outcome] / count - weights[outcome] / 100)).toBeLessThan(0.005);
    }
  });
});
