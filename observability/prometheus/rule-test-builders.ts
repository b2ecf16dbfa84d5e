import {
  INSTRUMENTATION_LABEL,
  METRIC_PATHS,
  OTEL_HTTP_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  TASKS_METRICS,
  HTTP_SERVER_LABELS,
  type LabelSetOf,
  type MetricPath,
  type TaskName,
  type TaskOutcome,
} from '@app/metrics';
import type { Commented, RuleFileSource } from './rule-builders.js';
import { RULE_FILE_SUFFIXES } from './rule-files.js';
import { runbookUrl } from './runbook-url.js';
import { RESOURCE_INFO_METRIC, SCRAPE_HEALTH_METRIC, SELF_MONITORING_METRICS } from './rule-inputs.js';
import { EXPECTED_TARGET_LABELS, SCRAPE_JOB_NAMES, type ScrapeJobName } from './scrape-jobs.js';

/** A promtool unit test file, as `promtool test rules` reads it. */
export interface PromtoolTestFile {
  rule_files: string[];
  evaluation_interval: string;
  group_eval_order?: string[];
  tests: PromtoolTest[];
}

/** Every `comment` becomes a YAML comment above its item (rule-yaml.ts): say why the case, what the series is. */
export interface PromtoolTest extends Commented {
  name: string;
  interval: string;
  input_series?: InputSeries[];
  alert_rule_test?: AlertRuleTest[];
  promql_expr_test?: PromqlExprTest[];
}

export interface InputSeries extends Commented {
  series: string;
  values: string;
}

export interface AlertRuleTest extends Commented {
  alertname: string;
  eval_time: string;
  exp_alerts: ExpectedAlert[];
}

export interface PromqlExprTest extends Commented {
  expr: string;
  eval_time: string;
  exp_samples: ExpectedSample[];
}

export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations: Record<string, string>;
}

export interface ExpectedSample {
  labels: string;
  value: number;
}

/** A promtool test file as authored in TypeScript; `name` is its file name under tests/. */
export interface RuleTestFileSource {
  readonly name: `${string}.test.yml`;
  readonly comment?: string;
  readonly content: PromtoolTestFile;
}

type Labels = Readonly<Record<string, string>>;

/**
 * A value for each of a definition's labels: forgetting one is a type error. `undefined` leaves the label out, as
 * OpenTelemetry does with an attribute it did not record (`http_route` of a request that matched no route).
 */
export type LabelValues<Label extends string> = Readonly<Record<Label, string | undefined>>;

/** The instance each job is scraped at in the tests, as a scrape would label it. */
const INSTANCES: Readonly<Record<ScrapeJobName, string>> = {
  [METRIC_PATHS.promClient.job]: '127.0.0.1:8081',
  [METRIC_PATHS.otel.job]: '127.0.0.1:9464',
  prometheus: '127.0.0.1:9090',
  alertmanager: '127.0.0.1:9093',
  'alert-receiver': '127.0.0.1:8090',
  'otel-collector': '127.0.0.1:8888',
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

const render = (name: string, labels: Labels): string =>
  `${name}{${Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .join(', ')}}`;

/** A series in promtool's notation, `name{a="b", c="d"}`: for series that are no app's (the builders below are). */
export function formatSeries(name: string, labels: Labels): string {
  return render(name, labels);
}

/** The scrape's target labels of a job: `job`, `instance`, and what prometheus.yml adds (scrape-jobs.ts). */
export function targetLabels(job: ScrapeJobName): Record<string, string> {
  return { job, instance: INSTANCES[job], ...EXPECTED_TARGET_LABELS[job] };
}

/** The labels the exporter of a path adds to a metric's series (scrape-time extras): none on prom-client's. */
export function exporterLabelsOf(path: MetricPath, definition: { readonly name: string }): Labels {
  if (path !== 'otel') return {};
  if (Object.values(TASKS_METRICS).some((metric) => metric.name === definition.name)) return OTEL_EXTRA_LABELS.tasks;
  return definition.name === OTEL_HTTP_METRICS.duration.name ? OTEL_EXTRA_LABELS.http : {};
}

/** A definition's own labels, in the catalogue's order, without the ones left out. */
function ownLabels<Label extends string>(definition: SeriesDefinition<Label>, labels: LabelValues<Label>): Labels {
  const own: Record<string, string> = {};
  for (const label of definition.labelNames) {
    const value = labels[label];
    if (value !== undefined) own[label] = value;
  }
  return own;
}

/**
 * The labels of a series scraped from one of the apps: the target labels, the definition's own labels, then the
 * exporter's extras (`exporterLabels` replaces them, for a case that feeds the rules fewer).
 */
function scrapedLabels<Label extends string>(
  path: MetricPath,
  definition: SeriesDefinition<Label>,
  labels: LabelValues<Label>,
  exporterLabels: Labels = exporterLabelsOf(path, definition),
): Labels {
  return { ...targetLabels(METRIC_PATHS[path].job), ...ownLabels(definition, labels), ...exporterLabels };
}

/**
 * A series as Prometheus stores it after scraping one of the apps: the catalogue's name (with `suffix`, e.g.
 * `_count`) and its labels, in the catalogue's order, after the target labels; on the OpenTelemetry path, the
 * exporter's extra labels (or `exporterLabels` instead). The labels are typed by the definition: a label the metric
 * does not have is an error.
 */
export function scrapedSeries<Label extends string>(
  path: MetricPath,
  definition: SeriesDefinition<Label>,
  labels: LabelValues<Label>,
  suffix = '',
  exporterLabels?: Labels,
): string {
  return render(`${definition.name}${suffix}`, scrapedLabels(path, definition, labels, exporterLabels));
}

/** A histogram's `le` as the exporters write it. */
const leLabel = (le: number): string => (le === Infinity ? '+Inf' : String(le));

/** One `_bucket` series of a scraped histogram: its labels, then `le`. */
export function bucketSeries<Label extends string>(
  path: MetricPath,
  definition: SeriesDefinition<Label>,
  labels: LabelValues<Label>,
  le: number,
): string {
  return render(`${definition.name}_bucket`, { ...scrapedLabels(path, definition, labels), le: leLabel(le) });
}

/**
 * The labels of a series that the worker `instanceId` (`service.instance.id`) pushes as OTLP (delivery otlp): those
 * of the scrape (prometheus.yml sets them so), but `instance`, which is the pushing process rather than the scraped
 * endpoint.
 */
const pushedLabels = (scraped: Labels, instanceId: string): Labels => ({
  ...scraped,
  instance: instanceId,
  service_instance_id: instanceId,
});

/** A series of the OpenTelemetry app pushed as OTLP by the worker `instanceId`: the scraped name, see pushedLabels. */
export function pushedSeries<Label extends string>(
  definition: SeriesDefinition<Label>,
  labels: LabelValues<Label>,
  suffix: string,
  instanceId: string,
  exporterLabels?: Labels,
): string {
  return render(
    `${definition.name}${suffix}`,
    pushedLabels(scrapedLabels('otel', definition, labels, exporterLabels), instanceId),
  );
}

/** `up` of a job's target. */
export function upSeries(job: ScrapeJobName): string {
  return render(SCRAPE_HEALTH_METRIC, targetLabels(job));
}

/** The OpenTelemetry resource's `target_info` as the scraped exporter serves it: the scrape's target labels. */
export function scrapedResourceInfoSeries(): string {
  return render(RESOURCE_INFO_METRIC, targetLabels(METRIC_PATHS.otel.job));
}

/**
 * `target_info` as a push of the worker `instanceId` writes it (the pushed delivery's sign of life): the pushed
 * labels, and the resource's other `attributes` (by their OpenTelemetry names, `.` as `_`), which the rules must
 * aggregate away.
 */
export function pushedResourceInfoSeries(instanceId: string, attributes: Labels = {}): string {
  const resource = Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [name.replace(/[^a-zA-Z0-9_]/g, '_'), value]),
  );
  return render(RESOURCE_INFO_METRIC, {
    ...pushedLabels(targetLabels(METRIC_PATHS.otel.job), instanceId),
    ...resource,
  });
}

const isScrapeJob = (job: string | undefined): job is ScrapeJobName => SCRAPE_JOB_NAMES.some((known) => known === job);

/** A series of the pipeline's own metrics (SELF_MONITORING_METRICS, rule-inputs.ts), on the job that exports it. */
export function selfMonitoringSeries(metric: string, labels: Labels): string {
  const job = SELF_MONITORING_METRICS[metric];
  if (!isScrapeJob(job))
    throw new Error(`${metric} is none of the pipeline's own metrics the rules read (rule-inputs.ts)`);
  return render(metric, { ...targetLabels(job), ...labels });
}

/** An HTTP request, as both paths label it (http.rules.yml). */
export interface HttpRequest {
  /** The route template: a TASK_ROUTES path, or UNMATCHED_ROUTE for a request that matched no route. */
  readonly route: string;
  readonly code: string;
  /** GET unless said. */
  readonly method?: string;
}

type HttpLabel = (typeof HTTP_SERVER_LABELS)[keyof typeof HTTP_SERVER_LABELS];

const requestLabels = ({ route, code, method = 'GET' }: HttpRequest): LabelValues<HttpLabel> => ({
  [HTTP_SERVER_LABELS.method]: method,
  [HTTP_SERVER_LABELS.route]: route,
  [HTTP_SERVER_LABELS.code]: code,
});

/**
 * The series a path counts a request in: prom-client's counter, the `_count` of OpenTelemetry's histogram.
 * `exporterLabels` replaces the OpenTelemetry exporter's extras.
 */
export function requestSeries(path: MetricPath, request: HttpRequest, exporterLabels?: Labels): string {
  return path === 'promClient'
    ? scrapedSeries(path, PROM_CLIENT_HTTP_METRICS.requests, requestLabels(request))
    : scrapedSeries(path, OTEL_HTTP_METRICS.duration, requestLabels(request), '_count', exporterLabels);
}

/** The input series of a path's request counter for GETs of `route` answered `code` (see requestSeries). */
export function requests(path: MetricPath, route: string, code: string, values: string): InputSeries {
  return { series: requestSeries(path, { route, code }), values };
}

/**
 * The request-duration histogram of the OpenTelemetry app pushed as OTLP by the worker `instanceId` (see
 * pushedSeries): a native histogram, under the bare name; its values in promtool's notation (nativeHistogramValues).
 */
export function pushedRequestSeries(request: HttpRequest, instanceId: string, exporterLabels?: Labels): string {
  return pushedSeries(OTEL_HTTP_METRICS.duration, requestLabels(request), '', instanceId, exporterLabels);
}

/** One observation as promtool writes a native histogram (schema 0: buckets are powers of 2). */
export interface NativeObservations {
  readonly count: number;
  readonly sum: number;
  /** Counts of the positive buckets from `offset` on: bucket i holds (2^(i-1), 2^i]. */
  readonly buckets: readonly number[];
  readonly offset?: number;
}

const nativeHistogram = ({ count, sum, buckets, offset = 0 }: NativeObservations): string =>
  `{{schema:0 count:${count} sum:${sum} offset:${offset} buckets:[${buckets.join(' ')}]}}`;

/**
 * The values of a native histogram series that grows by `step` every interval for `intervals` intervals, from empty
 * (promtool's `a+bxn` on histograms).
 */
export function nativeHistogramValues(step: NativeObservations, intervals: number): string {
  return `${nativeHistogram({ count: 0, sum: 0, buckets: step.buckets.map(() => 0), offset: step.offset })}+${nativeHistogram(step)}x${intervals}`;
}

/** The request-duration histogram's buckets on a path, each `[le, values]` (Infinity is `+Inf`). */
export function requestBuckets(
  path: MetricPath,
  request: HttpRequest,
  buckets: ReadonlyArray<readonly [le: number, values: string]>,
): InputSeries[] {
  const series = (le: number) =>
    path === 'promClient'
      ? bucketSeries(path, PROM_CLIENT_HTTP_METRICS.duration, requestLabels(request), le)
      : bucketSeries(path, OTEL_HTTP_METRICS.duration, requestLabels(request), le);
  return buckets.map(([le, values]) => ({ series: series(le), values }));
}

/** The task counter of one task on a path: a series per outcome given, in the catalogue's order of outcomes. */
export function taskOutcomes(
  path: MetricPath,
  task: TaskName,
  valuesByOutcome: Partial<Record<TaskOutcome, string>>,
): InputSeries[] {
  return TASKS_METRICS.outcomes.labelValues.task_outcome.flatMap((outcome) => {
    const values = valuesByOutcome[outcome];
    const labels: LabelSetOf<typeof TASKS_METRICS.outcomes> = { task_name: task, task_outcome: outcome };
    return values === undefined ? [] : [{ series: scrapedSeries(path, TASKS_METRICS.outcomes, labels), values }];
  });
}

/** `items` with `comment` above the first: a comment on a group of series. */
export function commented<Item extends object>(comment: string, items: readonly Item[]): Array<Item & Commented> {
  return items.map((item, index) => (index === 0 ? { comment, ...item } : item));
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

/** An expected sample of a series `record`ed for a path's app: its service labels (serviceLabelsOf), then `labels`. */
export function recordedSample(record: string, path: MetricPath, value: number, labels: Labels = {}): ExpectedSample {
  return { labels: recordedSeries(record, { ...serviceLabelsOf(path), ...labels }), value };
}

/** A `promql_expr_test`: at `evalTime`, `expr` gives exactly `samples` (none: no series at all). */
export function exprTest(expr: string, evalTime: string, samples: ExpectedSample[]): PromqlExprTest {
  return { expr, eval_time: evalTime, exp_samples: samples };
}

/** An `alert_rule_test`: at `evalTime`, `alertname` fires exactly `alerts` (none: silent, or only pending). */
export function alertTest(alertname: string, evalTime: string, alerts: ExpectedAlert[]): AlertRuleTest {
  return { alertname, eval_time: evalTime, exp_alerts: alerts };
}

/** The annotations an alert is expected with: its summary, description, and the runbook link of the one pattern. */
export function expectedAnnotations(alertname: string, summary: string, description: string): Record<string, string> {
  return { summary, description, runbook_url: runbookUrl(alertname) };
}

/** The recording-rule file among `files` (`*.rules.yml`), e.g. of the SLO's two. */
export function recordingRuleFileOf(files: readonly RuleFileSource[]): RuleFileSource {
  const recording = files.filter(({ name }) => name.endsWith(RULE_FILE_SUFFIXES.recording));
  if (recording.length !== 1)
    throw new Error(`not one recording-rule file: ${files.map(({ name }) => name).join(', ')}`);
  return recording[0];
}

/** The rule files a test loads, named relative to tests/ as promtool resolves them. */
export function ruleFilesOf(...sources: RuleFileSource[]): string[] {
  return sources.map((source) => `../rules/${source.name}`);
}

/** Why a test that loads recording and alerting rules orders their groups: for its file's header comment. */
export const GROUP_EVAL_ORDER_NOTE = [
  'Recording rules first (group_eval_order), every time: without an order promtool evaluates the groups in random',
  'order, and an alert would read the recorded series of this step or of the previous one from run to run.',
].join('\n');

/** The groups of the given files in the order given: recording rules first (GROUP_EVAL_ORDER_NOTE says why). */
export function groupEvalOrder(...sources: RuleFileSource[]): string[] {
  return sources.flatMap((source) => source.groups.map((group) => group.name));
}
