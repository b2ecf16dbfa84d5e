import { SELF_MONITORING_TARGETS } from '../scrape-jobs.js';
import type { RuleFileSource } from '../rule-builders.js';
import {
  alertTest,
  expectedAnnotations,
  recordingRuleFileOf,
  ruleFilesOf,
  selfMonitoringSeries,
  targetLabels,
  type ExpectedAlert,
  type RuleTestFileSource,
} from '../rule-test-builders.js';
import { HTTP_RECORDING_RULES } from '../rules/http.rules.js';
import { PIPELINE_ALERTS } from '../rules/pipeline.alerts.js';
import { sloRuleFiles } from '../slo/slo-rule-files.js';

const PROMETHEUS = targetLabels(SELF_MONITORING_TARGETS.prometheus.job);
const ALERTMANAGER = targetLabels(SELF_MONITORING_TARGETS.alertmanager.job);
const COLLECTOR = targetLabels(SELF_MONITORING_TARGETS.otelCollector.job);

/** Prometheus names a rule group by its file, as mounted in compose, and its name: `<path>;<group>`. */
const ruleGroup = (file: RuleFileSource): string => `/etc/prometheus/rules/${file.name};${file.groups[0].name}`;
const HTTP_RULES_GROUP = ruleGroup(HTTP_RECORDING_RULES);
const SLO_RULES_GROUP = ruleGroup(recordingRuleFileOf(sloRuleFiles()));

const evaluationsFailing = (rule_group: string, failures: number): ExpectedAlert => ({
  exp_labels: { severity: 'critical', ...PROMETHEUS, rule_group },
  exp_annotations: expectedAnnotations(
    'PrometheusRuleEvaluationFailures',
    `Prometheus fails to evaluate rules of ${rule_group}`,
    `${failures} evaluations of the rule group ${rule_group} failed on ${PROMETHEUS.instance} over the last 5 minutes: ` +
      'their recorded series have gaps and their alerts cannot fire.',
  ),
});

const notificationsFailing = (integration: string, failures: number): ExpectedAlert => ({
  exp_labels: { severity: 'critical', ...ALERTMANAGER, integration },
  exp_annotations: expectedAnnotations(
    'AlertmanagerNotificationsFailing',
    `Alertmanager fails to deliver notifications through ${integration}`,
    `${failures} notifications through the ${integration} integration failed on ${ALERTMANAGER.instance} over the ` +
      'last 5 minutes: alerts are firing that nobody receives.',
  ),
});

const collectorDropping = (points: number): ExpectedAlert => ({
  exp_labels: { severity: 'critical', ...COLLECTOR },
  exp_annotations: expectedAnnotations(
    'OtelCollectorDroppingPoints',
    'The OpenTelemetry Collector drops metric points',
    `${points} metric points were refused or could not be sent by the Collector at ${COLLECTOR.instance} over the ` +
      "last 5 minutes: the OpenTelemetry app's series have gaps. Its log says which exporter or receiver, and why " +
      '(Prometheus down or refusing the writes, the memory limiter).',
  ),
});

const WATCHDOG: ExpectedAlert = {
  exp_labels: { severity: 'none' },
  exp_annotations: expectedAnnotations(
    'Watchdog',
    'The alerting pipeline is alive',
    'Always firing (value 1), to prove that Prometheus evaluates rules and Alertmanager receives alerts. Its ' +
      'absence is the alert.',
  ),
};

export const PIPELINE_ALERTS_TEST: RuleTestFileSource = {
  name: 'pipeline.alerts.test.yml',
  comment:
    "The alerting pipeline watching itself, on Prometheus' and Alertmanager's own metrics (as 2.42 and 0.25 name them).",
  content: {
    rule_files: ruleFilesOf(PIPELINE_ALERTS),
    evaluation_interval: '1m',
    tests: [
      {
        name: 'PrometheusRuleEvaluationFailures fires while a group keeps failing, not on a failure long past',
        interval: '1m',
        input_series: [
          {
            series: selfMonitoringSeries('prometheus_rule_evaluation_failures_total', { rule_group: HTTP_RULES_GROUP }),
            values: '0+1x30',
          },
          {
            comment: 'failed once, at the start, then never again',
            series: selfMonitoringSeries('prometheus_rule_evaluation_failures_total', { rule_group: SLO_RULES_GROUP }),
            values: '0 1x30',
          },
        ],
        alert_rule_test: [
          alertTest('PrometheusRuleEvaluationFailures', '4m', []),
          alertTest('PrometheusRuleEvaluationFailures', '20m', [evaluationsFailing(HTTP_RULES_GROUP, 5)]),
        ],
      },
      {
        name: 'AlertmanagerNotificationsFailing fires while notifications fail, not once they recovered',
        interval: '1m',
        input_series: [
          {
            series: selfMonitoringSeries('alertmanager_notifications_failed_total', { integration: 'webhook' }),
            values: '0+2x15 30x15',
          },
          {
            series: selfMonitoringSeries('alertmanager_notifications_failed_total', { integration: 'email' }),
            values: '0x30',
          },
        ],
        alert_rule_test: [
          alertTest('AlertmanagerNotificationsFailing', '4m', []),
          alertTest('AlertmanagerNotificationsFailing', '12m', [notificationsFailing('webhook', 10)]),
          {
            comment: 'failures stopped at minute 15: resolved 5 minutes later',
            ...alertTest('AlertmanagerNotificationsFailing', '25m', []),
          },
        ],
      },
      {
        name: 'OtelCollectorDroppingPoints fires while the Collector fails to send points, not once it sends again',
        interval: '1m',
        input_series: [
          {
            comment: 'Nothing failed for 5 minutes (no series yet), then 100 points a minute for 10, then none.',
            series: selfMonitoringSeries('otelcol_exporter_send_failed_metric_points', {
              exporter: 'prometheus_remote_write/prometheus',
            }),
            values: '_x5 100+100x10 1100x20',
          },
          {
            series: selfMonitoringSeries('otelcol_receiver_refused_metric_points', { receiver: 'otlp/app' }),
            values: '0x35',
          },
        ],
        alert_rule_test: [
          alertTest('OtelCollectorDroppingPoints', '5m', []),
          {
            comment: 'failing since minute 6, for 2 minutes past the `for:` at minute 9: 500 points over 5 minutes',
            ...alertTest('OtelCollectorDroppingPoints', '11m', [collectorDropping(500)]),
          },
          {
            comment: 'sending again from minute 15: resolved 5 minutes later',
            ...alertTest('OtelCollectorDroppingPoints', '22m', []),
          },
        ],
      },
      {
        name: 'OtelCollectorDroppingPoints fires when the Collector refuses points from the app',
        interval: '1m',
        input_series: [
          {
            series: selfMonitoringSeries('otelcol_receiver_refused_metric_points', { receiver: 'otlp/app' }),
            values: '0x3 0+50x20',
          },
        ],
        alert_rule_test: [
          alertTest('OtelCollectorDroppingPoints', '3m', []),
          alertTest('OtelCollectorDroppingPoints', '12m', [collectorDropping(250)]),
        ],
      },
      {
        name: 'Watchdog fires from the first evaluation, always',
        interval: '1m',
        alert_rule_test: ['0m', '3h'].map((evalTime) => alertTest('Watchdog', evalTime, [WATCHDOG])),
      },
    ],
  },
};
