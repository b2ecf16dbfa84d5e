import type { EnvReader } from '@app/config';
import { FIXED_SIGNALS, SIGNAL_ROUTES, type FixedSignal, type SignalOutcome } from '@app/metrics';

export type OutcomeWeights = Readonly<Record<SignalOutcome, number>>;

export interface SignalsSettings {
  /** Upper bound of the uniform wait of each fixed route (`/one` … `/four`, `/error`), in milliseconds. */
  readonly routeMaxLatencyMs: Readonly<Record<FixedSignal, number>>;
  /** Relative weights of the `/sample-signals` outcomes (any non-negative numbers, positive sum). */
  readonly sampleWeights: OutcomeWeights;
  /** Upper bound of the uniform wait of `/sample-signals`, in milliseconds. */
  readonly sampleMaxLatencyMs: number;
  /** No wait may exceed this, whether configured or asked for in a query: no request can pin a server. */
  readonly latencyCapMs: number;
  /** Seed of the random source; unset draws one, so runs differ. Set it for reproducible runs. */
  readonly seed?: number;
}

export const SIGNALS_DEFAULTS = {
  /** The route table's bounds (libs/metrics, SIGNAL_ROUTES). */
  routeMaxLatencyMs: Object.fromEntries(
    FIXED_SIGNALS.map((signal) => [signal, SIGNAL_ROUTES[signal].maxLatencyMs]),
  ) as Readonly<Record<FixedSignal, number>>,
  sampleWeights: [80, 10, 10],
  sampleMaxLatencyMs: SIGNAL_ROUTES.sample.maxLatencyMs,
  latencyCapMs: 5_000,
} as const;

/**
 * The `SIGNALS_*` variables that make every route answer at once, derived from the route table: for the tests that
 * count requests and the benchmark that times them, so that no wait hides in the numbers and no copy of the route
 * list has to follow a new route.
 */
export const NO_WAIT_SIGNALS_ENV: Readonly<Record<string, string>> = {
  SIGNALS_ROUTE_MAX_LATENCY_MS: FIXED_SIGNALS.map((signal) => `${signal}=0`).join(','),
  SIGNALS_MAX_LATENCY_MS: '0',
};

/** Reads the signals' knobs from the `SIGNALS_*` environment variables; see the README's table. */
export function readSignalsSettings(reader: EnvReader): SignalsSettings {
  const latencyCapMs = reader.integer('SIGNALS_LATENCY_CAP_MS', {
    default: SIGNALS_DEFAULTS.latencyCapMs,
    min: 0,
    max: 60_000,
  });
  // Keyed by signal (`one=0,four=100`): a route added to the table changes no existing setting.
  const routeMaxLatencyMs = reader.keyedNumbers('SIGNALS_ROUTE_MAX_LATENCY_MS', SIGNALS_DEFAULTS.routeMaxLatencyMs);
  const overCap = Object.entries(routeMaxLatencyMs).filter(([, value]) => value > latencyCapMs);
  if (overCap.length > 0) {
    reader.reject(
      'SIGNALS_ROUTE_MAX_LATENCY_MS',
      `must not exceed SIGNALS_LATENCY_CAP_MS (${latencyCapMs}), got ${overCap.map(([signal, value]) => `${signal}=${value}`).join(',')}`,
    );
  }
  const [ok, notFound, serverError] = reader.numberList('SIGNALS_WEIGHTS', SIGNALS_DEFAULTS.sampleWeights, 3);
  if (ok + notFound + serverError <= 0) {
    reader.reject('SIGNALS_WEIGHTS', 'must have a positive sum (weights of 200, 404 and 500)');
  }
  const sampleMaxLatencyMs = reader.integer('SIGNALS_MAX_LATENCY_MS', {
    default: SIGNALS_DEFAULTS.sampleMaxLatencyMs,
    min: 0,
  });
  // Checked after reading, not as the reader's `max`, so that the default is held to the cap too.
  if (sampleMaxLatencyMs > latencyCapMs) {
    reader.reject(
      'SIGNALS_MAX_LATENCY_MS',
      `must not exceed SIGNALS_LATENCY_CAP_MS (${latencyCapMs}), got ${sampleMaxLatencyMs}`,
    );
  }
  const seed = reader.optionalNumber('SIGNALS_SEED', { integer: true, min: 0, max: 2 ** 32 - 1 });
  return {
    routeMaxLatencyMs,
    sampleWeights: { ok, not_found: notFound, server_error: serverError },
    sampleMaxLatencyMs,
    latencyCapMs,
    seed,
  };
}
