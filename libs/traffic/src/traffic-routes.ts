import { SIGNAL_NAMES, SIGNAL_ROUTES, type SignalName } from '@app/metrics';

type RoutePath = (typeof SIGNAL_ROUTES)[SignalName]['path'];

/** A mix names a route by its path without the slash (`sample-signals`), as users type it. */
export type RouteName = RoutePath extends `/${infer Name}` ? Name : never;

/**
 * The routes the generator can call, derived from the route table (libs/metrics' SIGNAL_ROUTES): the name a mix
 * uses, the path on the signals app, and the signal (metric label value) the app records for it, so that a report
 * can be compared with the metrics.
 */
export const TRAFFIC_ROUTES = Object.fromEntries(
  SIGNAL_NAMES.map((signal) => {
    const { path } = SIGNAL_ROUTES[signal];
    return [path.slice(1), { path, signal }];
  }),
) as Readonly<Record<RouteName, { readonly path: RoutePath; readonly signal: SignalName }>>;

export const ROUTE_NAMES = Object.keys(TRAFFIC_ROUTES) as RouteName[];

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(TRAFFIC_ROUTES, name);
}

/** Whether the route draws its outcome (`/sample-signals`): the one the signal weights of a run apply to. */
export function isSampledRoute(name: RouteName): boolean {
  return SIGNAL_ROUTES[TRAFFIC_ROUTES[name].signal].kind === 'sampled';
}
