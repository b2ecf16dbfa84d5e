import { METRIC_PATHS, OTEL_HTTP_METRICS, PROM_CLIENT_HTTP_METRICS, TASK_ROUTES, type MetricPath } from '@app/metrics';
import {
  alertTest,
  commented,
  expectedAnnotations,
  nativeHistogramValues,
  pushedRequestSeries,
  pushedResourceInfoSeries,
  requestSeries,
  ruleFilesOf,
  scrapedResourceInfoSeries,
  serviceLabelsOf,
  targetLabels,
  upSeries,
  type ExpectedAlert,
  type RuleTestFileSource,
} from '../rule-test-builders.js';
import { TARGETS_ALERTS } from '../rules/targets.alerts.js';
import { SELF_MONITORING_TARGETS, type ScrapeJobName } from '../scrape-jobs.js';

/** 60 requests a minute, each taking 0.5 s: the bucket (0.25, 0.5] of schema 0. */
const HALF_SECOND_EACH = { count: 60, sum: 30, buckets: [60], offset: -1 };

const OTEL = METRIC_PATHS.otel;
const PROM_CLIENT = METRIC_PATHS.promClient;
const ONE = { route: TASK_ROUTES.one.path, code: '200' };

function targetDown(job: ScrapeJobName): ExpectedAlert {
  const { instance, service } = targetLabels(job);
  return {
    exp_labels: { severity: 'critical', ...targetLabels(job) },
    exp_annotations: expectedAnnotations(
      'TargetDown',
      `${job} at ${instance} does not answer scrapes`,
      `Prometheus has failed to scrape ${job} (${service}) at ${instance} for a minute (up = 0): the process is ` +
        'down, or its metrics endpoint is not where prometheus.yml says.',
    ),
  };
}

function metricsAbsent(path: MetricPath): ExpectedAlert {
  const { job, service } = METRIC_PATHS[path];
  return {
    exp_labels: { severity: 'warning', ...serviceLabelsOf(path) },
    exp_annotations: expectedAnnotations(
      'AppMetricsAbsent',
      `${service} exports none of the request series the rules read`,
      `Prometheus holds no request series for job ${job} (${PROM_CLIENT_HTTP_METRICS.requests.name} on the ` +
        `prom-client path, ${OTEL_HTTP_METRICS.duration.name}_count on the OpenTelemetry path when scraped, ` +
        `${OTEL_HTTP_METRICS.duration.name} when pushed; absent = 1), while the target is up or not scraped at all: ` +
        'the request rate, error ratios ' +
        `and SLO alerts of ${service} are blind.`,
    ),
  };
}

const PUSH_STOPPED: ExpectedAlert = {
  exp_labels: { severity: 'critical', ...serviceLabelsOf('otel') },
  exp_annotations: expectedAnnotations(
    'OtlpPushStopped',
    `${OTEL.service} has pushed no metrics for 3 minutes`,
    `Prometheus' OTLP receiver has received nothing from ${OTEL.service} (job ${OTEL.job}) for more than 3 ` +
      'minutes, after it pushed in the last hour (pushed = 1): the app is down, or the Collector between them is ' +
      "(TargetDown says so for job otel-collector), or the app's OTEL_EXPORTER_OTLP_* settings are wrong.",
  ),
};

export const TARGETS_ALERTS_TEST: RuleTestFileSource = {
  name: 'targets.alerts.test.yml',
  comment:
    'Alerts on the scraping itself: targets that do not answer, and apps that answer without their request series.',
  content: {
    rule_files: ruleFilesOf(TARGETS_ALERTS),
    evaluation_interval: '15s',
    tests: [
      {
        name: 'TargetDown fires after a minute of failed scrapes, not on a 30-second blip',
        interval: '15s',
        input_series: [
          { comment: 'down from the first minute on', series: upSeries(OTEL.job), values: '1x3 0x20' },
          {
            comment: 'down for 30 seconds only',
            series: upSeries(SELF_MONITORING_TARGETS.alertmanager.job),
            values: '1x3 0x1 1x20',
          },
          { series: upSeries(PROM_CLIENT.job), values: '1x23' },
        ],
        alert_rule_test: [alertTest('TargetDown', '1m', []), alertTest('TargetDown', '5m', [targetDown(OTEL.job)])],
      },
      {
        name: 'AppMetricsAbsent fires for an app up without request series, and for a job Prometheus does not scrape',
        interval: '1m',
        input_series: [
          {
            comment: [
              `${OTEL.job} is scraped, but exports no ${OTEL_HTTP_METRICS.duration.name}_count;`,
              `${PROM_CLIENT.job} is not scraped at all (as when a job is renamed): no up, no series`,
            ].join('\n'),
            series: upSeries(OTEL.job),
            values: '1x30',
          },
        ],
        alert_rule_test: [
          alertTest('AppMetricsAbsent', '14m', []),
          alertTest('AppMetricsAbsent', '20m', [metricsAbsent('promClient'), metricsAbsent('otel')]),
        ],
      },
      {
        name: 'AppMetricsAbsent stays silent while the series exist, and leaves a down target to TargetDown',
        interval: '1m',
        input_series: [
          { series: upSeries(PROM_CLIENT.job), values: '1x30' },
          { series: requestSeries('promClient', ONE), values: '0+60x30' },
          { series: upSeries(OTEL.job), values: '0x30' },
        ],
        alert_rule_test: [alertTest('AppMetricsAbsent', '25m', [])],
      },
      {
        name: 'AppMetricsAbsent stays silent for an OpenTelemetry app that pushes its request series as OTLP',
        interval: '1m',
        input_series: [
          { series: upSeries(PROM_CLIENT.job), values: '1x30' },
          { series: requestSeries('promClient', ONE), values: '0+60x30' },
          {
            // Without the exporter's extra labels, as in the hand-written test: the rule reads none of them.
            comment: `No up{job="${OTEL.job}"}, no scraped series: only the pushed ones.`,
            series: pushedRequestSeries(ONE, 'host-7', {}),
            values: nativeHistogramValues(HALF_SECOND_EACH, 30),
          },
        ],
        alert_rule_test: [alertTest('AppMetricsAbsent', '25m', [])],
      },
      {
        name: 'OtlpPushStopped fires once a pushing app has been silent for 3 minutes',
        interval: '1m',
        input_series: commented(
          'Two workers push every minute; both stop at minute 10. Worker host-8 restarts as host-9 at minute 20.',
          [
            { series: pushedResourceInfoSeries('host-7'), values: '1x10' },
            { series: pushedResourceInfoSeries('host-8'), values: '1x10' },
            { series: pushedResourceInfoSeries('host-9'), values: '_x20 1x20' },
          ],
        ),
        alert_rule_test: [
          alertTest('OtlpPushStopped', '10m', []),
          {
            comment: 'last push at 10m: none in the 3 minutes up to 13m (a range excludes its start), firing from 14m',
            ...alertTest('OtlpPushStopped', '13m', []),
          },
          alertTest('OtlpPushStopped', '15m', [PUSH_STOPPED]),
          {
            comment: "pushing again, under a new instance: the old ones' silence is not an alert",
            ...alertTest('OtlpPushStopped', '30m', []),
          },
        ],
      },
      {
        name: "OtlpPushStopped leaves a scraped app that stops to TargetDown (delivery scrape, or collector's scrape)",
        interval: '1m',
        input_series: [
          { comment: 'Scraped until minute 10, then down: up = 0.', series: upSeries(OTEL.job), values: '1x10 0x30' },
          { series: scrapedResourceInfoSeries(), values: '1x10' },
        ],
        alert_rule_test: [
          alertTest('OtlpPushStopped', '30m', []),
          alertTest('TargetDown', '30m', [targetDown(OTEL.job)]),
        ],
      },
    ],
  },
};
