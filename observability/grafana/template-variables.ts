/**
 * Grafana's template-variable interpolation, as far as the committed dashboards use it. Shared by the
 * dashboard generator's tests (observability/grafana/generator), the live-stack test, and the local dashboard
 * app (apps/local-dashboard), which runs the committed dashboards' queries without Grafana: it imports no
 * package, so that an app can ship it without the generator's dev dependencies.
 */

export interface VariableValues {
  /** Values of the dashboard's own variables; unset ones stand for "All" (`.*`). */
  readonly variables?: Readonly<Record<string, string>>;
  /** Grafana's `$__rate_interval`; at least four scrape intervals. Default `1m`. */
  readonly rateInterval?: string;
  /** The dashboard's time range, `$__range` (and `$__range_s` in seconds). Default 30 minutes, as the dashboards open. */
  readonly rangeSeconds?: number;
}

/**
 * Replaces the Grafana variables of a panel query the way Grafana would before sending it to
 * Prometheus, so that the query can be run (or parsed) outside Grafana.
 */
export function interpolateVariables(expr: string, values: VariableValues = {}): string {
  const rangeSeconds = values.rangeSeconds ?? 1800;
  return expr
    .replace(/\$__rate_interval\b/g, values.rateInterval ?? '1m')
    .replace(/\$__range_s\b/g, String(rangeSeconds))
    .replace(/\$__range\b/g, `${rangeSeconds}s`)
    .replace(/\$(\w+)\b/g, (_match, name: string) => values.variables?.[name] ?? '.*');
}
