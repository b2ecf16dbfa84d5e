import { RECORDING_RULES, SIGNALS_METRICS } from '@app/metrics';
import { type DashboardSection } from '../dashboard-section.js';
import { VARIABLES } from '../dashboard-variables.js';
import { timeSeriesPanel } from '../panels.js';
import { aggregate, matches, rawSeriesOf, selector } from '../promql.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';
import { byPath, bySignal, LATENCY_QUANTILES, workDurationQuantiles } from './overview-queries.js';

export const BUSINESS_METRICS: DashboardSection = {
  row: 'Business metrics (signals)',
  panels: () => [
    timeSeriesPanel({
      title: 'Signals answered per second, by outcome',
      description:
        `The custom business counter \`${SIGNALS_METRICS.outcomes.name}\` as a 5-minute rate ` +
        `(\`${RECORDING_RULES.signalOutcomeRate}\`), per outcome: ok, not_found (404), server_error (500).`,
      unit: 'ops',
      min: 0,
      stacked: true,
      width: 12,
      height: 8,
      queries: [
        {
          expr: aggregate('sum', [L.path, L.outcome], selector(RECORDING_RULES.signalOutcomeRate, byPath, bySignal)),
          legend: `{{${L.path}}} {{${L.outcome}}}`,
        },
      ],
    }),
    timeSeriesPanel({
      title: 'Signals in flight',
      description: `Signals being worked on right now (gauge \`${SIGNALS_METRICS.inFlight.name}\`).`,
      unit: 'short',
      min: 0,
      width: 12,
      height: 8,
      queries: [
        {
          expr: aggregate('sum', [L.path, L.signal], selector(SIGNALS_METRICS.inFlight.name, byPath, bySignal)),
          legend: `{{${L.path}}} {{${L.signal}}}`,
        },
      ],
    }),
    timeSeriesPanel({
      title: 'Signal work duration p50 / p90 / p99',
      description:
        `Quantiles of the histogram \`${SIGNALS_METRICS.workDuration.name}\`, computed at query time with ` +
        'histogram_quantile over the buckets of all selected signals.',
      unit: 's',
      min: 0,
      width: 12,
      height: 8,
      queries: workDurationQuantiles([L.path], [byPath, bySignal], '$__rate_interval'),
    }),
    summaryAgainstHistogramPanel(),
  ],
};

/**
 * The prom-client summary's quantiles beside the same quantiles computed from the histogram, both over
 * the summary's sliding window: a summary is exact per process but cannot be aggregated across signals
 * or processes; histogram_quantile can, at the price of bucket interpolation.
 */
function summaryAgainstHistogramPanel() {
  const summary = SIGNALS_METRICS.workDurationSummary;
  const window = `${summary.maxAgeSeconds}s`;
  const promClient = rawSeriesOf('promClient', VARIABLES.path);
  return timeSeriesPanel({
    title: 'Summary quantiles vs histogram_quantile (prom-client)',
    description:
      `\`${summary.name}\` (a prom-client summary: quantiles computed in the process over the last ` +
      `${summary.maxAgeSeconds / 60} minutes) beside histogram_quantile over \`${SIGNALS_METRICS.workDuration.name}\` ` +
      `with the same ${window} window. With several workers each keeps its own summary quantiles, which cannot be ` +
      `merged: the panel shows the worst worker's. OpenTelemetry has no summary instrument: on that path only the ` +
      `histogram exists.`,
    unit: 's',
    min: 0,
    width: 12,
    height: 8,
    queries: [
      {
        // With several workers each keeps its own quantiles (label `worker`): they cannot be merged, so the
        // panel shows the worst worker's, an upper bound.
        expr: aggregate(
          'max',
          [L.signal, L.quantile],
          selector(summary.name, ...promClient, bySignal, matches(L.quantile, LATENCY_QUANTILES.join('|'))),
        ),
        legend: `summary {{${L.signal}}} q{{${L.quantile}}}`,
      },
      ...workDurationQuantiles([L.signal], [...promClient, bySignal], window).map((query) => ({
        ...query,
        legend: `histogram_quantile ${query.legend}`,
      })),
    ],
  });
}
