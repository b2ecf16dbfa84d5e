/** The Grafana dashboards as code: what they are, and every query they hold, for the checks against live series. */
export { DASHBOARDS_DIR, GENERATED_DASHBOARDS } from './dashboards.js';
export {
  listPanelQueries,
  listVariableQueries,
  type DashboardPanelQuery,
  type DashboardVariableQuery,
} from './panel-queries.js';
