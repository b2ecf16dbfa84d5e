/** What the sections of the service-overview dashboard share: the variables' matchers and the queries they build. */
import { AVAILABILITY_SLO, RECORDING_RULES, TASKS_METRICS } from '@app/metrics';
import { VARIABLES } from '../dashboard-variables.js';
import { type PanelQuery } from '../panels.js';
import { aggregate, classicOrNativeQuantile, matches, rate, selector } from '../promql.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';

/** Share of requests allowed to fail: 1 − AVAILABILITY_SLO, rounded off the float noise (0.01, not 0.010000000000000009). */
export const ERROR_BUDGET = Number((1 - AVAILABILITY_SLO).toPrecision(6));

/** Latency quantiles drawn from the histogram_quantile recording rule. */
export const LATENCY_QUANTILES = ['0.5', '0.9', '0.99'] as const;

export const byInstrumentation = matches(L.instrumentation, VARIABLES.instrumentation);
export const byRoute = matches(L.route, VARIABLES.route);
export const byTask = matches(L.task, VARIABLES.task);

/** Requests per second of the selected paths and routes, from the rule, optionally of some status codes. */
export function requestRate(by: readonly string[], ...codeMatchers: string[]): string {
  return aggregate('sum', by, selector(RECORDING_RULES.requestRate, byInstrumentation, byRoute, ...codeMatchers));
}

export function errorRatioQueries(): PanelQuery[] {
  return (['5m', '1h', '6h'] as const).map((window) => ({
    expr: aggregate('max', [L.instrumentation], selector(RECORDING_RULES.errorRatio[window], byInstrumentation)),
    legend: `{{${L.instrumentation}}} ${window}`,
  }));
}

/**
 * A histogram's quantiles on the selected paths, computed at query time (`histogram_quantile`), over its classic
 * buckets or, pushed as OTLP, its native histogram.
 */
export function workDurationQuantiles(
  by: readonly string[],
  matchers: readonly string[],
  window: string,
): PanelQuery[] {
  const perSecond = (series: '_bucket' | '') =>
    rate(selector(`${TASKS_METRICS.workDuration.name}${series}`, ...matchers), window);
  return LATENCY_QUANTILES.map((quantile) => ({
    expr: classicOrNativeQuantile(Number(quantile), by, perSecond),
    legend: `${by.map((label) => `{{${label}}}`).join(' ')} q${quantile}`,
  }));
}
