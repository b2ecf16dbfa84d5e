import type { RouteMix } from './route-mix.js';
import type { TaskWeights } from './task-weights.js';

/** A validated run: every default applied, every bound explicit. Built by `resolveTrafficOptions`. */
export interface TrafficOptions {
  /** Normalized base URLs (no trailing slash). */
  readonly targets: readonly string[];
  readonly concurrency: number;
  /** Requests per second, or undefined for no limit. */
  readonly rate: number | undefined;
  /** The request bound asked for, or undefined when only the duration bounds the run. */
  readonly requests: number | undefined;
  /** The duration asked for, in seconds, or undefined when only the request count bounds the run. */
  readonly durationSeconds: number | undefined;
  /** The bounds the run really obeys: what was asked, or the hard cap where nothing was. */
  readonly maxRequests: number;
  readonly maxDurationSeconds: number;
  readonly mix: RouteMix;
  readonly taskWeights: TaskWeights | undefined;
  readonly timeoutSeconds: number;
  readonly seed: number;
  readonly refusedShare: number;
}
