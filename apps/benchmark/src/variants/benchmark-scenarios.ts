/** The requests each round sends, all variants alike. The apps run with every wait set to 0. */
export const BENCHMARK_SCENARIOS = {
  one: {
    path: '/one',
    summary: 'GET /one, no wait: the smallest handler, so the cost of the metrics shows in full',
  },
  'sample-signals': {
    path: '/sample-signals',
    summary: 'GET /sample-signals, no wait, outcomes 80 % 200, 10 % 404, 10 % 500 (exception filters)',
  },
} as const;

export type ScenarioName = keyof typeof BENCHMARK_SCENARIOS;
export const SCENARIO_NAMES = Object.keys(BENCHMARK_SCENARIOS) as ScenarioName[];
