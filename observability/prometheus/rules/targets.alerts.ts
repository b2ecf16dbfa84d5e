import { INSTRUMENTATION_LABEL, METRIC_PATHS, OTEL_HTTP_METRICS, PROM_CLIENT_HTTP_METRICS } from '@app/metrics';
import { RESOURCE_INFO_METRIC, SCRAPE_HEALTH_METRIC } from '../rule-inputs.js';
import { alertingRule, type RuleFileSource } from '../rule-builders.js';
import { SELECTORS } from '../selectors.js';

const UP = SCRAPE_HEALTH_METRIC;
const PROM_CLIENT_REQUESTS = PROM_CLIENT_HTTP_METRICS.requests.name;
/** Scraped, the classic histogram's `_count`; pushed as OTLP, the native histogram itself. */
const OTEL_REQUESTS = [`${OTEL_HTTP_METRICS.duration.name}_count`, OTEL_HTTP_METRICS.duration.name] as const;

/** absent() takes its labels from the selector's equality matchers: these give the alert the service labels. */
const absentLabels = (path: (typeof METRIC_PATHS)[keyof typeof METRIC_PATHS]): string =>
  `job="${path.job}", ${INSTRUMENTATION_LABEL}="${path.instrumentation}", service="${path.service}"`;

/** Three minutes cover the SDK's default export interval (60 s). */
const PUSH_SILENCE = '3m';

export const TARGETS_ALERTS: RuleFileSource = {
  name: 'targets.alerts.yml',
  comment: [
    'Alerts on the scraping itself: a target that does not answer, and an app that answers without the series the',
    "rules read. The second one is the course's failure turned into an alert: its rules named metrics and jobs that",
    'did not exist, and nothing said so.',
  ].join('\n'),
  groups: [
    {
      name: 'targets.alerts',
      rules: [
        alertingRule({
          alert: 'TargetDown',
          expr: `${UP} == 0`,
          for: '1m',
          severity: 'critical',
          summary: '{{ $labels.job }} at {{ $labels.instance }} does not answer scrapes',
          description:
            'Prometheus has failed to scrape {{ $labels.job }} ({{ $labels.service }}) at {{ $labels.instance }} ' +
            'for a minute (up = {{ $value }}): the process is down, or its metrics endpoint is not where ' +
            'prometheus.yml says.',
        }),
        alertingRule({
          comment: [
            "On the series each app's request rate, ratios and SLO are computed from. absent() also fires when the job",
            "is missing from Prometheus altogether (a renamed job); a DOWN target is TargetDown's, hence the `unless`.",
          ].join('\n'),
          alert: 'AppMetricsAbsent',
          expr: [
            '(',
            `  absent(${PROM_CLIENT_REQUESTS}{${absentLabels(METRIC_PATHS.promClient)}})`,
            '  unless on ()',
            `  ${UP}{${SELECTORS.promClient}} == 0`,
            ')',
            'or',
            '(',
            ...OTEL_REQUESTS.map(
              (name, i) => `  ${i > 0 ? 'and ' : ''}absent(${name}{${absentLabels(METRIC_PATHS.otel)}})`,
            ),
            '  unless on ()',
            `  ${UP}{${SELECTORS.otel}} == 0`,
            ')',
          ].join('\n'),
          for: '15m',
          severity: 'warning',
          summary: '{{ $labels.service }} exports none of the request series the rules read',
          description:
            `Prometheus holds no request series for job {{ $labels.job }} (${PROM_CLIENT_REQUESTS} on the prom-client ` +
            `path, ${OTEL_REQUESTS[0]} on the OpenTelemetry path when scraped, ${OTEL_REQUESTS[1]} when pushed; ` +
            'absent = {{ $value }}), while the target is up or not scraped at all: the request rate, error ratios and ' +
            'SLO alerts of {{ $labels.service }} are blind.',
        }),
        alertingRule({
          comment: [
            'TargetDown for an app that pushes (delivery otlp): there is no scrape, hence no `up`;',
            `the resource's ${RESOURCE_INFO_METRIC} comes with every push. Per job, not per instance: a restarted worker pushes`,
            `under a new service.instance.id, and the one it replaced must not look stopped. ${PUSH_SILENCE} cover the`,
            "SDK's default export interval (60 s). Where the app is scraped, a stopped app is TargetDown's (up stays, at 0).",
          ].join('\n'),
          alert: 'OtlpPushStopped',
          expr: [
            `max by (job, ${INSTRUMENTATION_LABEL}, service) (present_over_time(${RESOURCE_INFO_METRIC}{${SELECTORS.otel}}[1h]))`,
            `unless on (job)`,
            `max by (job) (present_over_time(${RESOURCE_INFO_METRIC}{${SELECTORS.otel}}[${PUSH_SILENCE}]))`,
            "# a scraped app (delivery scrape, or the Collector scraping it) that stops is TargetDown's: its up stays",
            `unless on (job)`,
            `max by (job) (present_over_time(${UP}{${SELECTORS.otel}}[${PUSH_SILENCE}]))`,
          ].join('\n'),
          for: '1m',
          severity: 'critical',
          summary: '{{ $labels.service }} has pushed no metrics for 3 minutes',
          description:
            "Prometheus' OTLP receiver has received nothing from {{ $labels.service }} (job {{ $labels.job }}) for " +
            'more than 3 minutes, after it pushed in the last hour (pushed = {{ $value }}): the app is down, or the ' +
            "Collector between them is (TargetDown says so for job otel-collector), or the app's OTEL_EXPORTER_OTLP_* " +
            'settings are wrong.',
        }),
      ],
    },
  ],
};
