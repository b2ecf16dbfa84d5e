/** What the sections of the service-overview dashboard share: the variables' matchers and the queries they build. */
import { AVAILABILITY_SLO, type MetricPath, OTEL_TASKS_METRICS, RECORDING_RULES, TASKS_METRICS } from '@app/metrics';
import { VARIABLES } from '../dashboard-variables.js';
import { type PanelQuery } from '../panels.js';
import { aggregate, classicOrNativeQuantile, histogramQuantile, matches, rate, selector } from '../../../promql.js';
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

/** The business histogram's name on each path: with its unit suffix on prom-client, without on OpenTelemetry. */
const WORK_DURATION: Readonly<Record<MetricPath, string>> = {
  promClient: TASKS_METRICS.workDuration.name,
  otel: OTEL_TASKS_METRICS.workDuration.name,
};

/**
 * The business histogram's quantiles on `paths`, computed at query time (`histogram_quantile`), over its classic
 * buckets or, pushed as OTLP, the OpenTelemetry path's native histogram.
 */
export function workDurationQuantiles(
  paths: readonly MetricPath[],
  by: readonly string[],
  matchers: readonly string[],
  window: string,
): PanelQuery[] {
  const perSecond = (series: '_bucket' | '', names: readonly string[]) =>
    names.map((name) => rate(selector(`${name}${series}`, ...matchers), window)).join(' or ');
  const classic = paths.map((path) => WORK_DURATION[path]);
  const quantileOf = (quantile: number) =>
    paths.includes('otel')
      ? classicOrNativeQuantile(quantile, by, (series) =>
          perSecond(series, series === '_bucket' ? classic : [WORK_DURATION.otel]),
        )
      : histogramQuantile(quantile, aggregate('sum', [...by, L.le], perSecond('_bucket', classic)));
  return LATENCY_QUANTILES.map((quantile) => ({
    expr: quantileOf(Number(quantile)),
    legend: `${by.map((label) => `{{${label}}}`).join(' ')} q${quantile}`,
  }));
}
