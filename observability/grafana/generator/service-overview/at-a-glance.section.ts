import { AVAILABILITY_SLO, RECORDING_RULES } from '@app/metrics';
import { type DashboardSection } from '../dashboard-section.js';
import { statPanel, tablePanel } from '../panels.js';
import { aggregate, eq, selector } from '../../../promql.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';
import { byInstrumentation, ERROR_BUDGET } from './overview-queries.js';

/** At a glance: throughput, failures against the objective, and what is firing right now. */
export const AT_A_GLANCE: DashboardSection = {
  panels: () => [
    statPanel({
      title: 'Requests per second',
      description: `All routes, per metric path (recording rule \`${RECORDING_RULES.serviceRequestRate}\`).`,
      unit: 'reqps',
      width: 6,
      height: 6,
      queries: [
        {
          expr: aggregate('sum', [L.instrumentation], selector(RECORDING_RULES.serviceRequestRate, byInstrumentation)),
          legend: `{{${L.instrumentation}}}`,
        },
      ],
    }),
    statPanel({
      title: '5xx error ratio (5 min)',
      description:
        `Share of requests answered 5xx over the last 5 minutes (\`${RECORDING_RULES.errorRatio['5m']}\`). ` +
        `Red at the error budget of the ${AVAILABILITY_SLO * 100} % availability objective (${ERROR_BUDGET * 100} %).`,
      unit: 'percentunit',
      width: 6,
      height: 6,
      redAbove: ERROR_BUDGET,
      queries: [
        {
          expr: aggregate('max', [L.instrumentation], selector(RECORDING_RULES.errorRatio['5m'], byInstrumentation)),
          legend: `{{${L.instrumentation}}}`,
        },
      ],
    }),
    tablePanel({
      title: 'Firing alerts',
      description:
        'Alerts Prometheus is firing now (`ALERTS{alertstate="firing"}`), one row each. The Watchdog alert ' +
        'always fires: its row proves the alerting pipeline is alive. Silences and routing: Alerting → Alertmanager.',
      unit: 'none',
      width: 12,
      height: 6,
      hiddenColumns: ['Time', 'Value', '__name__', 'alertstate'],
      queries: [{ expr: selector('ALERTS', eq('alertstate', 'firing')), legend: '{{alertname}}' }],
    }),
  ],
};
