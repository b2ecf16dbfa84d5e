import { OTEL_HTTP_METRICS, PROM_CLIENT_HTTP_METRICS, RECORDING_RULES, UNMATCHED_ROUTE } from '@app/metrics';
import { histogramCountRate, histogramRate, labelReplace, sumBy } from '../promql-builders.js';
import { recordingRule, type RuleFileSource } from '../rule-builders.js';
import { SELECTORS, serviceLabels } from '../selectors.js';

const PROM_CLIENT = PROM_CLIENT_HTTP_METRICS;
const [OTEL_METHOD, OTEL_ROUTE, OTEL_STATUS_CODE] = OTEL_HTTP_METRICS.duration.labelNames;
const [, , PROM_CLIENT_STATUS_CODE] = PROM_CLIENT.requests.labelNames;
const OTEL_DURATION = OTEL_HTTP_METRICS.duration.name;

/** `route` from `http_route`; a request that matched no route has none, and gets the unmatched value. */
const unifiedRoute = (expr: string): string =>
  labelReplace(labelReplace(expr, 'route', '$1', OTEL_ROUTE, '(.+)'), 'route', UNMATCHED_ROUTE, 'route', '');

/** The semantic-convention labels renamed to the prom-client path's: route, method, code. */
const unifiedRequestLabels = (expr: string): string =>
  labelReplace(
    labelReplace(unifiedRoute(expr), 'method', '$1', OTEL_METHOD, '(.*)'),
    'code',
    '$1',
    OTEL_STATUS_CODE,
    '(.*)',
  );

/** One branch per metric path: what differs between them is their names and label names, never the delivery. */
const eachPath = (parts: { promClient: string; otel: string }, otelComment: string): string =>
  [
    '# prom-client path',
    parts.promClient,
    'or',
    ...`OpenTelemetry path: ${otelComment}`.split('\n').map((line) => `# ${line}`),
    parts.otel,
  ].join('\n');

const requestRate = eachPath(
  {
    promClient: sumBy(
      serviceLabels('route', 'method', 'code'),
      labelReplace(
        `rate(${PROM_CLIENT.requests.name}{${SELECTORS.promClient}}[5m])`,
        'code',
        '$1',
        PROM_CLIENT_STATUS_CODE,
        '(.*)',
      ),
    ),
    otel: sumBy(
      serviceLabels('route', 'method', 'code'),
      unifiedRequestLabels(histogramCountRate(OTEL_DURATION, SELECTORS.otel, '5m')),
    ),
  },
  "the histogram's count counts the requests (a classic histogram's _count, a native one's histogram_count);\n" +
    'the semantic-convention labels renamed, route-less requests named',
);

const bucketRate = eachPath(
  {
    promClient: sumBy(
      serviceLabels('route', 'le'),
      `rate(${PROM_CLIENT.duration.name}_bucket{${SELECTORS.promClient}}[5m])`,
    ),
    otel: sumBy(serviceLabels('route', 'le'), unifiedRoute(histogramRate(OTEL_DURATION, SELECTORS.otel, '5m'))),
  },
  'the same buckets (seconds) when scraped; pushed as OTLP, one native histogram per route (no `le`),\n' +
    'route-less requests named',
);

/** Ratios divide only where the total is above zero: an idle service yields no ratio, never NaN. */
const ratioOfTotal = (labels: string, numerator: string): string =>
  [
    sumBy(serviceLabels(labels), numerator),
    `/ on (${serviceLabels()}) group_left ()`,
    `(${RECORDING_RULES.serviceRequestRate} > 0)`,
  ].join('\n');

const QUANTILES = ['0.5', '0.9', '0.95', '0.99'] as const;

export const HTTP_RECORDING_RULES: RuleFileSource = {
  name: 'http.rules.yml',
  comment: [
    'HTTP server series of both metric paths, brought onto ONE schema so that dashboards and alerts read the same',
    'series whichever path produced them: the service labels (job, instrumentation, service) and route, method, code.',
    '',
    `prom-client: ${PROM_CLIENT.requests.name} and ${PROM_CLIENT.duration.name}_*, labelled ${PROM_CLIENT.requests.labelNames.join(', ')}.`,
    `OpenTelemetry: ${OTEL_DURATION}_* (seconds), labelled ${OTEL_HTTP_METRICS.duration.labelNames.join(', ')}; no`,
    "request counter (the histogram's count is one); a request that matched no route has no http_route. The same",
    'names and labels whichever way they reach Prometheus (scraped, through the Collector, or pushed as OTLP), but',
    `pushed as OTLP the histogram is a native one, ${OTEL_DURATION}, where a scrape stores classic _bucket series.`,
    'Names: libs/metrics/src/recording-rules.ts. Selectors: observability/prometheus/selectors.ts.',
  ].join('\n'),
  groups: [
    {
      name: 'http.rules',
      rules: [
        recordingRule({ record: RECORDING_RULES.requestRate, expr: requestRate }),
        recordingRule({
          comment: 'Rules of a group run in order, so the next ones read the series recorded just above.',
          record: RECORDING_RULES.serviceRequestRate,
          expr: `sum by (${serviceLabels()}) (${RECORDING_RULES.requestRate})`,
        }),
        recordingRule({
          record: RECORDING_RULES.statusCodeRatio,
          expr: ratioOfTotal('code', RECORDING_RULES.requestRate),
        }),
        recordingRule({
          record: RECORDING_RULES.statusClassRatio,
          expr: ratioOfTotal(
            'class',
            `label_replace(${RECORDING_RULES.requestRate}, "class", "\${1}xx", "code", "([1-5])..")`,
          ),
        }),
        recordingRule({ record: RECORDING_RULES.durationBucketRate, expr: bucketRate }),
        ...QUANTILES.map((quantile, i) =>
          recordingRule({
            ...(i === 0
              ? {
                  comment:
                    'One rule per quantile, told apart by the `quantile` label; histogram_quantile reads classic buckets and\nnative histograms alike. Routes without requests in the window are left out (their quantile would be NaN).',
                }
              : {}),
            record: RECORDING_RULES.durationQuantiles,
            labels: { quantile },
            expr: [
              `histogram_quantile(${quantile},`,
              `  ${RECORDING_RULES.durationBucketRate}`,
              `  and on (${serviceLabels('route')})`,
              `  (${RECORDING_RULES.durationBucketRate}{le="+Inf"} > 0 or histogram_count(${RECORDING_RULES.durationBucketRate}) > 0)`,
              ')',
            ].join('\n'),
          }),
        ),
      ],
    },
  ],
};
