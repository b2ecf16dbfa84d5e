import { UNMATCHED_ROUTE } from '@app/metrics';
import { HEALTH_PATH } from '@app/tasks';
import type { IncomingMessage } from 'node:http';
import { METRICS_PATH } from './metrics.path.js';

/**
 * Routes left out of the request metrics: liveness probes and scrapes come from the platform, not from
 * users, and at a steady few per second they would dilute every rate and ratio.
 */
export const UNMEASURED_ROUTES: ReadonlySet<string> = new Set([HEALTH_PATH, METRICS_PATH]);

/** A request as Express hands it on: `route` is set by its router once a route (a Nest handler) matched. */
export type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/**
 * The `route` label of a request: the route template (`/items/:id`), never the raw URL, so that label
 * values stay bounded; {@link UNMATCHED_ROUTE} when no route matched, so that a scan of random paths
 * adds no series; `undefined` for an unmeasured route.
 */
export function routeLabelOf(request: RoutedRequest): string | undefined {
  const template = request.route?.path;
  if (typeof template !== 'string') return UNMATCHED_ROUTE;
  return UNMEASURED_ROUTES.has(template) ? undefined : template;
}
