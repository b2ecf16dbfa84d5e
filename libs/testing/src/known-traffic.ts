import {
  FIXED_TASKS,
  httpMethodLabel,
  OUTCOME_STATUS,
  SAMPLED_ROUTE_PARAMETERS,
  TASK_NAMES,
  TASK_OUTCOMES,
  TASK_ROUTES,
  UNMATCHED_ROUTE,
  type TaskName,
  type TaskOutcome,
} from '@app/metrics';
import { present } from './present.js';

/** One kind of request of the known traffic, and what the app must make of it. */
export interface KnownRequest {
  /** PROPFIND: a method Node's parser accepts and the semantic conventions do not name, counted as `_OTHER`. */
  readonly method: 'GET' | 'POST' | 'PROPFIND';
  readonly path: string;
  readonly times: number;
  readonly status: number;
  /** The route label it must be counted under. */
  readonly route: string;
  /** The business work it does; none when it is rejected before (400) or matches no route. */
  readonly work?: { readonly task: TaskName; readonly outcome: TaskOutcome };
  /** A JSON body, sent as `application/json`. */
  readonly jsonBody?: string;
}

const SAMPLED = present(
  TASK_NAMES.find((task) => TASK_ROUTES[task].kind === 'sampled'),
  'a sampled task route',
);
const SAMPLED_PATH = TASK_ROUTES[SAMPLED].path;
const [FIRST_FIXED] = FIXED_TASKS;
const FIRST_FIXED_PATH = TASK_ROUTES[FIRST_FIXED].path;

/** The sampled route's query that forces one outcome. */
const forcing = (outcome: TaskOutcome) =>
  `${SAMPLED_PATH}?${TASK_OUTCOMES.map((each) => `${SAMPLED_ROUTE_PARAMETERS.weights[each]}=${Number(each === outcome)}`).join('&')}`;

/**
 * The traffic both apps' end-to-end tests send, derived from the route table: every fixed route, every outcome of
 * the sampled one, two rejected queries, an unmatched method, one the conventions do not name, and a body the parser
 * refuses. Each kind is sent a different number of times,
 * so that a label mix-up cannot add up by chance; a route added to the table joins it with nothing else to change.
 */
const KNOWN_TRAFFIC: readonly KnownRequest[] = (() => {
  const kinds: Array<Omit<KnownRequest, 'times'>> = [
    ...FIXED_TASKS.map((task) => {
      const { path, outcome } = TASK_ROUTES[task];
      return { method: 'GET' as const, path, status: OUTCOME_STATUS[outcome], route: path, work: { task, outcome } };
    }),
    ...TASK_OUTCOMES.map((outcome) => ({
      method: 'GET' as const,
      path: forcing(outcome),
      status: OUTCOME_STATUS[outcome],
      route: SAMPLED_PATH,
      work: { task: SAMPLED, outcome },
    })),
    { method: 'GET', path: `${SAMPLED_PATH}?weight_ok=lots`, status: 400, route: SAMPLED_PATH },
    { method: 'GET', path: `${FIRST_FIXED_PATH}?unexpected=1`, status: 400, route: FIRST_FIXED_PATH },
    { method: 'POST', path: FIRST_FIXED_PATH, status: 404, route: UNMATCHED_ROUTE },
    { method: 'PROPFIND', path: FIRST_FIXED_PATH, status: 404, route: UNMATCHED_ROUTE },
    // Refused by the body parser, before any route: measured all the same, under the unmatched route.
    { method: 'POST', path: FIRST_FIXED_PATH, status: 400, route: UNMATCHED_ROUTE, jsonBody: '{"not json' },
  ];
  return kinds.map((kind, index) => ({ ...kind, times: index + 1 }));
})();

const sum = (requests: readonly KnownRequest[]) => requests.reduce((total, request) => total + request.times, 0);

/** `METHOD route status` → how many of the known traffic's requests each must be counted. */
function expectedRequestCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { method, route, status, times } of KNOWN_TRAFFIC) {
    const key = `${httpMethodLabel(method)} ${route} ${status}`;
    counts[key] = (counts[key] ?? 0) + times;
  }
  return counts;
}

/** `task outcome` → count, every combination of the catalogue listed (0 where the traffic has none). */
function expectedOutcomeCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const task of TASK_NAMES) {
    for (const outcome of TASK_OUTCOMES) {
      counts[`${task} ${outcome}`] = sum(
        KNOWN_TRAFFIC.filter(({ work }) => work?.task === task && work.outcome === outcome),
      );
    }
  }
  return counts;
}

/** Task → how many units of work the known traffic makes it do (rejected requests do none). */
function expectedWorkCounts(): Record<TaskName, number> {
  return Object.fromEntries(
    TASK_NAMES.map((task) => [task, sum(KNOWN_TRAFFIC.filter(({ work }) => work?.task === task))]),
  ) as Record<TaskName, number>;
}

/** How many times the known traffic requests `path` with `method` (GET by default). */
function knownTimes(path: string, method: KnownRequest['method'] = 'GET'): number {
  return sum(KNOWN_TRAFFIC.filter((request) => request.path === path && request.method === method));
}

/** Sends the known traffic to `baseUrl`, sequentially, throwing on the first unexpected status. */
async function sendKnownTraffic(baseUrl: string): Promise<void> {
  for (const { method, path, times, status, jsonBody } of KNOWN_TRAFFIC) {
    const init: RequestInit =
      jsonBody === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: jsonBody };
    for (let i = 0; i < times; i += 1) {
      const response = await fetch(`${baseUrl}${path}`, init);
      await response.arrayBuffer();
      if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}, not ${status}`);
    }
  }
}

/**
 * The known traffic both apps' e2e tests send, and what each must count for it: one table, so that both apps are held
 * to the same numbers.
 */
export const knownTraffic = {
  requests: KNOWN_TRAFFIC,
  send: sendKnownTraffic,
  times: knownTimes,
  expectedRequestCounts,
  expectedOutcomeCounts,
  expectedWorkCounts,
} as const;
