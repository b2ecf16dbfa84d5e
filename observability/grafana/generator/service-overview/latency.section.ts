import { RECORDING_RULES } from '@app/metrics';
import { type DashboardSection } from '../dashboard-section.js';
import { heatmapPanel, SECONDS_FROM_ZERO, timeSeriesPanel } from '../panels.js';
import { aggregate, matches, selector } from '../../../promql.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';
import { byInstrumentation, byRoute, LATENCY_QUANTILES } from './overview-queries.js';

export const LATENCY: DashboardSection = {
  row: 'Latency',
  panels: () => [
    timeSeriesPanel({
      title: 'Latency p50 / p90 / p99 per route',
      description:
        `Request duration quantiles over 5 minutes, per route (\`${RECORDING_RULES.durationQuantiles}\`, ` +
        'computed by the rule with histogram_quantile from the buckets of either path).',
      ...SECONDS_FROM_ZERO,
      width: 12,
      height: 9,
      queries: [
        {
          expr: aggregate(
            'max',
            [L.instrumentation, L.route, L.quantile],
            selector(
              RECORDING_RULES.durationQuantiles,
              byInstrumentation,
              byRoute,
              matches(L.quantile, LATENCY_QUANTILES.join('|')),
            ),
          ),
          legend: `{{${L.instrumentation}}} {{${L.route}}} q{{${L.quantile}}}`,
        },
      ],
    }),
    heatmapPanel({
      title: 'Latency distribution',
      description:
        'Requests per second in each latency bucket, selected paths and routes together ' +
        `(\`${RECORDING_RULES.durationBucketRate}\`). Dense bands show where most requests lie.`,
      unit: 'reqps',
      bucketUnit: 's',
      width: 12,
      height: 9,
      queries: [
        {
          expr: aggregate('sum', [L.le], selector(RECORDING_RULES.durationBucketRate, byInstrumentation, byRoute)),
          legend: `{{${L.le}}}`,
        },
      ],
    }),
  ],
};
