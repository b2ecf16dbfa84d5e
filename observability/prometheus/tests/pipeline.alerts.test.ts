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
        name: 'Watchdog fires from the first evaluation, always',
        interval: '1m',
        alert_rule_test: ['0m', '3h'].map((evalTime) => alertTest('Watchdog', evalTime, [WATCHDOG])),
      },
    ],
  },
};
