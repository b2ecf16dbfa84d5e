import { METRIC_PATHS, type MetricPath } from '@app/metrics';
import { requestSeries, type PromtoolTestFile } from '../rule-test-builders.js';
import { BURN_RATE_ALERTS, errorRatioThreshold, SLO_MIN_REQUEST_RATE, type BurnRateAlert } from './burn-rate-alerts.js';
import { burnRateAnnotations, burnRateLabels, humanizePercentage, SLO_ALERT_NAME } from './slo-alerting-rules.js';

/**
 * tests/slo.alerts.test.yml, generated with the rules it tests: its error ratios are picked relative to the
 * thresholds the SLO gives, so changing AVAILABILITY_SLO keeps the cases meaningful (above both thresholds,
 * between them, below both) and the expected texts right.
 */

/** Requests per minute in the busy cases (well above the low-traffic guard). */
const REQUESTS_PER_MINUTE = 1000;
/** Seven hours of data: every window, 6h the longest, is full at the evaluation time. */
const MINUTES = 420;
const EVAL_TIME = '7h';

const FAST = alertOf('critical');
const SLOW = alertOf('warning');

function alertOf(severity: BurnRateAlert['severity']): BurnRateAlert {
  const alert = BURN_RATE_ALERTS.find((candidate) => candidate.severity === severity);
  if (!alert) throw new Error(`no ${severity} burn-rate alert`);
  return alert;
}

/** The request series each path exposes: catalogue names and labels, prometheus.yml's target labels. */
const requestsOf = (path: MetricPath, route: string, code: string): string => requestSeries(path, { route, code });

/** Failed requests per minute for a ratio, checked to fall where the case needs it. */
function errorsPerMinute(ratio: number, isValid: (actual: number) => boolean, what: string): number {
  const errors = Math.round(Math.min(ratio, 1) * REQUESTS_PER_MINUTE);
  if (!isValid(errors / REQUESTS_PER_MINUTE)) {
    throw new Error(`cannot build the "${what}" SLO test case: ${errors}/${REQUESTS_PER_MINUTE} misses its range`);
  }
  return errors;
}

const fastThreshold = errorRatioThreshold(FAST.burnRate);
const slowThreshold = errorRatioThreshold(SLOW.burnRate);
const ABOVE_BOTH = errorsPerMinute(2 * fastThreshold, (r) => r > fastThreshold, 'above both thresholds');
const BETWEEN = errorsPerMinute(
  (fastThreshold + slowThreshold) / 2,
  (r) => r > slowThreshold && r < fastThreshold,
  'between the thresholds',
);
const BELOW_BOTH = errorsPerMinute(slowThreshold / 2, (r) => r < slowThreshold, 'below both thresholds');

/** A counter's values, one a minute from 0, growing by `perMinute`. */
function steady(perMinute: number, minutes = MINUTES): string {
  return `0+${perMinute}x${minutes}`;
}

/** Two series of one path: successes and 5xx, `errors` of every REQUESTS_PER_MINUTE failing. */
function traffic(path: MetricPath, errors: number) {
  return [
    { series: requestsOf(path, '/one', '200'), values: steady(REQUESTS_PER_MINUTE - errors) },
    { series: requestsOf(path, '/error', '500'), values: steady(errors) },
  ];
}

function expected(alert: BurnRateAlert, path: MetricPath, ratio: number) {
  const { job, service } = METRIC_PATHS[path];
  return {
    exp_labels: { ...burnRateLabels(alert), job, instrumentation: METRIC_PATHS[path].instrumentation, service },
    exp_annotations: burnRateAnnotations(
      alert,
      { service, instrumentation: METRIC_PATHS[path].instrumentation },
      humanizePercentage(ratio),
    ),
  };
}

/** Errors stop 10 minutes before the end; the total stays the same (the failing requests now succeed). */
const STOPPED_FOR = 10;
function recovered(path: MetricPath, errors: number) {
  const before = MINUTES - STOPPED_FOR;
  const ok = REQUESTS_PER_MINUTE - errors;
  return [
    {
      series: requestsOf(path, '/one', '200'),
      values: `${steady(ok, before)} ${before * ok + REQUESTS_PER_MINUTE}+${REQUESTS_PER_MINUTE}x${STOPPED_FOR - 1}`,
    },
    {
      series: requestsOf(path, '/error', '500'),
      values: `${steady(errors, before)} ${before * errors}x${STOPPED_FOR - 1}`,
    },
  ];
}

/** The 5xx ratio over the slow alert's long window in the recovered case: errors in all but its last minutes. */
function recoveredLongRatio(errors: number): number {
  const windowMinutes = 360;
  return ((windowMinutes - STOPPED_FOR) * errors) / (windowMinutes * REQUESTS_PER_MINUTE);
}

export function sloAlertTests(): PromtoolTestFile {
  const lowTrafficErrors = (SLO_MIN_REQUEST_RATE * 60) / 2;
  return {
    rule_files: ['../rules/slo.rules.yml', '../rules/slo.alerts.yml'],
    evaluation_interval: '1m',
    // Without an order promtool evaluates the groups in random order, and an alert would read the recorded
    // ratios of this step or of the previous one from run to run.
    group_eval_order: ['slo.rules', 'slo.alerts'],
    tests: [
      {
        name: `5xx ratio ${ABOVE_BOTH / REQUESTS_PER_MINUTE} (above both thresholds): pages after ${FAST.for}, tickets after ${SLOW.for}`,
        interval: '1m',
        input_series: traffic('promClient', ABOVE_BOTH),
        alert_rule_test: [
          { alertname: SLO_ALERT_NAME, eval_time: '1m', exp_alerts: [] },
          {
            alertname: SLO_ALERT_NAME,
            eval_time: '10m',
            exp_alerts: [expected(FAST, 'promClient', ABOVE_BOTH / REQUESTS_PER_MINUTE)],
          },
          {
            alertname: SLO_ALERT_NAME,
            eval_time: EVAL_TIME,
            exp_alerts: [
              expected(FAST, 'promClient', ABOVE_BOTH / REQUESTS_PER_MINUTE),
              expected(SLOW, 'promClient', ABOVE_BOTH / REQUESTS_PER_MINUTE),
            ],
          },
        ],
      },
      {
        name: `5xx ratio ${BETWEEN / REQUESTS_PER_MINUTE} (between the thresholds): a ticket only`,
        interval: '1m',
        input_series: traffic('otel', BETWEEN),
        alert_rule_test: [
          {
            alertname: SLO_ALERT_NAME,
            eval_time: EVAL_TIME,
            exp_alerts: [expected(SLOW, 'otel', BETWEEN / REQUESTS_PER_MINUTE)],
          },
        ],
      },
      {
        name: `errors stopped ${STOPPED_FOR} minutes ago: the page resolves with its short window, the ticket stays`,
        interval: '1m',
        input_series: recovered('promClient', ABOVE_BOTH),
        alert_rule_test: [
          {
            alertname: SLO_ALERT_NAME,
            eval_time: EVAL_TIME,
            exp_alerts: [expected(SLOW, 'promClient', recoveredLongRatio(ABOVE_BOTH))],
          },
        ],
      },
      {
        name: `5xx ratio ${BELOW_BOTH / REQUESTS_PER_MINUTE} (below both thresholds): silent`,
        interval: '1m',
        input_series: [...traffic('promClient', BELOW_BOTH), ...traffic('otel', BELOW_BOTH)],
        alert_rule_test: [{ alertname: SLO_ALERT_NAME, eval_time: EVAL_TIME, exp_alerts: [] }],
      },
      {
        name: `every request failing, but only ${SLO_MIN_REQUEST_RATE / 2} requests/s (low traffic): silent`,
        interval: '1m',
        input_series: [{ series: requestsOf('otel', '/error', '500'), values: steady(lowTrafficErrors) }],
        alert_rule_test: [{ alertname: SLO_ALERT_NAME, eval_time: EVAL_TIME, exp_alerts: [] }],
      },
    ],
  };
}
