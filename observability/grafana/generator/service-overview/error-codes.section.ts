import { RECORDING_RULES } from '@app/metrics';
import { type DashboardSection } from '../dashboard-section.js';
import { barGaugePanel, timeSeriesPanel } from '../panels.js';
import { aggregate, eq, matches, selector } from '../../../promql.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';
import { byInstrumentation, byRoute, requestRate } from './overview-queries.js';

/** The course's assignment: follow each error code, per route. */
export const ERROR_CODES: DashboardSection = {
  row: 'Error codes per route',
  panels: () => [
    errorCodePanel('404', 'Not Found'),
    errorCodePanel('500', 'Internal Server Error'),
    errorCodePanel('400', 'Bad Request'),
    barGaugePanel({
      title: '4xx and 5xx answers in the time range',
      description:
        "How many error answers each route gave over the dashboard's time range, per status code: " +
        `the mean of the 5-minute rate (\`${RECORDING_RULES.requestRate}\`) times the range, so an estimate.`,
      unit: 'short',
      width: 12,
      height: 9,
      queries: [
        {
          expr: `round(${aggregate(
            'sum',
            [L.instrumentation, L.route, L.code],
            `avg_over_time(${selector(RECORDING_RULES.requestRate, byInstrumentation, byRoute, matches(L.code, '4..|5..'))}[$__range])`,
          )} * $__range_s)`,
          legend: `{{${L.instrumentation}}} {{${L.route}}} {{${L.code}}}`,
        },
      ],
    }),
    timeSeriesPanel({
      title: 'Request rate by route and status code',
      description: `Requests per second, per route and status code (\`${RECORDING_RULES.requestRate}\`).`,
      unit: 'reqps',
      min: 0,
      width: 12,
      height: 9,
      queries: [
        {
          expr: requestRate([L.instrumentation, L.route, L.code]),
          legend: `{{${L.instrumentation}}} {{${L.route}}} {{${L.code}}}`,
        },
      ],
    }),
  ],
};

function errorCodePanel(code: '400' | '404' | '500', meaning: string) {
  return timeSeriesPanel({
    title: `${code} ${meaning} per route`,
    description:
      `Answers with status ${code} per second, per route and metric path ` +
      `(recording rule \`${RECORDING_RULES.requestRate}\`, label \`${L.code}="${code}"\`).`,
    unit: 'reqps',
    min: 0,
    width: 12,
    height: 9,
    queries: [
      {
        expr: requestRate([L.instrumentation, L.route], eq(L.code, code)),
        legend: `{{${L.instrumentation}}} {{${L.route}}}`,
      },
    ],
  });
}
