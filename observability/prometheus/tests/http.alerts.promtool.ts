import { METRIC_PATHS, OTEL_HTTP_METRICS, UNMATCHED_ROUTE, type MetricPath } from '@app/metrics';
import {
  alertTest,
  commented,
  expectedAnnotations,
  exporterLabelsOf,
  GROUP_EVAL_ORDER_NOTE,
  groupEvalOrder,
  nativeHistogramValues,
  pushedRequestSeries,
  pushedResourceInfoSeries,
  requestBuckets,
  requests,
  requestSeries,
  ruleFilesOf,
  serviceLabelsOf,
  targetLabels,
  upSeries,
  type ExpectedAlert,
  type InputSeries,
  type RuleTestFileSource,
} from '../rule-test-builders.js';
import { HTTP_ALERTS } from '../rules/http.alerts.js';
import { HTTP_RECORDING_RULES } from '../rules/http.rules.js';
import { ERROR, FOUR, ONE, SAMPLE } from './routes.js';

/** 60 requests a minute, each taking 0.5 s: the bucket (0.25, 0.5] of schema 0. */
const HALF_SECOND_EACH = { count: 60, sum: 30, buckets: [60], offset: -1 };

const OTEL = METRIC_PATHS.otel;
const PROM_CLIENT = METRIC_PATHS.promClient;
/** The OpenTelemetry worker that pushes OTLP (compose): its `service.instance.id`. */
const WORKER = 'host-7';
/**
 * Of the exporter's extra labels, only the scope name (as the hand-written test had it for the 400 case): the
 * ratios read none of them, so they must come out the same.
 */
const SCOPE_NAME_ONLY = { otel_scope_name: exporterLabelsOf('otel', OTEL_HTTP_METRICS.duration).otel_scope_name };

type Severity = 'warning' | 'critical';

/** A path's requests for 30 minutes: `ok` a minute answered by /one, `failing` a minute by /error with a 500. */
const okAndFailing = (path: MetricPath, ok: number, failing: number): InputSeries[] => [
  requests(path, ONE, '200', `0+${ok}x30`),
  requests(path, ERROR, '500', `0+${failing}x30`),
];

const ofTheRequests = (path: MetricPath, ratio: string): string =>
  `${ratio} of the requests to ${METRIC_PATHS[path].service} (${METRIC_PATHS[path].instrumentation} path)`;

const SERVER_ERROR_THRESHOLDS: Record<Severity, string> = { warning: '5%', critical: '25%' };

function serverErrors(path: MetricPath, severity: Severity, ratio: string): ExpectedAlert {
  const above = SERVER_ERROR_THRESHOLDS[severity];
  return {
    exp_labels: { severity, ...serviceLabelsOf(path), class: '5xx' },
    exp_annotations: expectedAnnotations(
      'HttpServerErrorRatioHigh',
      `${METRIC_PATHS[path].service} answers more than ${above} of its requests with a 5xx`,
      `${ofTheRequests(path, ratio)} were answered with a 5xx over the last 5 minutes (${severity} above ${above}).`,
    ),
  };
}

/** `instance`: the scrape's, or for a pushing app the worker's. */
function noTraffic(path: MetricPath, instance = targetLabels(METRIC_PATHS[path].job).instance): ExpectedAlert {
  const { job, instrumentation, service } = METRIC_PATHS[path];
  return {
    exp_labels: { severity: 'warning', ...targetLabels(job), instance },
    exp_annotations: expectedAnnotations(
      'HttpNoTraffic',
      `${service} is up but has answered no request for 10 minutes`,
      `Prometheus receives the metrics of ${job} at ${instance} (${instrumentation} path, scraped or pushed: 1), but ` +
        'its request rate over the last 5 minutes has been zero, or its request series absent, for 10 minutes.',
    ),
  };
}

const LATENCY_THRESHOLDS: Record<Severity, { quantile: string; percent: number; above: string }> = {
  warning: { quantile: '0.95', percent: 95, above: '1s' },
  critical: { quantile: '0.99', percent: 99, above: '2.5s' },
};

function slowRoute(path: MetricPath, route: string, severity: Severity, took: string): ExpectedAlert {
  const { quantile, percent, above } = LATENCY_THRESHOLDS[severity];
  const { instrumentation, service } = METRIC_PATHS[path];
  return {
    exp_labels: { severity, ...serviceLabelsOf(path), http_route: route, quantile },
    exp_annotations: expectedAnnotations(
      'HttpRouteLatencyHigh',
      `p${percent} latency of ${route} on ${service} is above ${above}`,
      `${percent}% of the requests to ${route} on ${service} (${instrumentation} path) took up to ${took} over the ` +
        `last 5 minutes (${severity} above ${above}).`,
    ),
  };
}

export const HTTP_ALERTS_TEST: RuleTestFileSource = {
  name: 'http.alerts.test.yml',
  comment: [
    'The HTTP alerts, fed with the raw series of both paths (through the recording rules, as in production).',
    'Each alert fires in one case with its exact labels and annotations, and stays silent below its threshold,',
    'on low traffic, and before its `for:` has elapsed.',
    GROUP_EVAL_ORDER_NOTE,
  ].join('\n'),
  content: {
    rule_files: ruleFilesOf(HTTP_RECORDING_RULES, HTTP_ALERTS),
    evaluation_interval: '1m',
    group_eval_order: groupEvalOrder(HTTP_RECORDING_RULES, HTTP_ALERTS),
    tests: [
      {
        name: 'HttpServerErrorRatioHigh warns at 10% 5xx and pages at 50%, one path each',
        interval: '1m',
        input_series: [
          ...commented('prom-client: 1 request/s, 10% failing', okAndFailing('promClient', 54, 6)),
          ...commented('OpenTelemetry: 1 request/s, 50% failing', okAndFailing('otel', 30, 30)),
        ],
        alert_rule_test: [
          {
            comment: 'pending, not yet firing: `for: 5m` has not elapsed',
            ...alertTest('HttpServerErrorRatioHigh', '4m', []),
          },
          alertTest('HttpServerErrorRatioHigh', '15m', [
            serverErrors('promClient', 'warning', '10%'),
            serverErrors('otel', 'warning', '50%'),
            serverErrors('otel', 'critical', '50%'),
          ]),
        ],
      },
      {
        name: 'HttpServerErrorRatioHigh stays silent at 4% 5xx, and at 50% on low traffic',
        interval: '1m',
        input_series: [
          ...commented('prom-client: 1 request/s, 4% failing', okAndFailing('promClient', 57.6, 2.4)),
          ...commented('OpenTelemetry: half of 3 requests a minute (0.05/s) failing', okAndFailing('otel', 1.5, 1.5)),
        ],
        alert_rule_test: [alertTest('HttpServerErrorRatioHigh', '20m', [])],
      },
      {
        name: 'HttpNotFoundRatioHigh fires at 20% 404 (unmatched OpenTelemetry requests), not at 5%',
        interval: '1m',
        input_series: [
          ...commented('OpenTelemetry: 1 request/s, 20% of them to paths that match no route', [
            requests('otel', ONE, '200', '0+48x30'),
            requests('otel', UNMATCHED_ROUTE, '404', '0+12x30'),
          ]),
          ...commented('prom-client: 1 request/s, 5% answered 404', [
            requests('promClient', ONE, '200', '0+57x30'),
            requests('promClient', SAMPLE, '404', '0+3x30'),
          ]),
        ],
        alert_rule_test: [
          {
            comment: 'pending: `for: 10m` has not elapsed',
            ...alertTest('HttpNotFoundRatioHigh', '9m', []),
          },
          alertTest('HttpNotFoundRatioHigh', '20m', [
            {
              exp_labels: { severity: 'warning', ...serviceLabelsOf('otel'), http_response_status_code: '404' },
              exp_annotations: expectedAnnotations(
                'HttpNotFoundRatioHigh',
                `${OTEL.service} answers more than 10% of its requests with a 404`,
                `${ofTheRequests('otel', '20%')} were answered 404 over the last 5 minutes (warning above 10%): ` +
                  'broken links, a removed route, or tasks that find nothing.',
              ),
            },
          ]),
        ],
      },
      {
        name: 'HttpBadRequestRatioHigh fires at 20% of 400s (prom-client), not at 5% (OpenTelemetry)',
        interval: '1m',
        input_series: [
          ...commented('prom-client: 1 request/s, 20% refused for a malformed query', [
            requests('promClient', SAMPLE, '200', '0+48x30'),
            requests('promClient', SAMPLE, '400', '0+12x30'),
          ]),
          ...commented('OpenTelemetry: 1 request/s, 5% refused', [
            { series: requestSeries('otel', { route: SAMPLE, code: '200' }, SCOPE_NAME_ONLY), values: '0+57x30' },
            { series: requestSeries('otel', { route: SAMPLE, code: '400' }, SCOPE_NAME_ONLY), values: '0+3x30' },
          ]),
        ],
        alert_rule_test: [
          {
            comment: 'pending: `for: 10m` has not elapsed',
            ...alertTest('HttpBadRequestRatioHigh', '9m', []),
          },
          alertTest('HttpBadRequestRatioHigh', '20m', [
            {
              exp_labels: { severity: 'warning', ...serviceLabelsOf('promClient'), http_response_status_code: '400' },
              exp_annotations: expectedAnnotations(
                'HttpBadRequestRatioHigh',
                `${PROM_CLIENT.service} refuses more than 10% of its requests as malformed (400)`,
                `${ofTheRequests('promClient', '20%')} were answered 400 over the last 5 minutes (warning above ` +
                  '10%): a client sends query parameters the routes do not accept.',
              ),
            },
          ]),
        ],
      },
      {
        name: 'HttpNoTraffic fires when an up app answers nothing, or its requests stop',
        interval: '1m',
        input_series: [
          { series: upSeries(OTEL.job), values: '1x40' },
          { series: upSeries(PROM_CLIENT.job), values: '1x40' },
          {
            comment: 'OpenTelemetry: no request series at all. prom-client: 1 request/s, then none from minute 10.',
            ...requests('promClient', ONE, '200', '0+60x10 600x30'),
          },
        ],
        alert_rule_test: [
          alertTest('HttpNoTraffic', '12m', [noTraffic('otel')]),
          {
            comment:
              'the prom-client rate reaches 0 five minutes after the last request, and the alert fires 10 minutes later',
            ...alertTest('HttpNoTraffic', '30m', [noTraffic('otel'), noTraffic('promClient')]),
          },
        ],
      },
      {
        name: "HttpNoTraffic stays silent while requests flow, and when the target is down (TargetDown's case)",
        interval: '1m',
        input_series: [
          { series: upSeries(PROM_CLIENT.job), values: '1x40' },
          requests('promClient', ONE, '200', '0+6x40'),
          { series: upSeries(OTEL.job), values: '0x40' },
        ],
        alert_rule_test: [alertTest('HttpNoTraffic', '30m', [])],
      },
      {
        name: 'HttpNoTraffic fires for an OpenTelemetry app that pushes OTLP but counts no request, and not once it stops pushing',
        interval: '1m',
        input_series: [
          {
            comment: "Pushed every minute for 20 minutes, then nothing: no `up`, only the resource's target_info.",
            series: pushedResourceInfoSeries(WORKER, { 'telemetry.sdk.language': 'nodejs' }),
            values: '1x20',
          },
          { series: upSeries(PROM_CLIENT.job), values: '1x50' },
          requests('promClient', ONE, '200', '0+60x50'),
        ],
        alert_rule_test: [
          alertTest('HttpNoTraffic', '12m', [noTraffic('otel', WORKER)]),
          {
            comment: "Five minutes after the last push its target_info is gone: OtlpPushStopped's case, not this one.",
            ...alertTest('HttpNoTraffic', '45m', []),
          },
        ],
      },
      {
        name: 'HttpNoTraffic stays silent while a pushing OpenTelemetry app counts requests',
        interval: '1m',
        input_series: [
          { series: pushedResourceInfoSeries(WORKER), values: '1x40' },
          {
            // A scope named after the service, as the hand-written test had it: the rules read no exporter label.
            series: pushedRequestSeries({ route: ONE, code: '200' }, WORKER, { otel_scope_name: OTEL.service }),
            values: nativeHistogramValues(HALF_SECOND_EACH, 40),
          },
        ],
        alert_rule_test: [alertTest('HttpNoTraffic', '30m', [])],
      },
      {
        name: 'HttpRouteLatencyHigh warns on a slow p95 and pages on a very slow p99, per route',
        interval: '1m',
        input_series: [
          ...commented(`prom-client ${FOUR}: 1 request/s, all between 1 s and 1.5 s (p95 1.475 s)`, [
            requests('promClient', FOUR, '200', '0+60x30'),
            ...requestBuckets('promClient', { route: FOUR, code: '200' }, [
              [1, '0x30'],
              [1.5, '0+60x30'],
              [Infinity, '0+60x30'],
            ]),
          ]),
          ...commented(`prom-client ${ONE}: 1 request/s, all under 1 s`, [
            requests('promClient', ONE, '200', '0+60x30'),
            ...requestBuckets('promClient', { route: ONE, code: '200' }, [
              [1, '0+60x30'],
              [1.5, '0+60x30'],
              [Infinity, '0+60x30'],
            ]),
          ]),
          ...commented(`OpenTelemetry ${SAMPLE}: 1 request/s, all between 2.5 s and 5 s (p95 4.875 s, p99 4.975 s)`, [
            requests('otel', SAMPLE, '200', '0+60x30'),
            ...requestBuckets('otel', { route: SAMPLE, code: '200' }, [
              [2.5, '0x30'],
              [5, '0+60x30'],
              [Infinity, '0+60x30'],
            ]),
          ]),
        ],
        alert_rule_test: [
          alertTest('HttpRouteLatencyHigh', '4m', []),
          alertTest('HttpRouteLatencyHigh', '15m', [
            slowRoute('promClient', FOUR, 'warning', '1.475s'),
            slowRoute('otel', SAMPLE, 'warning', '4.875s'),
            slowRoute('otel', SAMPLE, 'critical', '4.975s'),
          ]),
        ],
      },
      {
        name: 'HttpRouteLatencyHigh reads native histograms too (the OpenTelemetry path pushed as OTLP)',
        interval: '1m',
        input_series: [
          {
            comment:
              `A worker pushes ${SAMPLE} as a native histogram (schema 0), 1 request/s, all in (2 s, 4 s]: inside a ` +
              'native bucket\nhistogram_quantile interpolates exponentially, p95 = 2 × 2^0.95 s, p99 = 2 × 2^0.99 s.',
            series: pushedRequestSeries({ route: SAMPLE, code: '200' }, WORKER),
            values: nativeHistogramValues({ count: 60, sum: 180, buckets: [60], offset: 2 }, 30),
          },
        ],
        alert_rule_test: [
          alertTest('HttpRouteLatencyHigh', '4m', []),
          alertTest('HttpRouteLatencyHigh', '15m', [
            slowRoute('otel', SAMPLE, 'warning', '3.864s'),
            slowRoute('otel', SAMPLE, 'critical', '3.972s'),
          ]),
        ],
      },
      {
        name: 'HttpRouteLatencyHigh stays silent on a slow route with low traffic',
        interval: '1m',
        input_series: commented(`prom-client ${FOUR}: 3 requests a minute (0.05/s), all between 2.5 s and 5 s`, [
          requests('promClient', FOUR, '200', '0+3x30'),
          ...requestBuckets('promClient', { route: FOUR, code: '200' }, [
            [2.5, '0x30'],
            [5, '0+3x30'],
            [Infinity, '0+3x30'],
          ]),
        ]),
        alert_rule_test: [alertTest('HttpRouteLatencyHigh', '20m', [])],
      },
    ],
  },
};
