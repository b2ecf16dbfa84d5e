import type { LatencyRecorder } from './latency-recorder.js';
import { ERROR_KEY, TIMEOUT_KEY } from './request-outcome.js';
import type { TrafficOptions } from './traffic-options.js';
import type { StopReason, TrafficReport } from './traffic-report.js';
import { ROUTE_NAMES } from './traffic-routes.js';
import type { Counts, TrafficTally } from './traffic-tally.js';

export interface FinishedRun {
  options: TrafficOptions;
  startedAt: Date;
  elapsedSeconds: number;
  stopReason: StopReason;
  sent: number;
  tally: TrafficTally;
  latencies: LatencyRecorder;
}

/**
 * Turns a finished run into its report, in a stable order that reads the same run after run: targets
 * as given, routes as catalogued (every route of the mix, even at 0), statuses ascending, then
 * `timeout` and `error`.
 */
export function buildTrafficReport(run: FinishedRun): TrafficReport {
  const { options, tally } = run;
  const routes = ROUTE_NAMES.filter((route) => (options.mix[route] ?? 0) > 0);
  const byRouteAndStatus = tally.byRouteAndOutcome();
  return {
    startedAt: run.startedAt.toISOString(),
    elapsedSeconds: run.elapsedSeconds,
    stopReason: run.stopReason,
    seed: options.seed,
    concurrency: options.concurrency,
    targetRate: options.rate ?? null,
    achievedRate: run.elapsedSeconds > 0 ? run.sent / run.elapsedSeconds : 0,
    sent: run.sent,
    byTarget: inOrder(tally.byTarget(), options.targets),
    byRoute: inOrder(tally.byRoute(), routes),
    byStatus: inOrder(tally.byOutcome(), outcomeOrder(Object.keys(tally.byOutcome()))),
    byRouteAndStatus: Object.fromEntries(
      routes.map((route) => {
        const row = byRouteAndStatus[route] ?? {};
        return [route, inOrder(row, outcomeOrder(Object.keys(row)))];
      }),
    ),
    networkErrors: inOrder(tally.networkErrors(), Object.keys(tally.networkErrors()).sort()),
    latency: run.latencies.summary() ?? null,
  };
}

/** HTTP statuses ascending, then `timeout`, then `error`. */
export function outcomeOrder(keys: readonly string[]): string[] {
  const rank = (key: string) => (key === TIMEOUT_KEY ? 1000 : key === ERROR_KEY ? 1001 : Number(key));
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

/** `counts` with exactly `keys`, in that order, 0 where a key was never counted. */
function inOrder(counts: Counts, keys: readonly string[]): Counts {
  return Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0]));
}
