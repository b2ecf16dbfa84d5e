import { FIXED_TASKS, TASK_ROUTES } from '@app/metrics';
/**
 * One request per series the apps can create: every route, every outcome, a rejected query, an
 * unmatched path and method. Labels are bounded, so this is the most series a scrape can carry: the
 * scrape is then timed at its largest, not at the few series a single route leaves.
 */
const SAMPLED = TASK_ROUTES.sample.path;
const FORCED = (ok: number, notFound: number, serverError: number) =>
  `${SAMPLED}?weight_ok=${ok}&weight_not_found=${notFound}&weight_server_error=${serverError}`;

export const SERIES_POPULATION: ReadonlyArray<{ readonly method: 'GET' | 'POST'; readonly path: string }> = [
  // Every fixed route of the table (libs/metrics' TASK_ROUTES).
  ...FIXED_TASKS.map((task) => ({ method: 'GET' as const, path: TASK_ROUTES[task].path })),
  { method: 'GET', path: FORCED(1, 0, 0) },
  { method: 'GET', path: FORCED(0, 1, 0) },
  { method: 'GET', path: FORCED(0, 0, 1) },
  { method: 'GET', path: `${SAMPLED}?weight_ok=lots` },
  { method: 'GET', path: '/one?unexpected=1' },
  { method: 'GET', path: '/nowhere' },
  { method: 'POST', path: '/one' },
  { method: 'GET', path: '/health' },
];

export async function populateSeries(baseUrl: string): Promise<void> {
  for (const { method, path } of SERIES_POPULATION) {
    const response = await fetch(`${baseUrl}${path}`, { method });
    await response.arrayBuffer();
  }
}
