/**
 * Every PromQL query of the generated dashboards, for tests that run them: the live-stack test checks
 * that each returns data, the promtool spec that each parses. Read from the built dashboards, so a new
 * panel is covered without touching a list.
 */
import { type Dashboard, VariableType } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboard, GENERATED_DASHBOARDS } from './dashboards.js';

export interface DashboardPanelQuery {
  readonly dashboardUid: string;
  readonly dashboardTitle: string;
  readonly panelId: number;
  readonly panelTitle: string;
  readonly refId: string;
  /** As in the dashboard: Grafana variables (`$instrumentation`, `$__rate_interval`) not yet replaced; see {@link interpolateVariables}. */
  readonly expr: string;
  /** An instant query (one value per series at the end of the range) rather than a range query. */
  readonly instant: boolean;
}

/** A template variable's query (`label_values(series, label)`): the live test can check the series exists. */
export interface DashboardVariableQuery {
  readonly dashboardUid: string;
  readonly variable: string;
  readonly query: string;
}

interface RawPanel {
  id?: number;
  type?: string;
  title?: string;
  panels?: RawPanel[];
  targets?: { refId?: string; expr?: string; instant?: boolean }[];
}

function flattenPanels(panels: readonly RawPanel[]): RawPanel[] {
  return panels.flatMap((panel) => [panel, ...flattenPanels(panel.panels ?? [])]);
}

export function queriesOfDashboard(dashboard: Dashboard): DashboardPanelQuery[] {
  const panels = flattenPanels((dashboard.panels ?? []) as RawPanel[]);
  return panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      dashboardUid: dashboard.uid ?? '',
      dashboardTitle: dashboard.title ?? '',
      panelId: panel.id ?? 0,
      panelTitle: panel.title ?? '',
      refId: target.refId ?? '',
      expr: target.expr ?? '',
      instant: target.instant === true,
    })),
  );
}

/** All panel queries of all generated dashboards. */
export function listPanelQueries(): DashboardPanelQuery[] {
  return GENERATED_DASHBOARDS.flatMap((generated) => queriesOfDashboard(buildDashboard(generated)));
}

export function listVariableQueries(): DashboardVariableQuery[] {
  return GENERATED_DASHBOARDS.flatMap((generated) => {
    const dashboard = buildDashboard(generated);
    return (dashboard.templating.list ?? []).flatMap((variable) =>
      variable.type === VariableType.Query && typeof variable.query === 'string'
        ? [{ dashboardUid: dashboard.uid ?? '', variable: variable.name, query: variable.query }]
        : [],
    );
  });
}

// Moved to observability/grafana so that the local dashboard app can run the same interpolation without
// this generator's dev dependencies; re-exported for the tests that import it from here.
export { interpolateVariables, type VariableValues } from '../../grafana/template-variables.js';
