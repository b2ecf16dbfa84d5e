/**
 * "Tasks service overview": the dashboard a person on call opens. HTTP panels read the recording
 * rules, which record both metric paths under one name per meaning (labelled `http_route`, `http_request_method`,
 * `http_response_status_code` on both); business and runtime
 * panels read the raw series, named by the catalogue (runtime metrics included, libs/metrics/src/runtime-metrics.ts).
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { withSections } from './dashboard-section.js';
import { generatedDashboard } from './dashboard-settings.js';
import { instrumentationVariable, routeVariable, taskVariable } from './dashboard-variables.js';
import { AT_A_GLANCE } from './service-overview/at-a-glance.section.js';
import { AVAILABILITY } from './service-overview/availability.section.js';
import { BUSINESS_METRICS } from './service-overview/business-metrics.section.js';
import { ERROR_CODES } from './service-overview/error-codes.section.js';
import { LATENCY } from './service-overview/latency.section.js';
import { NODE_RUNTIME } from './service-overview/runtime.section.js';

export { ERROR_BUDGET } from './service-overview/overview-queries.js';

export const SERVICE_OVERVIEW_UID = 'tasks-service-overview';

/** Its sections, top to bottom, each in service-overview/ under its own name. */
export const SERVICE_OVERVIEW_SECTIONS = [
  AT_A_GLANCE,
  ERROR_CODES,
  AVAILABILITY,
  LATENCY,
  BUSINESS_METRICS,
  NODE_RUNTIME,
];

export function buildServiceOverviewDashboard(): Dashboard {
  const dashboard = generatedDashboard(
    SERVICE_OVERVIEW_UID,
    'Tasks service overview',
    'Traffic, error codes, SLO, latency, business metrics and Node.js runtime of the tasks service, on both metric paths.',
  )
    .withVariable(instrumentationVariable())
    .withVariable(routeVariable({ byInstrumentation: true }))
    .withVariable(taskVariable());
  return withSections(dashboard, SERVICE_OVERVIEW_SECTIONS).build();
}
