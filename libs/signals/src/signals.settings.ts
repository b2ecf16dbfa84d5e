import type { EnvReader } from '@app/config';
import type { SignalOutcome } from '@app/metrics';

export type OutcomeWeights = Readonly<Record<SignalOutcome, number>>;

export interface SignalsSettings {
  /** Upper bound of the uniform wait of `/one` … `/four`, in milliseconds. */
  readonly routeMaxLatencyMs: Readonly<{ one: number; two: number; three: number; four: number }>;
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
  routeMaxLatencyMs: [200, 400, 600, 800],
  sampleWeights: [80, 10, 10],
  sampleMaxLatencyMs: 200,
  latencyCapMs: 5_000,
} as const;

/** Reads the signals' knobs from the `SIGNALS_*` environment variables; see the README's table. */
export function readSignalsSettings(reader: EnvReader): SignalsSettings {
  const latencyCapMs = reader.integer('SIGNALS_LATENCY_CAP_MS', {
    default: SIGNALS_DEFAULTS.latencyCapMs,
    min: 0,
    max: 60_000,
  });
  const [one, two, three, four] = reader.numberList(
    'SIGNALS_ROUTE_MAX_LATENCY_MS',
    SIGNALS_DEFAULTS.routeMaxLatencyMs,
    4,
  );
  const routeMaxLatencies = [one, two, three, four];
  if (routeMaxLatencies.some((value) => value > latencyCapMs)) {
    reader.reject(
      'SIGNALS_ROUTE_MAX_LATENCY_MS',
      `must not exceed SIGNALS_LATENCY_CAP_MS (${latencyCapMs}), got ${routeMaxLatencies.join(',')}`,
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
    routeMaxLatencyMs: { one, two, three, four },
    sampleWeights: { ok, not_found: notFound, server_error: serverError },
    sampleMaxLatencyMs,
    latencyCapMs,
    seed,
  };
}
