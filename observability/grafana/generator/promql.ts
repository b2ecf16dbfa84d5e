/**
 * Small builders for the PromQL of the panels, so that label matchers are written one way everywhere
 * and metric names always come from the catalogue, the recording rules or the runtime metrics of libs/metrics.
 */
import { METRIC_PATHS, type MetricPath } from '@app/metrics';
import { RECORDED_LABELS } from './recorded-labels.js';

/** Escapes a label value for a double-quoted PromQL string. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `label="value"` */
export const eq = (label: string, value: string): string => `${label}=${quote(value)}`;

/** `label=~"pattern"`, e.g. with a multi-value template variable (`$instrumentation`). */
export const matches = (label: string, pattern: string): string => `${label}=~${quote(pattern)}`;

/** `metric{matcher, …}` */
export function selector(metric: string, ...matchers: readonly string[]): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(', ')}}`;
}

/** `sum by (labels) (expr)` and friends: the aggregation keeps exactly the labels the legend shows. */
export function aggregate(operator: 'sum' | 'max' | 'min' | 'avg', by: readonly string[], expr: string): string {
  return `${operator} by (${by.join(', ')}) (${expr})`;
}

export const rate = (expr: string, window: string): string => `rate(${expr}[${window}])`;

export function histogramQuantile(quantile: number, bucketsPerSecond: string): string {
  return `histogram_quantile(${quantile}, ${bucketsPerSecond})`;
}

/**
 * The quantile of a histogram stored either way: its classic buckets (`le`) where it is scraped, its native
 * histogram where it is pushed as OTLP. `rateOf(suffix)` gives the per-second rate of `_bucket` or of the bare name;
 * histogram_quantile reads both kinds, and only one kind has series.
 */
export function classicOrNativeQuantile(
  quantile: number,
  by: readonly string[],
  rateOf: (series: '_bucket' | '') => string,
): string {
  return histogramQuantile(
    quantile,
    `${aggregate('sum', [...by, RECORDED_LABELS.le], rateOf('_bucket'))} or ${aggregate('sum', by, rateOf(''))}`,
  );
}

/** Observations per second of a histogram stored either way: a classic `_count`'s rate, or a native histogram's. */
export function classicOrNativeCount(rateOf: (series: '_count' | '') => string): string {
  return `(${rateOf('_count')} or histogram_count(${rateOf('')}))`;
}

/**
 * Matchers of the raw series of one metric path: its job (which also tells apart series that have the
 * same name on both paths) and the dashboard's `instrumentation` variable, so that unticking a path hides it.
 */
export function rawSeriesOf(path: MetricPath, instrumentationVariable: string): string[] {
  return [
    eq(RECORDED_LABELS.job, METRIC_PATHS[path].job),
    matches(RECORDED_LABELS.instrumentation, instrumentationVariable),
  ];
}

/**
 * A raw series of the OpenTelemetry app, under the one name and job it has whichever delivery carried it;
 * `read` makes the selector an expression (`rate` of it, say).
 */
export function otelSeries(
  metric: { readonly name: string },
  series: '' | '_bucket' | '_sum' | '_count',
  matchers: readonly string[],
  read: (selector: string) => string = (raw) => raw,
): string {
  return read(selector(`${metric.name}${series}`, eq(RECORDED_LABELS.job, METRIC_PATHS.otel.job), ...matchers));
}
