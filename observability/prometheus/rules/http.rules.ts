import {
  HTTP_SERVER_LABELS,
  OTEL_HTTP_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  RECORDING_RULES,
  UNMATCHED_ROUTE,
} from '@app/metrics';
import { histogramCountRate, histogramRate, sumBy } from '../../promql.js';
import { recordingRule, type RuleFileSource } from '../rule-builders.js';
import { SELECTORS, serviceLabels } from '../selectors.js';

const PROM_CLIENT = PROM_CLIENT_HTTP_METRICS;
const OTEL_DURATION = OTEL_HTTP_METRICS.duration.name;
const { method: METHOD, route: ROUTE, code: CODE } = HTTP_SERVER_LABELS;

/** One branch per metric path: what differs between them is their metric names, never the labels nor the delivery. */
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
      serviceLabels(ROUTE, METHOD, CODE),
      `rate(${PROM_CLIENT.requests.name}{${SELECTORS.promClient}}[5m])`,
    ),
    otel: sumBy(serviceLabels(ROUTE, METHOD, CODE), histogramCountRate(OTEL_DURATION, SELECTORS.otel, '5m')),
  },
  "the histogram's count counts the requests (a classic histogram's _count, a native one's histogram_count)",
);

const bucketRate = eachPath(
  {
    promClient: sumBy(
      serviceLabels(ROUTE, 'le'),
      `rate(${PROM_CLIENT.duration.name}_bucket{${SELECTORS.promClient}}[5m])`,
    ),
    otel: sumBy(serviceLabels(ROUTE, 'le'), histogramRate(OTEL_DURATION, SELECTORS.otel, '5m')),
  },
  'the same buckets (seconds) when scraped; pushed as OTLP, one native histogram per route (no `le`)',
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
    'HTTP server series of both metric paths, recorded under one name per meaning so that dashboards and alerts read',
    'the same series whichever path produced them: the service labels (job, instrumentation, service) and the',
    `semantic conventions' ${[ROUTE, METHOD, CODE].join(', ')}, which both paths record at the source.`,
    '',
    `prom-client: ${PROM_CLIENT.requests.name} and ${PROM_CLIENT.duration.name}_*.`,
    `OpenTelemetry: ${OTEL_DURATION}_* (seconds, no unit suffix); no request counter (the histogram's count is one);`,
    `a request that matched no route is ${ROUTE}="${UNMATCHED_ROUTE}" on both (libs/otel-metrics/src/unmatched-route.ts). The same`,
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
          expr: ratioOfTotal(CODE, RECORDING_RULES.requestRate),
        }),
        recordingRule({
          record: RECORDING_RULES.statusClassRatio,
          expr: ratioOfTotal(
            'class',
            `label_replace(${RECORDING_RULES.requestRate}, "class", "\${1}xx", "${CODE}", "([1-5])..")`,
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
              `  and on (${serviceLabels(ROUTE)})`,
              `  (${RECORDING_RULES.durationBucketRate}{le="+Inf"} > 0 or histogram_count(${RECORDING_RULES.durationBucketRate}) > 0)`,
              ')',
            ].join('\n'),
          }),
        ),
      ],
    },
  ],
};
