import type { EnvReader } from '@app/config';
import { FIXED_TASKS, TASK_ROUTES, type FixedTask, type TaskOutcome } from '@app/metrics';

export type OutcomeWeights = Readonly<Record<TaskOutcome, number>>;

export interface TasksSettings {
  /** Upper bound of the uniform wait of each fixed route (`/one` … `/four`, `/error`), in milliseconds. */
  readonly routeMaxLatencyMs: Readonly<Record<FixedTask, number>>;
  /** Relative weights of the `/sample-signals` outcomes (any non-negative numbers, positive sum). */
  readonly sampleWeights: OutcomeWeights;
  /** Upper bound of the uniform wait of `/sample-signals`, in milliseconds. */
  readonly sampleMaxLatencyMs: number;
  /** No wait may exceed this, whether configured or asked for in a query: no request can pin a server. */
  readonly latencyCapMs: number;
  /** Seed of the random source; unset draws one, so runs differ. Set it for reproducible runs. */
  readonly seed?: number;
  /** Extra series, all 0, for load tests of the scrape (`loadTestSeries` in libs/metrics); 0: none. */
  readonly loadTestSeries?: number;
}

export const TASKS_DEFAULTS = {
  /** The route table's bounds (libs/metrics, TASK_ROUTES). */
  routeMaxLatencyMs: Object.fromEntries(FIXED_TASKS.map((task) => [task, TASK_ROUTES[task].maxLatencyMs])) as Readonly<
    Record<FixedTask, number>
  >,
  sampleWeights: [80, 10, 10],
  sampleMaxLatencyMs: TASK_ROUTES.sample.maxLatencyMs,
  latencyCapMs: 5_000,
} as const;

/**
 * The `TASKS_*` variables that make every route answer at once, derived from the route table: for the tests that
 * count requests and the benchmark that times them, so that no wait hides in the numbers and no copy of the route
 * list has to follow a new route.
 */
export const NO_WAIT_TASKS_ENV: Readonly<Record<string, string>> = {
  TASKS_ROUTE_MAX_LATENCY_MS: FIXED_TASKS.map((task) => `${task}=0`).join(','),
  TASKS_MAX_LATENCY_MS: '0',
};

/** A bound: past it, the padding would measure the machine's memory rather than a service's scrape. */
const MAX_LOAD_TEST_SERIES = 50_000;

/** Reads the tasks' knobs from the `TASKS_*` environment variables; see the README's table. */
export function readTasksSettings(reader: EnvReader): TasksSettings {
  const latencyCapMs = reader.integer('TASKS_LATENCY_CAP_MS', {
    default: TASKS_DEFAULTS.latencyCapMs,
    min: 0,
    max: 60_000,
  });
  // Keyed by task (`one=0,four=100`): a route added to the table changes no existing setting.
  const routeMaxLatencyMs = reader.keyedNumbers('TASKS_ROUTE_MAX_LATENCY_MS', TASKS_DEFAULTS.routeMaxLatencyMs);
  const overCap = Object.entries(routeMaxLatencyMs).filter(([, value]) => value > latencyCapMs);
  if (overCap.length > 0) {
    reader.reject(
      'TASKS_ROUTE_MAX_LATENCY_MS',
      `must not exceed TASKS_LATENCY_CAP_MS (${latencyCapMs}), got ${overCap.map(([task, value]) => `${task}=${value}`).join(',')}`,
    );
  }
  const [ok, notFound, serverError] = reader.numberList('TASKS_WEIGHTS', TASKS_DEFAULTS.sampleWeights, 3);
  if (ok + notFound + serverError <= 0) {
    reader.reject('TASKS_WEIGHTS', 'must have a positive sum (weights of 200, 404 and 500)');
  }
  const sampleMaxLatencyMs = reader.integer('TASKS_MAX_LATENCY_MS', {
    default: TASKS_DEFAULTS.sampleMaxLatencyMs,
    min: 0,
  });
  // Checked after reading, not as the reader's `max`, so that the default is held to the cap too.
  if (sampleMaxLatencyMs > latencyCapMs) {
    reader.reject(
      'TASKS_MAX_LATENCY_MS',
      `must not exceed TASKS_LATENCY_CAP_MS (${latencyCapMs}), got ${sampleMaxLatencyMs}`,
    );
  }
  const seed = reader.optionalNumber('TASKS_SEED', { integer: true, min: 0, max: 2 ** 32 - 1 });
  const loadTestSeries = reader.integer('TASKS_LOAD_TEST_SERIES', { default: 0, min: 0, max: MAX_LOAD_TEST_SERIES });
  return {
    routeMaxLatencyMs,
    sampleWeights: { ok, not_found: notFound, server_error: serverError },
    sampleMaxLatencyMs,
    latencyCapMs,
    seed,
    loadTestSeries,
  };
}
