import type { SignalName } from '@app/metrics';

/**
 * The routes the generator can call: the name a mix uses, the path on the signals app, and the
 * signal (metric label value) the app records for it, so a report can be compared with the metrics.
 */
export const TRAFFIC_ROUTES = {
  one: { path: '/one', signal: 'one' },
  two: { path: '/two', signal: 'two' },
  three: { path: '/three', signal: 'three' },
  four: { path: '/four', signal: 'four' },
  error: { path: '/error', signal: 'error' },
  'sample-signals': { path: '/sample-signals', signal: 'sample' },
} as const satisfies Record<string, { path: `/${string}`; signal: SignalName }>;

export type RouteName = keyof typeof TRAFFIC_ROUTES;

export const ROUTE_NAMES = Object.keys(TRAFFIC_ROUTES) as RouteName[];

// Compile-time guard: a signal added to the catalogue in @app/metrics without a route here fails the build.
type SignalWithoutRoute = Exclude<SignalName, (typeof TRAFFIC_ROUTES)[RouteName]['signal']>;
const _everySignalHasARoute: [SignalWithoutRoute] extends [never] ? true : never = true;
void _everySignalHasARoute;

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(TRAFFIC_ROUTES, name);
}
