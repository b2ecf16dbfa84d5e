/**
 * The one source of truth for metric names, help texts, label sets and buckets. Both adapters register
 * from it, and the tests, recording-rule checks and dashboard generator read it: a renamed metric
 * breaks the build, not a dashboard.
 *
 * `name` and `labelNames` are the Prometheus names as scraped from the prom-client path. A metric the business
 * records also says how OpenTelemetry names it ({@link OtelNaming}): the instrument, its unit, each label's
 * attribute key; its series on that path are named by the translation (`prometheus-translation.ts`), the same on
 * every delivery.
 */

import { TASK_NAMES, TASK_OUTCOMES } from './task-names.js';

interface BaseDefinition<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  /**
   * Every value each label may take, for the metrics the business records through {@link MetricRecorder}:
   * label sets stay bounded, and each adapter exposes every combination at 0 from the start, so that `rate()`
   * sees a series' first increment and a quiet one reads 0 rather than "no data".
   */
  readonly labelValues?: { readonly [K in L]: readonly string[] };
}

export interface CounterDefinition<L extends string = string> extends BaseDefinition<L> {
  readonly kind: 'counter';
}

/**
 * How the cluster primary merges the workers' values of a gauge into the app's one value (prom-client's
 * aggregators): only the gauge's meaning says whether they add up (work in flight) or not (a start time).
 */
export type GaugeAggregation = 'sum' | 'max' | 'min' | 'average' | 'first' | 'omit';

export interface GaugeDefinition<L extends string = string> extends BaseDefinition<L> {
  readonly kind: 'gauge';
  readonly aggregation?: GaugeAggregation;
}

export interface HistogramDefinition<L extends string = string> extends BaseDefinition<L> {
  readonly kind: 'histogram';
  /** Unit in UCUM, as OpenTelemetry wants it (`s` for seconds). The Prometheus name carries it as a suffix. */
  readonly unit: string;
  readonly buckets: readonly number[];
}

export interface SummaryDefinition<L extends string = string> extends BaseDefinition<L> {
  readonly kind: 'summary';
  readonly percentiles: readonly number[];
  /** Quantiles cover a sliding window, so that they describe now, not the whole uptime. */
  readonly maxAgeSeconds: number;
  readonly ageBuckets: number;
}

/**
 * How the OpenTelemetry path names a metric the business records, as the semantic conventions name theirs: a
 * namespace, dot-separated (`tasks.work.duration`), the unit in `unit` (UCUM: `s`, or a `{annotation}` for a count)
 * and never in the name, namespaced attribute keys (`task.name`). Each attribute key translates to its label of
 * `labelNames` (dots to underscores), so that both paths share the label names; a spec checks it.
 */
export interface OtelNaming<L extends string = string> {
  readonly instrumentName: string;
  readonly unit: string;
  readonly attributeKeys: { readonly [K in L]: string };
}

/** Any metric of the catalogue. */
export type MetricDefinition = CounterDefinition | GaugeDefinition | HistogramDefinition | SummaryDefinition;

/** The metrics OpenTelemetry has an instrument for: every kind but the summary, named the OpenTelemetry way. */
export type OtelMetricDefinition = Exclude<MetricDefinition, SummaryDefinition> & OtelNaming;

/**
 * Latency buckets fitted to the sample routes: uniform waits up to 0.2 / 0.4 / 0.6 / 0.8 s, so the
 * edges are dense between 0.1 and 1 s, where the routes' quantiles and the latency SLO lie.
 */
export const LATENCY_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.5, 2.5, 5,
] as const;

/**
 * The business's labels: the attribute keys of its OpenTelemetry instruments, namespaced as the semantic
 * conventions' are, and their Prometheus label names (the translation's: dots to underscores) on both paths.
 */
export const TASK_ATTRIBUTE_KEYS = { task_name: 'task.name', task_outcome: 'task.outcome' } as const;
export type TaskLabel = keyof typeof TASK_ATTRIBUTE_KEYS;

const TASK_NAME_LABEL = { task_name: TASK_NAMES } as const;
const { task_name: TASK_NAME_KEY } = TASK_ATTRIBUTE_KEYS;

/**
 * The demo business: tasks answered by the sample routes. The business records them through the
 * {@link MetricRecorder} port; each adapter registers whatever is declared here: a metric added here, and recorded
 * where the business needs it, is exported by both paths with no adapter to change. Same series names and labels
 * on both paths, but for the histogram: Prometheus' conventions put its unit in the prom-client name
 * (`tasks_work_duration_seconds`), OpenTelemetry's in its unit, which the translation leaves out of the name
 * (`tasks_work_duration`, as `http_server_request_duration`).
 */
export const TASKS_METRICS = {
  outcomes: {
    kind: 'counter',
    name: 'tasks_outcomes_total',
    instrumentName: 'tasks.outcomes',
    unit: '{task}',
    help: 'Tasks answered, by task and outcome.',
    labelNames: ['task_name', 'task_outcome'],
    attributeKeys: TASK_ATTRIBUTE_KEYS,
    labelValues: { ...TASK_NAME_LABEL, task_outcome: TASK_OUTCOMES },
  } satisfies CounterDefinition<TaskLabel> & OtelNaming<TaskLabel>,
  inFlight: {
    kind: 'gauge',
    name: 'tasks_in_flight',
    instrumentName: 'tasks.in_flight',
    unit: '{task}',
    help: 'Tasks being worked on right now.',
    labelNames: ['task_name'],
    attributeKeys: { task_name: TASK_NAME_KEY },
    labelValues: TASK_NAME_LABEL,
    // The app's work in flight is every worker's work in flight.
    aggregation: 'sum',
  } satisfies GaugeDefinition<'task_name'> & OtelNaming<'task_name'>,
  workDuration: {
    kind: 'histogram',
    name: 'tasks_work_duration_seconds',
    instrumentName: 'tasks.work.duration',
    help: 'Time spent working on a task before answering, in seconds.',
    unit: 's',
    labelNames: ['task_name'],
    attributeKeys: { task_name: TASK_NAME_KEY },
    labelValues: TASK_NAME_LABEL,
    buckets: LATENCY_BUCKETS_SECONDS,
  } satisfies HistogramDefinition<'task_name'> & OtelNaming<'task_name'>,
  /** prom-client only: OpenTelemetry has no summary instrument (histogram_quantile replaces it). */
  workDurationSummary: {
    kind: 'summary',
    name: 'tasks_recent_work_duration_seconds',
    help: 'Time spent working on a task, as quantiles over the last 5 minutes (prom-client path only).',
    labelNames: ['task_name'],
    labelValues: TASK_NAME_LABEL,
    percentiles: [0.5, 0.9, 0.99],
    maxAgeSeconds: 300,
    ageBuckets: 5,
  } satisfies SummaryDefinition<'task_name'>,
} as const;

/**
 * Series per padding gauge: below the OpenTelemetry SDK's default cardinality limit (2,000 series per metric, past
 * which it folds the rest into one overflow series), as a real service spreads its series over many metrics.
 */
const LOAD_TEST_SERIES_PER_METRIC = 1_000;

/**
 * Series that exist only to make a scrape as large as a real service's (`TASKS_LOAD_TEST_SERIES`, 0 by default:
 * none): `count` series, every one at 0, in gauges `load_test_series_<n>` of at most 1,000 each. The benchmark
 * times scrapes of 1,000 and 10,000 extra series with them.
 */
export function loadTestSeries(count: number) {
  const metrics = Math.ceil(count / LOAD_TEST_SERIES_PER_METRIC);
  return Array.from({ length: metrics }, (_, metric) => {
    const first = metric * LOAD_TEST_SERIES_PER_METRIC;
    const size = Math.min(LOAD_TEST_SERIES_PER_METRIC, count - first);
    return {
      kind: 'gauge',
      name: `load_test_series_${String(metric)}`,
      instrumentName: `load_test.series_${String(metric)}`,
      unit: '{series}',
      help: 'Padding for load tests of the scrape (TASKS_LOAD_TEST_SERIES): one series per value, always 0.',
      labelNames: ['series'],
      attributeKeys: { series: 'series' },
      labelValues: { series: Array.from({ length: size }, (_, index) => String(first + index)) },
      aggregation: 'max',
    } satisfies GaugeDefinition<'series'> & OtelNaming<'series'>;
  });
}

/**
 * The labels of the HTTP server series, on both paths: the semantic conventions' attributes `http.request.method`,
 * `http.route` and `http.response.status_code`, as Prometheus names them. The OpenTelemetry path gets them from its
 * instrument's attributes; the prom-client path, whose middleware is the project's own, takes the same names, so
 * that one schema holds from the source to the dashboards and the rules rename nothing.
 */
export const HTTP_SERVER_LABELS = {
  method: 'http_request_method',
  route: 'http_route',
  code: 'http_response_status_code',
} as const;
type HttpServerLabel = (typeof HTTP_SERVER_LABELS)[keyof typeof HTTP_SERVER_LABELS];
const HTTP_SERVER_LABEL_NAMES = [HTTP_SERVER_LABELS.method, HTTP_SERVER_LABELS.route, HTTP_SERVER_LABELS.code] as const;

/** HTTP server metrics of the prom-client path, recorded by its middleware. */
export const PROM_CLIENT_HTTP_METRICS = {
  requests: {
    kind: 'counter',
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames: HTTP_SERVER_LABEL_NAMES,
  } satisfies CounterDefinition<HttpServerLabel>,
  duration: {
    kind: 'histogram',
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route template and status code.',
    unit: 's',
    labelNames: HTTP_SERVER_LABEL_NAMES,
    buckets: LATENCY_BUCKETS_SECONDS,
  } satisfies HistogramDefinition<HttpServerLabel>,
} as const;

/**
 * The HTTP server histogram of the OpenTelemetry path, as the auto-instrumentation records it
 * (semantic conventions `http.server.request.duration`, seconds) and the Prometheus exporter names it:
 * dots become underscores and no unit suffix is added.
 */
export const OTEL_HTTP_METRICS = {
  duration: {
    kind: 'histogram',
    instrumentName: 'http.server.request.duration',
    name: 'http_server_request_duration',
    help: 'Duration of HTTP server requests.',
    unit: 's',
    labelNames: HTTP_SERVER_LABEL_NAMES,
    /**
     * The convention's other attributes on the series, which the rules aggregate away: `url.scheme` (required),
     * `network.protocol.version` (recommended), and `error.type` on a 5xx answer only (the status code).
     */
    conventionLabelNames: ['url_scheme', 'network_protocol_version', 'error_type'],
    buckets: LATENCY_BUCKETS_SECONDS,
  },
} as const;

/** Route label given to requests that matched no route, so unknown paths never mint new series. */
export const UNMATCHED_ROUTE = 'unmatched';
