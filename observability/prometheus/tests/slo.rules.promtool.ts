import { INSTRUMENTATION_LABEL, METRIC_PATHS, RECORDING_RULES, UNMATCHED_ROUTE, type MetricPath } from '@app/metrics';
import {
  commented,
  exprTest,
  nativeHistogramValues,
  pushedRequestSeries,
  recordedSample,
  recordingRuleFileOf,
  requests,
  ruleFilesOf,
  type ExpectedSample,
  type RuleTestFileSource,
} from '../rule-test-builders.js';
import { sloRuleFiles } from '../slo/slo-rule-files.js';
import { ERROR, ONE } from './routes.js';

/** Seven hours of data: every window, 6h the longest, is full at the evaluation time. */
const EVAL_TIME = '7h';

/**
 * The records of every window of a family (RECORDING_RULES, by window), and `labels`:
 * `{__name__=~"<name>(5m|30m|1h|6h)", …}`, for records named `<name><window>`.
 */
function everyWindow(records: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> = {}): string {
  const windows = Object.keys(records);
  const name = records[windows[0]].slice(0, -windows[0].length);
  if (windows.some((window) => records[window] !== `${name}${window}`))
    throw new Error(`not all named <name><window>: ${Object.values(records).join(', ')}`);
  const matchers = Object.entries(labels).map(([label, value]) => `, ${label}="${value}"`);
  return `{__name__=~"${name}(${windows.join('|')})"${matchers.join('')}}`;
}

const ofEveryWindow = (records: Readonly<Record<string, string>>, path: MetricPath, value: number): ExpectedSample[] =>
  Object.values(records).map((record) => recordedSample(record, path, value));

const onPath = (path: MetricPath) => ({ [INSTRUMENTATION_LABEL]: METRIC_PATHS[path].instrumentation });

const ERROR_RATIO = RECORDING_RULES.errorRatio;
const REQUEST_RATE = RECORDING_RULES.sloWindowRequestRate;

export const SLO_RULES_TEST: RuleTestFileSource = {
  name: 'slo.rules.test.yml',
  comment: [
    "The SLO recording rules (generated, rules/slo.rules.yml) on both paths' series: 5xx ratios over every",
    'burn-rate window, and the request rates that guard the SLO alerts against low traffic.',
  ].join('\n'),
  content: {
    rule_files: ruleFilesOf(recordingRuleFileOf(sloRuleFiles())),
    evaluation_interval: '1m',
    tests: [
      {
        name: '5xx ratios and request rates over every window, on both paths',
        interval: '1m',
        input_series: [
          ...commented('prom-client: 1.5/s ok, 0.5/s 5xx, for 7 hours', [
            requests('promClient', ONE, '200', '0+90x420'),
            requests('promClient', ERROR, '500', '0+30x420'),
          ]),
          ...commented('OpenTelemetry: 1/s, all ok, and a 404 (a 4xx does not count against availability)', [
            requests('otel', ONE, '200', '0+45x420'),
            requests('otel', UNMATCHED_ROUTE, '404', '0+15x420'),
          ]),
        ],
        promql_expr_test: [
          exprTest(
            everyWindow(ERROR_RATIO, onPath('promClient')),
            EVAL_TIME,
            ofEveryWindow(ERROR_RATIO, 'promClient', 0.25),
          ),
          {
            comment: 'no 5xx series at all: the ratio is 0, not missing',
            ...exprTest(everyWindow(ERROR_RATIO, onPath('otel')), EVAL_TIME, ofEveryWindow(ERROR_RATIO, 'otel', 0)),
          },
          exprTest(everyWindow(REQUEST_RATE), EVAL_TIME, [
            ...ofEveryWindow(REQUEST_RATE, 'promClient', 2),
            ...ofEveryWindow(REQUEST_RATE, 'otel', 1),
          ]),
        ],
      },
      {
        name: 'an idle service has no 5xx ratio (never NaN)',
        interval: '1m',
        input_series: [requests('promClient', ERROR, '500', '7x420')],
        promql_expr_test: [
          exprTest(everyWindow(ERROR_RATIO), EVAL_TIME, []),
          exprTest(REQUEST_RATE['1h'], EVAL_TIME, [recordedSample(REQUEST_RATE['1h'], 'promClient', 0)]),
        ],
      },
      {
        name: 'the OpenTelemetry path pushed as OTLP: the same ratios and rates from native histograms',
        interval: '1m',
        input_series: commented('Native histograms (schema 0) of one worker: 1.5/s ok, 0.5/s 5xx, for 7 hours', [
          {
            series: pushedRequestSeries({ route: ONE, code: '200' }, 'host-7'),
            values: nativeHistogramValues({ count: 90, sum: 9, buckets: [90], offset: -3 }, 420),
          },
          {
            series: pushedRequestSeries({ route: ERROR, code: '500' }, 'host-7'),
            values: nativeHistogramValues({ count: 30, sum: 3, buckets: [30], offset: -3 }, 420),
          },
        ]),
        promql_expr_test: [
          exprTest(everyWindow(ERROR_RATIO, onPath('otel')), EVAL_TIME, ofEveryWindow(ERROR_RATIO, 'otel', 0.25)),
          exprTest(everyWindow(REQUEST_RATE), EVAL_TIME, ofEveryWindow(REQUEST_RATE, 'otel', 2)),
        ],
      },
    ],
  },
};
