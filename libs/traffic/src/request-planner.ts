import { SeededRandomSource } from '@app/random';
import { RoutePicker } from './route-picker.js';
import { taskWeightsQuery } from './task-weights.js';
import type { TrafficOptions } from './traffic-options.js';
import { isSampledRoute, ROUTE_NAMES, TRAFFIC_ROUTES, type RouteName } from './traffic-routes.js';

export interface PlannedRequest {
  /** 0-based position in the run. */
  readonly index: number;
  readonly target: string;
  readonly route: RouteName;
  readonly url: string;
  /** Sent with a query parameter the route refuses (a 400), as `refusedShare` asks. */
  readonly refused: boolean;
}

/** A query parameter no route accepts: the route answers 400 and names it. */
export const REFUSED_PARAMETER = 'unexpected=1';

/**
 * Where the refusals are drawn from: a stream of its own, derived from the run's seed, so that a share of refusals
 * leaves the run's sequence of routes what it is without them.
 */
const REFUSAL_SEED_OFFSET = 0x9e3779b9;

/**
 * Hands out the run's requests, one at a time and never more than `maxRequests`: this is what makes
 * a request count exact. Targets take turns (request i goes to target i mod n), so K requests over
 * n targets split evenly; routes are drawn from the seeded mix in request order.
 */
export class RequestPlanner {
  private issued = 0;
  private readonly picker: RoutePicker;
  private readonly refusals: SeededRandomSource;
  /** URL of each route on each target, built once. */
  private readonly urls: ReadonlyArray<Readonly<Record<RouteName, string>>>;

  constructor(private readonly options: TrafficOptions) {
    this.picker = new RoutePicker(options.mix, options.seed);
    this.refusals = new SeededRandomSource((options.seed + REFUSAL_SEED_OFFSET) % 2 ** 32);
    const sampleQuery = taskWeightsQuery(options.taskWeights);
    this.urls = options.targets.map((target) => {
      const urls = {} as Record<RouteName, string>;
      for (const route of ROUTE_NAMES) {
        urls[route] = `${target}${TRAFFIC_ROUTES[route].path}${isSampledRoute(route) ? sampleQuery : ''}`;
      }
      return urls;
    });
  }

  /** How many requests were handed out so far. */
  get count(): number {
    return this.issued;
  }

  get exhausted(): boolean {
    return this.issued >= this.options.maxRequests;
  }

  /** The next request, or undefined once `maxRequests` were handed out. */
  take(): PlannedRequest | undefined {
    if (this.exhausted) return undefined;
    const index = this.issued++;
    const targetIndex = index % this.options.targets.length;
    const route = this.picker.next();
    const refused = this.options.refusedShare > 0 && this.refusals.next() < this.options.refusedShare;
    const url = this.urls[targetIndex][route];
    return {
      index,
      target: this.options.targets[targetIndex],
      route,
      url: refused ? `${url}${url.includes('?') ? '&' : '?'}${REFUSED_PARAMETER}` : url,
      refused,
    };
  }
}
