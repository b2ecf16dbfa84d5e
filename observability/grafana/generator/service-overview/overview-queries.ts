/** What the sections of the service-overview dashboard share: the variables' matchers and the queries they build. */
import { AVAILABILITY_SLO, RECORDING_RULES, SIGNALS_METRICS } from '@app/metrics';
import { VARIABLES } from '../dashboard-variables.js';
import { type PanelQuery } from '../panels.js';
import { aggregate, histogramQuantile, matches, rate, selector } from '../promql.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';

/** Share of requests allowed to fail: 1 − AVAILABILITY_SLO, rounded off the float noise (0.01, not 0.010000000000000009). */
export const ERROR_BUDGET = Number((1 - AVAILABILITY_SLO).toPrecision(6));

/** Latency quantiles drawn from the histogram_quantile recording rule. */
export const LATENCY_QUANTILES = ['0.5', '0.9', '0.99'] as const;

export const byPath = matches(L.path, VARIABLES.path);
export const byRoute = matches(L.route, VARIABLES.route);
export const bySignal = matches(L.signal, VARIABLES.signal);

/** Requests per second of the selected paths and routes, from the rule, optionally of some status codes. */
export function requestRate(by: readonly string[], ...codeMatchers: string[]): string {
  return aggregate('sum', by, selector(RECORDING_RULES.requestRate, byPath, byRoute, ...codeMatchers));
}

export function errorRatioQueries(): PanelQuery[] {
  return (['5m', '1h', '6h'] as const).map((window) => ({
    expr: aggregate('max', [L.path], selector(RECORDING_RULES.errorRatio[window], byPath)),
    legend: `{{${L.path}}} ${window}`,
  }));
}

/** A histogram's quantiles on the selected paths, computed at query time (`histogram_quantile`). */
export function workDurationQuantiles(
  by: readonly string[],
  matchers: readonly string[],
  window: string,
): PanelQuery[] {
  const buckets = selector(`${SIGNALS_METRICS.workDuration.name}_bucket`, ...matchers);
  return LATENCY_QUANTILES.map((quantile) => ({
    expr: histogramQuantile(Number(quantile), aggregate('sum', [...by, L.le], rate(buckets, window))),
    legend: `${by.map((label) => `{{${label}}}`).join(' ')} q${quantile}`,
  }));
}
