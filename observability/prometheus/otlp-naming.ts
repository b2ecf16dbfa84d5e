import {
  INSTRUMENTATION_LABEL,
  METRIC_PATHS,
  OTEL_HTTP_METRICS,
  TASKS_METRICS,
  type MetricDefinition,
  type OtelMetricDefinition,
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

/** OTLP unit → the suffix Prometheus' translation appends (the UCUM units of this project's metrics). */
const UNIT_SUFFIXES: Readonly<Record<string, string>> = { s: 'seconds', ms: 'milliseconds', By: 'bytes' };

/** A metric as both deliveries need it: its scraped name, its type, its unit when it has one. */
export interface OtelMetric {
  readonly kind: 'counter' | 'gauge' | 'histogram';
  /** The scraped name (a histogram's base name). */
  readonly name: string;
  readonly unit?: string;
}

/**
 * The catalogue's metrics that the OpenTelemetry path exports: its HTTP histogram and every business metric but the
 * summaries (OpenTelemetry has no summary instrument). Derived, so that a metric added to the catalogue is here.
 */
export const OTEL_PATH_METRICS: readonly OtelMetricDefinition[] = [
  OTEL_HTTP_METRICS.duration,
  ...(Object.values(TASKS_METRICS) as MetricDefinition[]).filter(
    (definition): definition is OtelMetricDefinition => definition.kind !== 'summary',
  ),
];

/** The unit suffix of a metric pushed as OTLP: `1` means a ratio on a gauge and nothing elsewhere. */
function unitSuffix(metric: OtelMetric): string | undefined {
  if (metric.unit === undefined) return undefined;
  if (metric.unit === '1') return metric.kind === 'gauge' ? 'ratio' : undefined;
  return UNIT_SUFFIXES[metric.unit];
}

/** The metric name Prometheus' OTLP receiver gives a metric (the scraped name is `metric.name`). */
export function otlpMetricName(metric: OtelMetric): string {
  let name = metric.name.replace(/_total$/, '');
  const suffix = unitSuffix(metric);
  if (suffix !== undefined && !name.endsWith(`_${suffix}`)) name = `${name}_${suffix}`;
  return metric.kind === 'counter' ? `${name}_total` : name;
}

/** The series names of a metric of the given name and kind: a histogram's three, one otherwise. */
function seriesOf(kind: OtelMetric['kind'], name: string): string[] {
  return kind === 'histogram' ? ['_bucket', '_sum', '_count'].map((suffix) => name + suffix) : [name];
}

/** Every series name of the given metrics (the catalogue's by default), scraped → pushed as OTLP. */
export function otlpSeriesNames(metrics: readonly OtelMetric[] = OTEL_PATH_METRICS): ReadonlyMap<string, string> {
  return new Map(
    metrics.flatMap((definition) => {
      const scraped = seriesOf(definition.kind, definition.name);
      const pushed = seriesOf(definition.kind, otlpMetricName(definition));
      return scraped.map((name, i) => [name, pushed[i]] as const);
    }),
  );
}

/**
 * How the OpenTelemetry path's series are told apart from the other path's in Prometheus. Scraped, by the
 * scrape job and its target labels (`instrumentation`, `service`). Pushed as OTLP, Prometheus names the job after the
 * resource's `service.name` and the instance after `service.instance.id`, and copies the promoted resource
 * attributes onto every series: the rules select the pushed series by that job and give them the scraped series'
 * job, instrumentation and service, so both deliveries record one schema; the dashboards' raw panels filter on `instrumentation`,
 * which the compose Collector sets as a resource attribute (observability/otel-collector/config.yaml).
 */
export const OTLP_DELIVERY = {
  /** `job` of the pushed series: the app's `service.name`. */
  job: METRIC_PATHS.otel.service,
  /** Resource attributes the Collector adds, as the scrape's target labels do on the local stack. */
  pipelineResourceAttributes: { [INSTRUMENTATION_LABEL]: METRIC_PATHS.otel.instrumentation },
  /** Resource attributes Prometheus copies onto every pushed series (prometheus.compose.yml, `otlp:`). */
  promotedResourceAttributes: [INSTRUMENTATION_LABEL, 'service.instance.id', 'service.name', 'service.namespace'],
} as const;

/** The label a resource or metric attribute becomes under the default translation: `.` and `-` become `_`. */
export const otlpLabelName = (attribute: string): string => attribute.replace(/[^a-zA-Z0-9_]/g, '_');

/** The scrape's target labels (prometheus.yml), which pushed series do not have unless an attribute is promoted. */
const SCRAPE_TARGET_LABELS = [INSTRUMENTATION_LABEL, 'service'];

/**
 * The labels a scraped OpenTelemetry series would carry had it been pushed as OTLP through the compose Collector:
 * the job from `service.name`, the instance from `service.instance.id`, the promoted resource attributes, and no
 * scrape target label that is not one of them. Metric attributes (and `otel_scope_*`) are the same either way.
 */
export function pushedLabels(scraped: ReadonlyMap<string, string>): Map<string, string> {
  const labels = new Map(scraped);
  const promoted = new Set(OTLP_DELIVERY.promotedResourceAttributes.map(otlpLabelName));
  for (const label of SCRAPE_TARGET_LABELS) if (!promoted.has(label)) labels.delete(label);
  const resource: Record<string, string> = {
    ...OTLP_DELIVERY.pipelineResourceAttributes,
    'service.name': OTLP_DELIVERY.job,
  };
  for (const [attribute, value] of Object.entries(resource))
    if (promoted.has(otlpLabelName(attribute))) labels.set(otlpLabelName(attribute), value);
  labels.set('job', OTLP_DELIVERY.job);
  const instanceId = labels.get('service_instance_id');
  if (instanceId !== undefined) {
    labels.set('instance', instanceId);
    if (!promoted.has('service_instance_id')) labels.delete('service_instance_id');
  }
  return labels;
}

/**
 * Wraps a PromQL expression over pushed OpenTelemetry series (`job` = `service.name`) so that its result
 * carries the scraped series' labels: `service` from that job, then the path's `instrumentation` and `job`. Applied to
 * the aggregated result, each label_replace runs on a handful of series.
 */
export function asScrapedOtelLabels(expression: string): string {
  const { job, instrumentation } = METRIC_PATHS.otel;
  const withService = `label_replace(${expression}, "service", "$1", "job", "(.+)")`;
  const withInstrumentation = `label_replace(${withService}, "${INSTRUMENTATION_LABEL}", "${instrumentation}", "job", ".*")`;
  return `label_replace(${withInstrumentation}, "job", "${job}", "job", ".*")`;
}
