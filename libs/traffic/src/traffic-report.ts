import type { LatencySummary } from './latency-recorder.js';
import type { Counts } from './traffic-tally.js';

/** Why a run ended: its request count was reached, its duration elapsed, or its caller aborted it. */
export type StopReason = 'requests' | 'duration' | 'aborted';

/** The outcome of a run; plain data, so `JSON.stringify` gives the `--json` output. */
export interface TrafficReport {
  readonly startedAt: string;
  readonly elapsedSeconds: number;
  readonly stopReason: StopReason;
  /** Seed of the route choice: pass it again to replay the same sequence of routes. */
  readonly seed: number;
  /** Requests in flight at most. */
  readonly concurrency: number;
  /** The pace asked for (req/s), or null for none. */
  readonly targetRate: number | null;
  /** Requests started per second over the whole run. */
  readonly achievedRate: number;
  /** Requests sent; every one of them finished (with a response, a timeout or an error) before the report. */
  readonly sent: number;
  /** Sent requests by target URL, in the order the targets were given. */
  readonly byTarget: Counts;
  /** Sent requests by route, for every route of the mix. */
  readonly byRoute: Counts;
  /** Sent requests by HTTP status, then `timeout` and `error` (network failures). */
  readonly byStatus: Counts;
  /** Route → status → requests. */
  readonly byRouteAndStatus: Readonly<Record<string, Counts>>;
  /** Network failures by Node error code (ECONNREFUSED, ECONNRESET, ...). */
  readonly networkErrors: Counts;
  /** Latency of the complete responses, or null when there was none. */
  readonly latency: LatencySummary | null;
}
