import { alertingRule, type RuleFileSource } from '../rule-builders.js';
import { SELECTORS } from '../selectors.js';

/** The pipeline's own metrics the alerts read (rule-inputs.ts lists them with their jobs). */
const RULE_EVALUATION_FAILURES = 'prometheus_rule_evaluation_failures_total';
const NOTIFICATIONS_FAILED = 'alertmanager_notifications_failed_total';
/**
 * The OpenTelemetry Collector's own counters (its telemetry names them without `_total`): points an exporter gave up
 * sending (after its retries, or at once on a permanent error such as a 4xx), and points a receiver refused.
 */
const COLLECTOR_SEND_FAILED = 'otelcol_exporter_send_failed_metric_points';
const COLLECTOR_REFUSED = 'otelcol_receiver_refused_metric_points';

export const PIPELINE_ALERTS: RuleFileSource = {
  name: 'pipeline.alerts.yml',
  comment: [
    'The alerting pipeline watching itself: rules that fail to evaluate never fire, notifications that fail never',
    'arrive, metric points the OpenTelemetry Collector drops never reach the rules, and the Watchdog proves end to end',
    'that alerts still flow.',
  ].join('\n'),
  groups: [
    {
      name: 'pipeline.alerts',
      rules: [
        alertingRule({
          alert: 'PrometheusRuleEvaluationFailures',
          expr: [
            'sum by (job, instance, service, rule_group) (',
            `  increase(${RULE_EVALUATION_FAILURES}{${SELECTORS.prometheus}}[5m])`,
            ') > 0',
          ].join('\n'),
          for: '5m',
          severity: 'critical',
          summary: 'Prometheus fails to evaluate rules of {{ $labels.rule_group }}',
          description:
            '{{ $value | humanize }} evaluations of the rule group {{ $labels.rule_group }} failed on ' +
            '{{ $labels.instance }} over the last 5 minutes: their recorded series have gaps and their alerts cannot fire.',
        }),
        alertingRule({
          alert: 'AlertmanagerNotificationsFailing',
          expr: [
            'sum by (job, instance, service, integration) (',
            `  increase(${NOTIFICATIONS_FAILED}{${SELECTORS.alertmanager}}[5m])`,
            ') > 0',
          ].join('\n'),
          for: '5m',
          severity: 'critical',
          summary: 'Alertmanager fails to deliver notifications through {{ $labels.integration }}',
          description:
            '{{ $value | humanize }} notifications through the {{ $labels.integration }} integration failed on ' +
            '{{ $labels.instance }} over the last 5 minutes: alerts are firing that nobody receives.',
        }),
        alertingRule({
          comment: [
            'On the deliveries through the Collector: points it gave up sending to Prometheus, or refused to take from the',
            'app, are gone from every rule and panel. Its own series appear at the first failure; `increase` counts from there.',
          ].join('\n'),
          alert: 'OtelCollectorDroppingPoints',
          expr: [
            'sum by (job, instance, service) (',
            `  increase(${COLLECTOR_SEND_FAILED}{${SELECTORS.otelCollector}}[5m])`,
            `  or increase(${COLLECTOR_REFUSED}{${SELECTORS.otelCollector}}[5m])`,
            ') > 0',
          ].join('\n'),
          for: '2m',
          severity: 'critical',
          summary: 'The OpenTelemetry Collector drops metric points',
          description:
            '{{ $value | humanize }} metric points were refused or could not be sent by the Collector at ' +
            "{{ $labels.instance }} over the last 5 minutes: the OpenTelemetry app's series have gaps. Its log says " +
            'which exporter or receiver, and why (Prometheus down or refusing the writes, the memory limiter).',
        }),
        alertingRule({
          comment:
            'Always firing, on purpose. Alertmanager routes it to its own receiver; its ABSENCE downstream means the\npipeline (rule evaluation, Prometheus → Alertmanager, routing) is broken. `for: 0s`: it must fire from the\nfirst evaluation.',
          alert: 'Watchdog',
          expr: 'vector(1)',
          for: '0s',
          severity: 'none',
          summary: 'The alerting pipeline is alive',
          description:
            'Always firing (value {{ $value }}), to prove that Prometheus evaluates rules and Alertmanager ' +
            'receives alerts. Its absence is the alert.',
        }),
      ],
    },
  ],
};
