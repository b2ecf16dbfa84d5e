import { WORKLOAD_PATH, WORKLOAD_WAIT_MS } from '@app/tasks';

/**
 * The requests each round sends, all variants alike. The apps run with every configurable wait set to 0; `waits`
 * marks the scenario whose handler waits by design, where the server is not meant to be CPU-bound.
 */
export const BENCHMARK_SCENARIOS = {
  one: {
    path: '/one',
    summary: 'GET /one, no wait: the smallest handler, so the cost of the metrics shows in full',
  },
  'sample-signals': {
    path: '/sample-signals',
    summary: 'GET /sample-signals, no wait, outcomes 80 % 200, 10 % 404, 10 % 500 (exception filters)',
  },
  work: {
    path: WORKLOAD_PATH,
    summary: `GET ${WORKLOAD_PATH}: ${String(WORKLOAD_WAIT_MS)} ms of simulated I/O, then about 1 KB of JSON, a realistic handler`,
    waits: true,
  },
} as const;

export type ScenarioName = keyof typeof BENCHMARK_SCENARIOS;
export const SCENARIO_NAMES = Object.keys(BENCHMARK_SCENARIOS) as ScenarioName[];
