import { SeededRandomSource } from '@app/random';
import type { RouteMix } from './route-mix.js';
import { ROUTE_NAMES, type RouteName } from './traffic-routes.js';

/**
 * Draws routes with probability proportional to their weight in the mix, from a seeded source:
 * the same seed and mix give the same sequence, whatever the timing of the run.
 */
export class RoutePicker {
  private readonly routes: RouteName[] = [];
  /** Cumulative weights, parallel to `routes`; the last one is the total. */
  private readonly thresholds: number[] = [];
  private readonly random: SeededRandomSource;

  constructor(mix: RouteMix, seed: number) {
    let total = 0;
    for (const name of ROUTE_NAMES) {
      const weight = mix[name] ?? 0;
      if (weight <= 0) continue;
      total += weight;
      this.routes.push(name);
      this.thresholds.push(total);
    }
    if (this.routes.length === 0) throw new Error('the route mix has no route of positive weight');
    this.random = new SeededRandomSource(seed);
  }

  next(): RouteName {
    const draw = this.random.next() * this.thresholds[this.thresholds.length - 1];
    const index = this.thresholds.findIndex((threshold) => draw < threshold);
    // Rounding can put the draw a hair above the total: the last route then takes it.
    return this.routes[index === -1 ? this.routes.length - 1 : index];
  }
}
