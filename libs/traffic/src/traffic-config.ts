import type { RouteMix } from './route-mix.js';
import type { TaskWeights } from './task-weights.js';

/**
 * What a caller asks of a traffic run. Every field is optional here so that one validation pass can
 * report every problem at once; `resolveTrafficOptions` applies the defaults of `TRAFFIC_DEFAULTS`
 * and the caps of `TRAFFIC_LIMITS`.
 */
export interface TrafficConfig {
  /** Base URLs of the apps to call, e.g. `http://127.0.0.1:8080`; requests are spread evenly (round robin). Required. */
  targets?: readonly string[];
  /** Requests in flight at most at any time (the course's 4 threads). Default 4. */
  concurrency?: number;
  /** Requests started per second at most. Unset: as fast as the concurrency allows. */
  rate?: number;
  /** Stop starting requests after this many seconds. At least one of `durationSeconds` and `requests` is required. */
  durationSeconds?: number;
  /** Send exactly this many requests (fewer only if the duration ends first or the run is aborted). */
  requests?: number;
  /** Relative weight of each route, as an object or as text `one=1,error=1,sample-signals=5`. Default `DEFAULT_ROUTE_MIX`. */
  mix?: string | RouteMix;
  /** Weights of the /sample-signals outcomes, as an object or as text `80,10,10`. Unset: the server's own defaults. */
  taskWeights?: string | TaskWeights;
  /** Client timeout of one request, in seconds, response body included (the course used 1 s). Default 1. */
  timeoutSeconds?: number;
  /** Seed of the route choice: the same seed gives the same sequence of routes. Unset: a random seed, reported. */
  seed?: number;
  /**
   * Share of requests, from 0 to 1, sent with a query parameter their route does not accept, which it refuses with
   * a 400: the traffic of a client that sends malformed requests. Default 0.
   */
  refusedShare?: number;
}

export type TrafficOptionName = keyof TrafficConfig;
