import { AVAILABILITY_SLO, RECORDING_RULES } from '@app/metrics';
import { type DashboardSection } from '../dashboard-section.js';
import { HALF_WIDTH, timeSeriesPanel } from '../panels.js';
import { aggregate, selector } from '../../../promql.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';
import { byInstrumentation, ERROR_BUDGET, errorRatioQueries } from './overview-queries.js';

export const AVAILABILITY: DashboardSection = {
  row: 'Availability against the SLO',
  panels: () => [
    timeSeriesPanel({
      title: '5xx error ratio against the error budget',
      description:
        `Share of requests answered 5xx over 5 minutes, 1 hour and 6 hours (\`${RECORDING_RULES.errorRatio['5m']}\` ` +
        `and its siblings), the windows of the burn-rate alerts. The dashed line is the error budget ` +
        `(${ERROR_BUDGET * 100} %) of the ${AVAILABILITY_SLO * 100} % availability objective: a ratio that stays above it ` +
        'spends the budget faster than the objective allows.',
      unit: 'percentunit',
      min: 0,
      redAbove: ERROR_BUDGET,
      ...HALF_WIDTH,
      queries: errorRatioQueries(),
    }),
    timeSeriesPanel({
      title: 'Share of requests by status class',
      description: `Share of the requests answered with each status class (\`${RECORDING_RULES.statusClassRatio}\`).`,
      unit: 'percentunit',
      min: 0,
      ...HALF_WIDTH,
      queries: [
        {
          expr: aggregate(
            'max',
            [L.instrumentation, L.statusClass],
            selector(RECORDING_RULES.statusClassRatio, byInstrumentation),
          ),
          legend: `{{${L.instrumentation}}} {{${L.statusClass}}}`,
        },
      ],
    }),
  ],
};
