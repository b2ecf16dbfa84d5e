import { TASK_NAMES, TASK_ROUTES, type TaskName } from '@app/metrics';

type RoutePath = (typeof TASK_ROUTES)[TaskName]['path'];

/** A mix names a route by its path without the slash (`sample-signals`), as users type it. */
export type RouteName = RoutePath extends `/${infer Name}` ? Name : never;

/**
 * The routes the generator can call, derived from the route table (libs/metrics' TASK_ROUTES): the name a mix
 * uses, the path on the app, and the task (metric label value) the app records for it, so that a report
 * can be compared with the metrics.
 */
export const TRAFFIC_ROUTES = Object.fromEntries(
  TASK_NAMES.map((task) => {
    const { path } = TASK_ROUTES[task];
    return [path.slice(1), { path, task }];
  }),
) as Readonly<Record<RouteName, { readonly path: RoutePath; readonly task: TaskName }>>;

export const ROUTE_NAMES = Object.keys(TRAFFIC_ROUTES) as RouteName[];

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(TRAFFIC_ROUTES, name);
}

/** Whether the route draws its outcome (`/sample-signals`): the one the task weights of a run apply to. */
export function isSampledRoute(name: RouteName): boolean {
  return TASK_ROUTES[TRAFFIC_ROUTES[name].task].kind === 'sampled';
}
