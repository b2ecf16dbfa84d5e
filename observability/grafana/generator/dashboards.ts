import { join } from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildMetricPathsDashboard } from './metric-paths.dashboard.js';
import { buildServiceOverviewDashboard } from './service-overview.dashboard.js';

/** Where Grafana's dashboard provider reads them (mounted read-only in docker-compose.yml). */
export const DASHBOARDS_DIR = join(import.meta.dirname, '..', 'dashboards');

export interface GeneratedDashboard {
  /** File name under {@link DASHBOARDS_DIR}. */
  readonly file: string;
  readonly build: () => Dashboard;
}

export const GENERATED_DASHBOARDS: readonly GeneratedDashboard[] = [
  { file: 'service-overview.json', build: buildServiceOverviewDashboard },
  { file: 'metric-paths.json', build: buildMetricPathsDashboard },
];

type AnyPanel = NonNullable<Dashboard['panels']>[number];

/**
 * Gives every panel, rows included, an id in layout order. Grafana would number them on load, but a
 * stable id is what panel links (`viewPanel=`) and the committed JSON's diffs rely on.
 */
function numberPanels(dashboard: Dashboard): Dashboard {
  let next = 1;
  const number = (panel: AnyPanel): AnyPanel => {
    const numbered = { ...panel, id: next++ };
    if (numbered.type === 'row' && 'panels' in numbered && numbered.panels) {
      numbered.panels = numbered.panels.map((inner) => number(inner) as typeof inner);
    }
    return numbered;
  };
  return { ...dashboard, panels: dashboard.panels?.map(number) };
}

export function buildDashboard(generated: GeneratedDashboard): Dashboard {
  return numberPanels(generated.build());
}

/** The committed form: two-space JSON and a final newline, so that regenerating changes no byte. */
export function renderDashboard(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}
