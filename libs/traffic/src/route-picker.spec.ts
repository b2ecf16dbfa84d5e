import { RoutePicker } from './route-picker.js';
import type { RouteName } from './traffic-routes.js';

const draw = (picker: RoutePicker, n: number): RouteName[] => Array.from({ length: n }, () => picker.next());

describe('RoutePicker', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const mix = { one: 1, two: 1, three: 1, four: 1 };
    expect(draw(new RoutePicker(mix, 7), 50)).toEqual(draw(new RoutePicker(mix, 7), 50));
    expect(draw(new RoutePicker(mix, 7), 50)).not.toEqual(draw(new RoutePicker(mix, 8), 50));
  });

  it('follows the weights, and never picks a route of weight 0', () => {
    const counts = new Map<RouteName, number>();
    for (const route of draw(new RoutePicker({ one: 1, error: 3, two: 0 }, 1), 40_000)) {
      counts.set(route, (counts.get(route) ?? 0) + 1);
    }
    expect(counts.has('two')).toBe(false);
    expect((counts.get('one') ?? 0) / 40_000).toBeCloseTo(0.25, 1);
    expect((counts.get('error') ?? 0) / 40_000).toBeCloseTo(0.75, 1);
  });

  it('always picks the only route of a one-route mix', () => {
    expect(new Set(draw(new RoutePicker({ four: 2 }, 3), 100))).toEqual(new Set(['four']));
  });
});
