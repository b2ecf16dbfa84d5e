/**
 * Which raw series of a metric path a panel reads: the dashboards' side of the selectors the rules use
 * (observability/prometheus/selectors.ts). Expressions are built with the one PromQL builder, observability/promql.ts.
 */
import { type MetricPath } from '@app/metrics';
import { matches, selector } from '../../promql.js';
import { SELECTORS } from '../../prometheus/selectors.js';
import { RECORDED_LABELS } from './recorded-labels.js';

/**
 * Matchers of the raw series of one metric path: its job (which also tells apart series that have the
 * same name on both paths) and the dashboard's `instrumentation` variable, so that unticking a path hides it.
 */
export function rawSeriesOf(path: MetricPath, instrumentationVariable: string): string[] {
  return [SELECTORS[path], matches(RECORDED_LABELS.instrumentation, instrumentationVariable)];
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
  return read(selector(`${metric.name}${series}`, SELECTORS.otel, ...matchers));
}
