import { ERROR_KEY, TIMEOUT_KEY } from './request-outcome.js';
import type { TrafficProgress } from './traffic-progress.js';

const CLASS_ORDER = ['1xx', '2xx', '3xx', '4xx', '5xx', TIMEOUT_KEY, ERROR_KEY];

/** One line of progress, e.g. `12.0/60 s  sent 1203  in flight 4  100.2 req/s  2xx 961  4xx 120  5xx 122`. */
export function formatTrafficProgress(progress: TrafficProgress): string {
  const time = `${progress.elapsedSeconds.toFixed(1)}${progress.plannedSeconds === undefined ? '' : `/${progress.plannedSeconds}`} s`;
  const sent = `sent ${progress.sent}${progress.plannedRequests === undefined ? '' : `/${progress.plannedRequests}`}`;
  const classes = CLASS_ORDER.filter((key) => (progress.byStatusClass[key] ?? 0) > 0).map(
    (key) => `${key} ${progress.byStatusClass[key]}`,
  );
  return [time, sent, `in flight ${progress.inFlight}`, `${progress.recentRate.toFixed(1)} req/s`, ...classes].join(
    '  ',
  );
}
