import { INSTRUMENTATION_LABEL, METRIC_PATHS, OTEL_HTTP_METRICS, TASKS_METRICS, type MetricPath } from '@app/metrics';
import { runbookUrl } from './runbook-url.js';
import { SCRAPE_HEALTH_METRIC } from './rule-inputs.js';
import { EXPECTED_TARGET_LABELS, type ScrapeJobName } from './scrape-jobs.js';

/** A promtool unit test file, as `promtool test rules` reads it. */
export interface PromtoolTestFile {
  rule_files: string[];
  evaluation_interval: string;
  group_eval_order?: string[];
  tests: PromtoolTest[];
}

export interface PromtoolTest {
  name: string;
  interval: string;
  input_series: Array<{ series: string; values: string; comment?: string }>;
  alert_rule_test?: Array<{ alertname: string; eval_time: string; exp_alerts: ExpectedAlert[] }>;
  promql_expr_test?: Array<{ expr: string; eval_time: string; exp_samples: Array<{ labels: string; value: number }> }>;
}

export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations: Record<string, string>;
}

/** A promtool test file as authored in TypeScript; `name` is its file name under tests/. */
export interface RuleTestFileSource {
  readonly name: `${string}.test.yml`;
  readonly comment?: string;
  readonly content: PromtoolTestFile;
}

/** The instance each job is scraped at in the tests, as a scrape would label it. */
const INSTANCES: Readonly<Record<ScrapeJobName, string>> = {
  [METRIC_PATHS.promClient.job]: '127.0.0.1:8081',
  [METRIC_PATHS.otel.job]: '127.0.0.1:9464',
  prometheus: '127.0.0.1:9090',
  alertmanager: '127.0.0.1:9093',
  'alert-receiver': '127.0.0.1:8090',
};

/**
 * What the OpenTelemetry exporter adds to an instrument's series besides its attributes: the instrumentation scope
 * (`otel_scope_*`), and for the HTTP histogram the attributes instrumentation-http records beyond the ones the rules
 * read. The live-stack test runs the rules on the series the app really exports; these stand for them here.
 */
const OTEL_EXTRA_LABELS = {
  http: {
    url_scheme: 'http',
    network_protocol_version: '1.1',
    otel_scope_name: '@opentelemetry/instrumentation-http',
    otel_scope_version: '0.223.0',
  },
  tasks: { otel_scope_name: 'tasks', otel_scope_version: '0.1.0' },
} as const;

interface SeriesDefinition<Label extends string> {
  readonly name: string;
  readonly labelNames: readonly Label[];
}

const render = (name: string, labels: Readonly<Record<string, string>>): string =>
  `${name}{${Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .join(', ')}}`;

/** The scrape's target labels of a job: `job`, `instance`, and what prometheus.yml adds (scrape-jobs.ts). */
export function targetLabels(job: ScrapeJobName): Record<string, string> {
  return { job, instance: INSTANCES[job], ...EXPECTED_TARGET_LABELS[job] };
}

/**
 * A series as Prometheus stores it after scraping one of the apps: the catalogue's name (with `suffix`, e.g.
 * `_count`) and its labels, in the catalogue's order, after the target labels; on the OpenTelemetry path, the
 * exporter's extra labels. The labels are typed by the definition: a label the metric does not have is an error.
 */
export function scrapedSeries<Label extends string>(
  path: MetricPath,
  definition: SeriesDefinition<Label>,
  labels: Readonly<Record<Label, string>>,
  suffix = '',
): string {
  const own = Object.fromEntries(definition.labelNames.map((label) => [label, labels[label]]));
  const isTasks = Object.values(TASKS_METRICS).some((metric) => metric.name === definition.name);
  const extra =
    path === 'otel'
      ? isTasks
        ? OTEL_EXTRA_LABELS.tasks
        : definition.name === OTEL_HTTP_METRICS.duration.name
          ? OTEL_EXTRA_LABELS.http
          : {}
      : {};
  return render(`${definition.name}${suffix}`, { ...targetLabels(METRIC_PATHS[path].job), ...own, ...extra });
}

/** `up` of a job's target. */
export function upSeries(job: ScrapeJobName): string {
  return render(SCRAPE_HEALTH_METRIC, targetLabels(job));
}

/** The labels every recorded series, and every alert on one, carries for a path's app. */
export function serviceLabelsOf(path: MetricPath): Record<string, string> {
  const { job, instrumentation, service } = METRIC_PATHS[path];
  return { job, [INSTRUMENTATION_LABEL]: instrumentation, service };
}

/** A recorded series' name and labels, as promtool prints an expected sample. */
export function recordedSeries(record: string, labels: Readonly<Record<string, string>>): string {
  return render(record, labels);
}

/** The annotations an alert is expected with: its summary, description, and the runbook link of the one pattern. */
export function expectedAnnotations(alertname: string, summary: string, description: string): Record<string, string> {
  return { summary, description, runbook_url: runbookUrl(alertname) };
}
