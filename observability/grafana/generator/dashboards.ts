import { existsSync, readFileSync } from 'node:fs';
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

/** Every panel of a dashboard, rows and the panels of collapsed rows included, in layout order. */
function allPanels(panels: readonly AnyPanel[] | undefined): AnyPanel[] {
  return (panels ?? []).flatMap((panel) => [
    panel,
    ...(panel.type === 'row' && 'panels' in panel ? allPanels(panel.panels as AnyPanel[]) : []),
  ]);
}

/** Title → id in the committed JSON of a dashboard (none before its first generation). */
export function committedPanelIds(file: string): Map<string, number> {
  const path = join(DASHBOARDS_DIR, file);
  if (!existsSync(path)) return new Map();
  const committed = JSON.parse(readFileSync(path, 'utf8')) as Dashboard;
  return new Map(
    allPanels(committed.panels).flatMap((panel) =>
      typeof panel.id === 'number' && panel.title ? [[panel.title, panel.id] as const] : [],
    ),
  );
}

/**
 * Gives every panel, rows included, an id: the one its title has in the committed JSON, else the next unused one.
 * Grafana would number them on load, but panel links (`viewPanel=`) and the committed JSON's diffs need ids that
 * do not move: adding, moving or removing a panel changes no other panel's id. Titles are unique per dashboard
 * (dashboards.spec.ts).
 */
export function numberPanels(dashboard: Dashboard, committed: ReadonlyMap<string, number>): Dashboard {
  let next = Math.max(0, ...committed.values()) + 1;
  const number = (panel: AnyPanel): AnyPanel => {
    const numbered = { ...panel, id: committed.get(panel.title ?? '') ?? next++ };
    if (numbered.type === 'row' && 'panels' in numbered) {
      numbered.panels = numbered.panels.map((inner) => number(inner) as typeof inner);
    }
    return numbered;
  };
  return { ...dashboard, panels: dashboard.panels?.map(number) };
}

export function buildDashboard(generated: GeneratedDashboard): Dashboard {
  return numberPanels(generated.build(), committedPanelIds(generated.file));
}

/** The committed form: two-space JSON and a final newline, so that regenerating changes no byte. */
export function renderDashboard(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}
