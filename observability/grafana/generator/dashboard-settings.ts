import {
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DashboardLinkType,
} from '@grafana/grafana-foundation-sdk/dashboard';

/** Tag shared by the generated dashboards: their header links list each other through it. */
export const DASHBOARD_TAG = 'tasks';

/**
 * What every generated dashboard shares: read-only (the TypeScript is the source; provisioning would
 * refuse a save anyway), a window and refresh fitted to the 5 s scrapes of the demo, a shared crosshair,
 * and links to the other generated dashboards.
 */
export function generatedDashboard(uid: string, title: string, description: string): DashboardBuilder {
  return new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags([DASHBOARD_TAG, 'generated'])
    .readonly()
    .timezone('browser')
    .time({ from: 'now-30m', to: 'now' })
    .refresh('10s')
    .tooltip(DashboardCursorSync.Crosshair)
    .link(
      new DashboardLinkBuilder('Tasks dashboards')
        .type(DashboardLinkType.Dashboards)
        .tags([DASHBOARD_TAG])
        .asDropdown(false)
        .includeVars(true)
        .keepTime(true),
    );
}
