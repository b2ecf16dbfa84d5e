import type { RouteMix } from './route-mix.js';
import { isSampledRoute, ROUTE_NAMES } from './traffic-routes.js';

/**
 * Hard caps: every run is bounded in request count and in time, whatever the options say, so a
 * forgotten generator stops by itself. Defaults live here too, in one place.
 */
export const TRAFFIC_LIMITS = {
  maxRequests: 1_000_000,
  maxDurationSeconds: 24 * 60 * 60,
  maxConcurrency: 1_000,
  maxRate: 100_000,
  maxTimeoutSeconds: 60,
  maxTargets: 32,
  /** /sample-signals refuses weights above this (see libs/tasks sample-signals.query.ts). */
  maxTaskWeight: 1_000_000,
  maxSeed: 2 ** 32 - 1,
} as const;

/**
 * The course's generator ran 4 threads with a 1 s client timeout over the routes one..four and error.
 * The default mix keeps the fixed routes evenly and gives /sample-signals half the traffic: with its default
 * weights (80/10/10) about 20 % of the requests fail, as in the course. Derived from the route table, so that a
 * new route joins the mix.
 */
const FIXED_ROUTE_COUNT = ROUTE_NAMES.filter((name) => !isSampledRoute(name)).length;
export const DEFAULT_ROUTE_MIX: RouteMix = Object.fromEntries(
  ROUTE_NAMES.map((name) => [name, isSampledRoute(name) ? FIXED_ROUTE_COUNT : 1]),
);

export const TRAFFIC_DEFAULTS = {
  concurrency: 4,
  timeoutSeconds: 1,
  mix: DEFAULT_ROUTE_MIX,
  refusedShare: 0,
} as const;
