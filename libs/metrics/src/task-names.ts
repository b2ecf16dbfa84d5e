/** What a task answered. Bounded: safe as a label value. */
export const TASK_OUTCOMES = ['ok', 'not_found', 'server_error'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/**
 * A route of the demo business. `fixed`: waits up to `maxLatencyMs` (TASKS_ROUTE_MAX_LATENCY_MS overrides it),
 * then answers `outcome`. `sampled`: the outcome is drawn by the TASKS_WEIGHTS, the wait bound is
 * TASKS_MAX_LATENCY_MS or the query's; `/sample-signals` is the course assignment's route.
 */
export type TaskRoute =
  | {
      readonly path: `/${string}`;
      readonly kind: 'fixed';
      readonly outcome: TaskOutcome;
      readonly maxLatencyMs: number;
    }
  | { readonly path: `/${string}`; readonly kind: 'sampled'; readonly maxLatencyMs: number };

/**
 * The course's routes, declared once, by task name (the `task_name` label value). The controller, the settings,
 * the traffic generator, the benchmark, the dashboards and the tests read this table: a route added here is
 * served, configured, generated, charted and tested with nothing else to change.
 */
export const TASK_ROUTES = {
  one: { path: '/one', kind: 'fixed', outcome: 'ok', maxLatencyMs: 200 },
  two: { path: '/two', kind: 'fixed', outcome: 'ok', maxLatencyMs: 400 },
  three: { path: '/three', kind: 'fixed', outcome: 'ok', maxLatencyMs: 600 },
  four: { path: '/four', kind: 'fixed', outcome: 'ok', maxLatencyMs: 800 },
  // The course's error route: fails at once.
  error: { path: '/error', kind: 'fixed', outcome: 'server_error', maxLatencyMs: 0 },
  sample: { path: '/sample-signals', kind: 'sampled', maxLatencyMs: 200 },
} as const satisfies Record<string, TaskRoute>;

/**
 * The query parameters of the sampled route (`/sample-signals?weight_ok=1&max_latency_ms=0`): each outcome's
 * weight, and the wait bound. Part of the route's contract: the route validates them, the traffic generator and
 * the tests send them.
 */
export const SAMPLED_ROUTE_PARAMETERS = {
  weights: { ok: 'weight_ok', not_found: 'weight_not_found', server_error: 'weight_server_error' },
  maxLatencyMs: 'max_latency_ms',
} as const satisfies { weights: Record<TaskOutcome, string>; maxLatencyMs: string };

/** The tasks, each a route of the demo business. Bounded: safe as a label value. */
export type TaskName = keyof typeof TASK_ROUTES;
export const TASK_NAMES = Object.keys(TASK_ROUTES) as TaskName[];

/** The tasks whose route answers a fixed outcome after a bounded wait. */
export type FixedTask = {
  [Name in TaskName]: (typeof TASK_ROUTES)[Name]['kind'] extends 'fixed' ? Name : never;
}[TaskName];
export const FIXED_TASKS = TASK_NAMES.filter((name): name is FixedTask => TASK_ROUTES[name].kind === 'fixed');

/** The HTTP status each outcome is answered with. */
export const OUTCOME_STATUS: Readonly<Record<TaskOutcome, 200 | 404 | 500>> = {
  ok: 200,
  not_found: 404,
  server_error: 500,
};
