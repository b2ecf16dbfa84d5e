import {
  OTEL_HTTP_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  RECORDING_RULES,
  UNMATCHED_ROUTE,
  type MetricPath,
} from '@app/metrics';
import {
  commented,
  exprTest,
  nativeHistogramValues,
  pushedRequestSeries,
  recordedSample,
  requestBuckets,
  requests,
  ruleFilesOf,
  type ExpectedSample,
  type RuleTestFileSource,
} from '../rule-test-builders.js';
import { HTTP_RECORDING_RULES } from '../rules/http.rules.js';
import { ERROR, FOUR, ONE, TWO } from './routes.js';

const PATHS: readonly MetricPath[] = ['promClient', 'otel'];
/** Ten minutes in, every rate's 5-minute window is full. */
const EVAL_TIME = '10m';

const requestRate = (path: MetricPath, route: string, code: string, value: number): ExpectedSample =>
  recordedSample(RECORDING_RULES.requestRate, path, value, {
    http_route: route,
    http_request_method: 'GET',
    http_response_status_code: code,
  });

/** Both paths answer half their requests 200, a quarter 404 and a quarter 500: one expectation for each. */
const onBothPaths = (record: string, label: string, shares: ReadonlyArray<readonly [string, number]>) =>
  PATHS.flatMap((path) => shares.map(([value, share]) => recordedSample(record, path, share, { [label]: value })));

/** The bucket rates of a route, each `[le, value]`: as requestBuckets takes the buckets. */
const bucketRates = (
  path: MetricPath,
  route: string,
  rates: ReadonlyArray<readonly [le: string, value: number]>,
): ExpectedSample[] =>
  rates.map(([le, value]) =>
    recordedSample(RECORDING_RULES.durationBucketRate, path, value, { http_route: route, le }),
  );

const durationQuantile = (path: MetricPath, route: string, quantile: string, value: number): ExpectedSample =>
  recordedSample(RECORDING_RULES.durationQuantiles, path, value, { http_route: route, quantile });

const PROM_CLIENT = PROM_CLIENT_HTTP_METRICS;
const OTEL = OTEL_HTTP_METRICS.duration;

export const HTTP_RULES_TEST: RuleTestFileSource = {
  name: 'http.rules.test.yml',
  comment: [
    'The HTTP recording rules on the series both paths really expose (names and labels of',
    'libs/metrics/src/metric-catalogue.ts, plus the target labels of prometheus.yml), checked to land on one schema.',
    `  prom-client:   ${PROM_CLIENT.requests.name}, ${PROM_CLIENT.duration.name}_bucket {${PROM_CLIENT.requests.labelNames.join(', ')}}`,
    `  OpenTelemetry: ${OTEL.name}_{count,bucket} {${OTEL.labelNames.join(', ')},`,
    '                 url_scheme, network_protocol_version, otel_scope_*};',
    '                 a request that matched no route has no http_route.',
  ].join('\n'),
  content: {
    rule_files: ruleFilesOf(HTTP_RECORDING_RULES),
    evaluation_interval: '1m',
    tests: [
      {
        name: 'request rates and ratios of both paths on one schema',
        interval: '1m',
        input_series: [
          ...commented('prom-client: /one 1/s ok and 0.5/s failing, unknown paths 0.5/s', [
            requests('promClient', ONE, '200', '0+60x15'),
            requests('promClient', ONE, '500', '0+30x15'),
            requests('promClient', UNMATCHED_ROUTE, '404', '0+30x15'),
          ]),
          ...commented('OpenTelemetry: /one 2/s ok, /error 1/s failing, unknown paths (no http_route) 1/s', [
            requests('otel', ONE, '200', '0+120x15'),
            requests('otel', ERROR, '500', '0+60x15'),
            requests('otel', UNMATCHED_ROUTE, '404', '0+60x15'),
          ]),
        ],
        promql_expr_test: [
          exprTest(RECORDING_RULES.requestRate, EVAL_TIME, [
            requestRate('promClient', ONE, '200', 1),
            requestRate('promClient', ONE, '500', 0.5),
            requestRate('promClient', UNMATCHED_ROUTE, '404', 0.5),
            requestRate('otel', ONE, '200', 2),
            requestRate('otel', ERROR, '500', 1),
            requestRate('otel', UNMATCHED_ROUTE, '404', 1),
          ]),
          exprTest(RECORDING_RULES.serviceRequestRate, EVAL_TIME, [
            recordedSample(RECORDING_RULES.serviceRequestRate, 'promClient', 2),
            recordedSample(RECORDING_RULES.serviceRequestRate, 'otel', 4),
          ]),
          exprTest(
            RECORDING_RULES.statusCodeRatio,
            EVAL_TIME,
            onBothPaths(RECORDING_RULES.statusCodeRatio, 'http_response_status_code', [
              ['200', 0.5],
              ['404', 0.25],
              ['500', 0.25],
            ]),
          ),
          exprTest(
            RECORDING_RULES.statusClassRatio,
            EVAL_TIME,
            onBothPaths(RECORDING_RULES.statusClassRatio, 'class', [
              ['2xx', 0.5],
              ['4xx', 0.25],
              ['5xx', 0.25],
            ]),
          ),
        ],
      },
      {
        name: 'an idle service has a zero request rate and no ratio (never NaN)',
        interval: '1m',
        input_series: [requests('promClient', ONE, '200', '5x15')],
        promql_expr_test: [
          exprTest(RECORDING_RULES.serviceRequestRate, EVAL_TIME, [
            recordedSample(RECORDING_RULES.serviceRequestRate, 'promClient', 0),
          ]),
          exprTest(RECORDING_RULES.statusCodeRatio, EVAL_TIME, []),
          exprTest(RECORDING_RULES.statusClassRatio, EVAL_TIME, []),
        ],
      },
      {
        name: 'latency buckets and quantiles of both paths per route',
        interval: '1m',
        input_series: [
          ...commented(
            'prom-client /one: 1 request/s, all between 0.5 s and 1 s',
            requestBuckets('promClient', { route: ONE, code: '200' }, [
              [0.5, '0x15'],
              [1, '0+60x15'],
              [Infinity, '0+60x15'],
            ]),
          ),
          ...commented(
            'prom-client /two: no request in the window, so no quantile',
            requestBuckets('promClient', { route: TWO, code: '200' }, [
              [0.5, '3x15'],
              [1, '3x15'],
              [Infinity, '3x15'],
            ]),
          ),
          ...commented(
            'OpenTelemetry, no http_route (unmatched 404s): 1 request/s, all under 0.5 s',
            requestBuckets('otel', { route: UNMATCHED_ROUTE, code: '404' }, [
              [0.5, '0+60x15'],
              [1, '0+60x15'],
              [Infinity, '0+60x15'],
            ]),
          ),
          ...commented(
            'OpenTelemetry /four: 200 and 500 answers summed into one route; half under 0.5 s, half between 0.5 s and 1 s',
            [
              ...requestBuckets('otel', { route: FOUR, code: '200' }, [
                [0.5, '0+60x15'],
                [1, '0+60x15'],
                [Infinity, '0+60x15'],
              ]),
              ...requestBuckets('otel', { route: FOUR, code: '500' }, [
                [0.5, '0x15'],
                [1, '0+60x15'],
                [Infinity, '0+60x15'],
              ]),
            ],
          ),
        ],
        promql_expr_test: [
          exprTest(`${RECORDING_RULES.durationBucketRate}{http_route=~"${ONE}|${UNMATCHED_ROUTE}"}`, EVAL_TIME, [
            ...bucketRates('promClient', ONE, [
              ['0.5', 0],
              ['1', 1],
              ['+Inf', 1],
            ]),
            ...bucketRates('otel', UNMATCHED_ROUTE, [
              ['0.5', 1],
              ['1', 1],
              ['+Inf', 1],
            ]),
          ]),
          exprTest(`${RECORDING_RULES.durationQuantiles}{quantile="0.5"}`, EVAL_TIME, [
            durationQuantile('promClient', ONE, '0.5', 0.75),
            durationQuantile('otel', UNMATCHED_ROUTE, '0.5', 0.25),
            durationQuantile('otel', FOUR, '0.5', 0.5),
          ]),
          exprTest(
            `${RECORDING_RULES.durationQuantiles}{http_route="${FOUR}"}`,
            EVAL_TIME,
            // Spread evenly over 0–1 s, so each quantile is its own value in seconds.
            ['0.5', '0.9', '0.95', '0.99'].map((quantile) =>
              durationQuantile('otel', FOUR, quantile, Number(quantile)),
            ),
          ),
          exprTest(`${RECORDING_RULES.durationQuantiles}{http_route="${TWO}"}`, EVAL_TIME, []),
        ],
      },
      {
        name: 'the OpenTelemetry path pushed as OTLP: native histograms give the request rates and quantiles',
        interval: '1m',
        input_series: [
          ...commented(
            `Two workers push ${FOUR} as a native histogram (schema 0), each 1 request/s: half in (0.25, 0.5], half in (0.5, 1]`,
            ['host-7', 'host-8'].map((worker) => ({
              series: pushedRequestSeries({ route: FOUR, code: '200' }, worker),
              values: nativeHistogramValues({ count: 60, sum: 45, buckets: [30, 30], offset: -1 }, 15),
            })),
          ),
          {
            comment: 'and one request/s that matched no route, in (0.5, 1]',
            series: pushedRequestSeries({ route: UNMATCHED_ROUTE, code: '404' }, 'host-7'),
            values: nativeHistogramValues({ count: 60, sum: 45, buckets: [60], offset: 0 }, 15),
          },
        ],
        promql_expr_test: [
          exprTest(RECORDING_RULES.requestRate, EVAL_TIME, [
            requestRate('otel', FOUR, '200', 2),
            requestRate('otel', UNMATCHED_ROUTE, '404', 1),
          ]),
          exprTest(RECORDING_RULES.serviceRequestRate, EVAL_TIME, [
            recordedSample(RECORDING_RULES.serviceRequestRate, 'otel', 3),
          ]),
          {
            comment:
              "/four's median is a bucket boundary; the unmatched one is (0.5, 1]'s geometric middle, √½ s: inside a\n" +
              'native bucket, histogram_quantile interpolates exponentially (linearly inside a classic one).',
            ...exprTest(`${RECORDING_RULES.durationQuantiles}{quantile="0.5"}`, EVAL_TIME, [
              durationQuantile('otel', FOUR, '0.5', 0.5),
              durationQuantile('otel', UNMATCHED_ROUTE, '0.5', 0.7071067811865475),
            ]),
          },
        ],
      },
    ],
  },
};
