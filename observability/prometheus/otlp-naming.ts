import {
  METRIC_PATHS,
  OTEL_HTTP_METRICS,
  SIGNALS_METRICS,
  type CounterDefinition,
  type GaugeDefinition,
  type HistogramDefinition,
} from '@app/metrics';

/**
 * The two names an OpenTelemetry metric gets in Prometheus, depending on how it travels:
 *
 * - **scraped** from the JS Prometheus exporter: dots become underscores, counters get `_total`, and the unit
 *   is NOT appended (`http.server.request.duration` in seconds is `http_server_request_duration`);
 * - **pushed as OTLP** into Prometheus' OTLP receiver, with its default translation
 *   (`translation_strategy: UnderscoreEscapingWithSuffixes`): the same, plus the unit as a suffix unless the
 *   name already ends with it (`s` → `_seconds`, `By` → `_bytes`, `1` on a gauge → `_ratio`), so the same
 *   histogram is `http_server_request_duration_seconds`.
 *
 * Rules written for one naming match nothing on the other, silently. This module derives both from the
 * catalogue, so that the rules' tests feed each rule both, and a new metric cannot forget either.
 */

/** OTLP unit → the suffix Prometheus' translation appends (the UCUM units this project's metrics use). */
const UNIT_SUFFIXES: Readonly<Record<string, string>> = { s: 'seconds', ms: 'milliseconds', By: 'bytes' };

type OtelDefinition = CounterDefinition | GaugeDefinition | HistogramDefinition;

/** The catalogue's metrics that the OpenTelemetry path exports (the summary is prom-client's only). */
export const OTEL_PATH_METRICS: readonly OtelDefinition[] = [
  OTEL_HTTP_METRICS.duration as HistogramDefinition,
  SIGNALS_METRICS.outcomes,
  SIGNALS_METRICS.inFlight,
  SIGNALS_METRICS.workDuration,
];

/** The metric name Prometheus' OTLP receiver gives a catalogue metric (the scraped name is `definition.name`). */
export function otlpMetricName(definition: OtelDefinition): string {
  let name = definition.name.replace(/_total$/, '');
  const suffix = definition.kind === 'histogram' ? UNIT_SUFFIXES[definition.unit] : undefined;
  if (suffix !== undefined && !name.endsWith(`_${suffix}`)) name = `${name}_${suffix}`;
  return definition.kind === 'counter' ? `${name}_total` : name;
}

/** The series names of a metric of the given name and kind: a histogram's three, one otherwise. */
function seriesOf(kind: OtelDefinition['kind'], name: string): string[] {
  return kind === 'histogram' ? ['_bucket', '_sum', '_count'].map((suffix) => name + suffix) : [name];
}

/** Every series name of the OpenTelemetry path, scraped → pushed as OTLP. */
export function otlpSeriesNames(): ReadonlyMap<string, string> {
  return new Map(
    OTEL_PATH_METRICS.flatMap((definition) => {
      const scraped = seriesOf(definition.kind, definition.name);
      const pushed = seriesOf(definition.kind, otlpMetricName(definition));
      return scraped.map((name, i) => [name, pushed[i]] as const);
    }),
  );
}

/**
 * How the OpenTelemetry path's series are told apart from the other path's in Prometheus. Scraped, by the
 * scrape job and its target labels (`path`, `service`). Pushed as OTLP, Prometheus names the job after the
 * resource's `service.name` and the instance after `service.instance.id`: the rules select the pushed series
 * by that job and give them the scraped series' job, path and service, so both deliveries record one schema.
 */
export const OTLP_DELIVERY = {
  /** `job` of the pushed series: the app's `service.name`. */
  job: METRIC_PATHS.otel.service,
} as const;

/**
 * Wraps a PromQL expression over pushed OpenTelemetry series (`job` = `service.name`) so that its result
 * carries the scraped series' labels: `service` from that job, then the path's `path` and `job`. Applied to
 * the aggregated result, each label_replace runs on a handful of series.
 */
export function asScrapedOtelLabels(expression: string): string {
  const { job, path } = METRIC_PATHS.otel;
  const withService = `label_replace(${expression}, "service", "$1", "job", "(.+)")`;
  const withPath = `label_replace(${withService}, "path", "${path}", "job", ".*")`;
  return `label_replace(${withPath}, "job", "${job}", "job", ".*")`;
}
