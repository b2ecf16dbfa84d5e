/**
 * The one PromQL builder of the monitoring as code: the rules (observability/prometheus) and the dashboards
 * (observability/grafana/generator) compose their expressions from these, so that a matcher, an aggregation and the
 * read of a histogram stored either way (classic buckets when scraped, a native histogram when pushed as OTLP) are
 * written one way. Metric names come from the catalogue, the recording rules or the runtime metrics of libs/metrics;
 * job matchers from prometheus/selectors.ts.
 */

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

/** `sum by (labels) (expr)` and friends, on one line: the aggregation keeps exactly the labels a legend shows. */
export function aggregate(operator: 'sum' | 'max' | 'min' | 'avg', by: readonly string[], expr: string): string {
  return `${operator} by (${by.join(', ')}) (${expr})`;
}

/** Lines joined by newlines, each indented by `depth` steps of two spaces: for expressions built in pieces. */
export function indent(text: string, depth = 1): string {
  const pad = '  '.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** `sum by (labels) (expr)` over several lines, as a rule file shows it to the person who copies it. */
export const sumBy = (labels: string, expr: string): string => `sum by (${labels}) (\n${indent(expr)}\n)`;

export const rate = (expr: string, window: string): string => `rate(${expr}[${window}])`;

export function histogramQuantile(quantile: number, bucketsPerSecond: string): string {
  return `histogram_quantile(${quantile}, ${bucketsPerSecond})`;
}

/**
 * Observations per second of a histogram stored either way: a classic histogram's `_count` (scraped), or a native
 * histogram's count (pushed as OTLP). Only one of the two has series, so the `or` adds nothing to the other.
 */
export const histogramCountRate = (histogram: string, matchers: string, window: string): string =>
  `rate(${histogram}_count{${matchers}}[${window}]) or histogram_count(rate(${histogram}{${matchers}}[${window}]))`;

/** A histogram's buckets per second, stored either way: its classic `_bucket` series (`le`), or its native histogram. */
export const histogramRate = (histogram: string, matchers: string, window: string): string =>
  `rate(${histogram}_bucket{${matchers}}[${window}]) or rate(${histogram}{${matchers}}[${window}])`;

/**
 * The quantile of a histogram stored either way, aggregated `by` some labels: `rateOf(suffix)` gives the per-second
 * rate of `_bucket` or of the bare name; histogram_quantile reads both kinds, and only one kind has series.
 */
export function classicOrNativeQuantile(
  quantile: number,
  by: readonly string[],
  rateOf: (series: '_bucket' | '') => string,
): string {
  return histogramQuantile(
    quantile,
    `${aggregate('sum', [...by, 'le'], rateOf('_bucket'))} or ${aggregate('sum', by, rateOf(''))}`,
  );
}

/** Observations per second of a histogram stored either way, from the rates `rateOf` gives (see histogramCountRate). */
export function classicOrNativeCount(rateOf: (series: '_count' | '') => string): string {
  return `(${rateOf('_count')} or histogram_count(${rateOf('')}))`;
}
