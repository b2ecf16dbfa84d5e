import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Env, EnvReader } from '@app/config';
import { DashboardFormatError, extractDashboard, type DashboardModel } from './dashboard/grafana-dashboard.js';

/** Nest token of the validated configuration. */
export const LOCAL_DASHBOARD_CONFIG = Symbol('LOCAL_DASHBOARD_CONFIG');

export interface LocalDashboardConfig {
  readonly port: number;
  readonly host: string;
  /** Base URL of the Prometheus whose HTTP API the page queries through this app, without a trailing slash. */
  readonly prometheusUrl: string;
  /** How long one forwarded query may take, in Prometheus and on the way back. */
  readonly prometheusTimeoutMs: number;
  /** How often the page queries every panel again, in seconds. */
  readonly refreshSeconds: number;
  /** The Grafana dashboard JSON the page draws, and what was read from it at start-up. */
  readonly dashboardFile: string;
  readonly dashboard: DashboardModel;
}

/** The repository's root, from src/ (tests) or dist/ (the built app): the nearest folder with a package.json. */
function packageRoot(from: string = import.meta.dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

export const LOCAL_DASHBOARD_DEFAULTS = {
  port: 8083,
  host: '0.0.0.0',
  // The local stack's and Docker Compose's published Prometheus port.
  prometheusUrl: 'http://127.0.0.1:9090',
  prometheusTimeoutMs: 10_000,
  refreshSeconds: 5,
  dashboardFile: join(packageRoot(), 'observability', 'grafana', 'dashboards', 'service-overview.json'),
} as const;

/** Reads a file; injectable so that tests need not touch the disk. */
export type DashboardFileReader = (path: string) => string;

const readDashboardFile: DashboardFileReader = (path) => readFileSync(path, 'utf8');

/**
 * Reads and validates `PORT`, `HOST`, `PROMETHEUS_URL` and every `LOCAL_DASHBOARD_*` variable, and the
 * dashboard file itself: throws one `ConfigValidationError` naming each bad variable, so that start-up
 * stops before listening rather than serving a page whose panels cannot work.
 */
export function readLocalDashboardConfig(
  env: Env,
  readFile: DashboardFileReader = readDashboardFile,
): LocalDashboardConfig {
  const reader = new EnvReader(env);
  const port = reader.port('PORT', LOCAL_DASHBOARD_DEFAULTS.port);
  const host = reader.host('HOST', LOCAL_DASHBOARD_DEFAULTS.host);
  const prometheusUrl = readPrometheusUrl(reader);
  const prometheusTimeoutMs = reader.integer('LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS', {
    default: LOCAL_DASHBOARD_DEFAULTS.prometheusTimeoutMs,
    min: 100,
    max: 120_000,
  });
  const refreshSeconds = reader.integer('LOCAL_DASHBOARD_REFRESH_SECONDS', {
    default: LOCAL_DASHBOARD_DEFAULTS.refreshSeconds,
    min: 1,
    max: 3600,
  });
  const dashboardFile = reader.string('LOCAL_DASHBOARD_FILE', LOCAL_DASHBOARD_DEFAULTS.dashboardFile);
  const dashboard = readDashboard(reader, dashboardFile, readFile);
  reader.assertValid();
  // Past assertValid(), the dashboard was read: a file that could not be is one of the problems it throws.
  return {
    port,
    host,
    prometheusUrl,
    prometheusTimeoutMs,
    refreshSeconds,
    dashboardFile,
    dashboard: dashboard as DashboardModel,
  };
}

/**
 * An http(s) base URL: the proxy appends `/api/v1/...` to it, so a query string, a fragment or
 * credentials (which would then travel with every query, and show in logs) are refused.
 */
function readPrometheusUrl(reader: EnvReader): string {
  const raw = reader.string('PROMETHEUS_URL', LOCAL_DASHBOARD_DEFAULTS.prometheusUrl);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    reader.reject('PROMETHEUS_URL', `must be an http(s) URL, got "${raw}"`);
    return raw;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    reader.reject('PROMETHEUS_URL', `must be an http(s) URL, got "${raw}"`);
  } else if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    reader.reject('PROMETHEUS_URL', `must be a base URL without query, fragment or credentials, got "${raw}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function readDashboard(reader: EnvReader, file: string, readFile: DashboardFileReader): DashboardModel | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFile(file));
  } catch (error) {
    reader.reject('LOCAL_DASHBOARD_FILE', `cannot be read as JSON (${(error as Error).message})`);
    return undefined;
  }
  try {
    return extractDashboard(json);
  } catch (error) {
    if (!(error instanceof DashboardFormatError)) throw error;
    reader.reject('LOCAL_DASHBOARD_FILE', `is not a Grafana dashboard this page can draw (${file}: ${error.message})`);
    return undefined;
  }
}
