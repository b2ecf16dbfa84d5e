import { HTTP_SERVER_LABELS, RECORDING_RULES } from '@app/metrics';
import { RESOURCE_INFO_METRIC, SCRAPE_HEALTH_METRIC } from '../rule-inputs.js';
import { alertingRule, type AlertingRuleSource, type RuleFileSource, type Severity } from '../rule-builders.js';
import { SELECTORS, serviceLabels } from '../selectors.js';

/**
 * Every ratio alert also needs traffic: at least 0.1 requests/s, i.e. 30 requests in its 5-minute window, so that a
 * lone failed request on an idle service pages nobody.
 */
const MIN_REQUEST_RATE = 0.1;
const { route: ROUTE, code: CODE } = HTTP_SERVER_LABELS;
const withTraffic = (condition: string): string =>
  [condition, `and on (${serviceLabels()})`, `${RECORDING_RULES.serviceRequestRate} > ${MIN_REQUEST_RATE}`].join('\n');

const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;
const ofTheRequests =
  '{{ $value | humanizePercentage }} of the requests to {{ $labels.service }} ({{ $labels.instrumentation }} path)';

function serverErrorRatio(severity: Exclude<Severity, 'none'>, threshold: number): AlertingRuleSource {
  return alertingRule({
    ...(severity === 'warning'
      ? {
          comment:
            'The course\'s assignment, "alert on error codes", done on series that exist. Two severities under one\nname: Alertmanager\'s critical-inhibits-warning rule keeps only the critical one when both fire.',
        }
      : {}),
    alert: 'HttpServerErrorRatioHigh',
    expr: withTraffic(`${RECORDING_RULES.statusClassRatio}{class="5xx"} > ${threshold}`),
    for: '5m',
    severity,
    summary: `{{ $labels.service }} answers more than ${percent(threshold)} of its requests with a 5xx`,
    description: `${ofTheRequests} were answered with a 5xx over the last 5 minutes (${severity} above ${percent(threshold)}).`,
  });
}

function routeLatency(
  severity: Exclude<Severity, 'none'>,
  quantile: '0.95' | '0.99',
  seconds: number,
): AlertingRuleSource {
  const share = `${Number(quantile) * 100}%`;
  return alertingRule({
    ...(severity === 'warning'
      ? {
          comment:
            "Per route, on the recorded quantiles. The routes' own waits are at most 0.8 s, so 1 s at p95 means\nsomething beyond the designed work is slow. The route filter needs 0.1 requests/s on that route.",
        }
      : {}),
    alert: 'HttpRouteLatencyHigh',
    expr: [
      `${RECORDING_RULES.durationQuantiles}{quantile="${quantile}"} > ${seconds}`,
      `and on (${serviceLabels(ROUTE)})`,
      `sum by (${serviceLabels(ROUTE)}) (${RECORDING_RULES.requestRate}) > ${MIN_REQUEST_RATE}`,
    ].join('\n'),
    for: '5m',
    severity,
    summary: `p${Number(quantile) * 100} latency of {{ $labels.${ROUTE} }} on {{ $labels.service }} is above ${seconds}s`,
    description:
      `${share} of the requests to {{ $labels.${ROUTE} }} on {{ $labels.service }} ({{ $labels.instrumentation }} path) took up ` +
      `to {{ $value | humanizeDuration }} over the last 5 minutes (${severity} above ${seconds}s).`,
  });
}

export const HTTP_ALERTS: RuleFileSource = {
  name: 'http.alerts.yml',
  comment: [
    'Alerts on the HTTP series of both paths, read from the recorded series (http.rules.yml), so one rule',
    'covers both paths and every alert carries job, instrumentation and service.',
    '',
    `Every ratio alert also needs traffic: at least ${MIN_REQUEST_RATE} requests/s, i.e. 30 requests in its 5-minute window, so that`,
    'a lone failed request on an idle service pages nobody. The ratios themselves are only recorded where their',
    'divisor is above zero (no NaN).',
  ].join('\n'),
  groups: [
    {
      name: 'http.alerts',
      rules: [
        serverErrorRatio('warning', 0.05),
        serverErrorRatio('critical', 0.25),
        alertingRule({
          alert: 'HttpNotFoundRatioHigh',
          expr: withTraffic(`${RECORDING_RULES.statusCodeRatio}{${CODE}="404"} > 0.1`),
          for: '10m',
          severity: 'warning',
          summary: '{{ $labels.service }} answers more than 10% of its requests with a 404',
          description: `${ofTheRequests} were answered 404 over the last 5 minutes (warning above 10%): broken links, a removed route, or tasks that find nothing.`,
        }),
        alertingRule({
          comment:
            'Requests refused as malformed (400: a bad query parameter): a client, or the traffic generator, sends what\nthe routes do not accept. Not the service failing, hence a warning; but its users see errors.',
          alert: 'HttpBadRequestRatioHigh',
          expr: withTraffic(`${RECORDING_RULES.statusCodeRatio}{${CODE}="400"} > 0.1`),
          for: '10m',
          severity: 'warning',
          summary: '{{ $labels.service }} refuses more than 10% of its requests as malformed (400)',
          description: `${ofTheRequests} were answered 400 over the last 5 minutes (warning above 10%): a client sends query parameters the routes do not accept.`,
        }),
        alertingRule({
          comment: [
            'Metrics delivered fine, yet no request counted: the traffic stopped, or the HTTP instrumentation did.',
            '`unless` also fires when the request series does not exist at all (no request since the app started).',
            'Delivered means scraped (up = 1) or, for the OpenTelemetry app pushing OTLP (delivery otlp), pushing: its',
            `${RESOURCE_INFO_METRIC} comes with every push.`,
          ].join('\n'),
          alert: 'HttpNoTraffic',
          expr: [
            '(',
            `  ${SCRAPE_HEALTH_METRIC}{${SELECTORS.apps}} == 1`,
            '  or',
            `  max by (${serviceLabels('instance')}) (${RESOURCE_INFO_METRIC}{${SELECTORS.otel}})`,
            ')',
            `unless on (${serviceLabels()})`,
            `${RECORDING_RULES.serviceRequestRate} > 0`,
          ].join('\n'),
          for: '10m',
          severity: 'warning',
          summary: '{{ $labels.service }} is up but has answered no request for 10 minutes',
          description:
            'Prometheus receives the metrics of {{ $labels.job }} at {{ $labels.instance }} ({{ $labels.instrumentation }} ' +
            'path, scraped or pushed: {{ $value }}), but its request rate over the last 5 minutes has been zero, or its ' +
            'request series absent, for 10 minutes.',
        }),
        routeLatency('warning', '0.95', 1),
        routeLatency('critical', '0.99', 2.5),
      ],
    },
  ],
};
