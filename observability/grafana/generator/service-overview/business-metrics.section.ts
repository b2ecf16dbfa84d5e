import { OTEL_TASKS_METRICS, RECORDING_RULES, TASKS_METRICS } from '@app/metrics';
import { type DashboardSection } from '../dashboard-section.js';
import { VARIABLES } from '../dashboard-variables.js';
import { HALF_WIDTH, SECONDS_FROM_ZERO, timeSeriesPanel } from '../panels.js';
import { aggregate, matches, selector } from '../../../promql.js';
import { rawSeriesOf } from '../path-series.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';
import { byInstrumentation, byTask, LATENCY_QUANTILES, workDurationQuantiles } from './overview-queries.js';

export const BUSINESS_METRICS: DashboardSection = {
  row: 'Business metrics (tasks)',
  panels: () => [
    timeSeriesPanel({
      title: 'Tasks answered per second, by outcome',
      description:
        `The custom business counter \`${TASKS_METRICS.outcomes.name}\` as a 5-minute rate ` +
        `(\`${RECORDING_RULES.taskOutcomeRate}\`), per outcome: ok, not_found (404), server_error (500).`,
      unit: 'ops',
      min: 0,
      stacked: true,
      ...HALF_WIDTH,
      queries: [
        {
          expr: aggregate(
            'sum',
            [L.instrumentation, L.outcome],
            selector(RECORDING_RULES.taskOutcomeRate, byInstrumentation, byTask),
          ),
          legend: `{{${L.instrumentation}}} {{${L.outcome}}}`,
        },
      ],
    }),
    timeSeriesPanel({
      title: 'Tasks in flight',
      description: `Tasks being worked on right now (gauge \`${TASKS_METRICS.inFlight.name}\`).`,
      unit: 'short',
      min: 0,
      ...HALF_WIDTH,
      queries: [
        {
          expr: aggregate(
            'sum',
            [L.instrumentation, L.task],
            selector(TASKS_METRICS.inFlight.name, byInstrumentation, byTask),
          ),
          legend: `{{${L.instrumentation}}} {{${L.task}}}`,
        },
      ],
    }),
    timeSeriesPanel({
      title: 'Task work duration p50 / p90 / p99',
      description:
        `Quantiles of the histogram \`${TASKS_METRICS.workDuration.name}\` (\`${OTEL_TASKS_METRICS.workDuration.name}\` on ` +
        'the OpenTelemetry path, its unit out of its name), computed at query time with ' +
        'histogram_quantile over the buckets of all selected tasks.',
      ...SECONDS_FROM_ZERO,
      ...HALF_WIDTH,
      queries: workDurationQuantiles(
        ['promClient', 'otel'],
        [L.instrumentation],
        [byInstrumentation, byTask],
        '$__rate_interval',
      ),
    }),
    summaryAgainstHistogramPanel(),
  ],
};

/**
 * The prom-client summary's quantiles beside the same quantiles computed from the histogram, both over
 * the summary's sliding window: a summary is exact per process but cannot be aggregated across tasks
 * or processes; histogram_quantile can, at the price of bucket interpolation.
 */
function summaryAgainstHistogramPanel() {
  const summary = TASKS_METRICS.workDurationSummary;
  const window = `${summary.maxAgeSeconds}s`;
  const promClient = rawSeriesOf('promClient', VARIABLES.instrumentation);
  return timeSeriesPanel({
    title: 'Summary quantiles vs histogram_quantile (prom-client)',
    description:
      `\`${summary.name}\` (a prom-client summary: quantiles computed in the process over the last ` +
      `${summary.maxAgeSeconds / 60} minutes) beside histogram_quantile over \`${TASKS_METRICS.workDuration.name}\` ` +
      `with the same ${window} window. With several workers each keeps its own summary quantiles, which cannot be ` +
      `merged: the panel shows the worst worker's. OpenTelemetry has no summary instrument: on that path only the ` +
      `histogram exists.`,
    ...SECONDS_FROM_ZERO,
    ...HALF_WIDTH,
    queries: [
      {
        // With several workers each keeps its own quantiles (label `worker`): they cannot be merged, so the
        // panel shows the worst worker's, an upper bound.
        expr: aggregate(
          'max',
          [L.task, L.quantile],
          selector(summary.name, ...promClient, byTask, matches(L.quantile, LATENCY_QUANTILES.join('|'))),
        ),
        legend: `summary {{${L.task}}} q{{${L.quantile}}}`,
      },
      ...workDurationQuantiles(['promClient'], [L.task], [...promClient, byTask], window).map((query) => ({
        ...query,
        legend: `histogram_quantile ${query.legend}`,
      })),
    ],
  });
}
