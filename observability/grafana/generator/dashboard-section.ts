import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import { RowBuilder, type DashboardBuilder, type Panel } from '@grafana/grafana-foundation-sdk/dashboard';

/**
 * A part of a dashboard, in a file of its own named after it: a row (or the top of the dashboard, with no row)
 * and its panels in layout order.
 */
export interface DashboardSection {
  /** The row's title; none for the panels above the first row. */
  readonly row?: string;
  readonly panels: () => ReadonlyArray<Builder<Panel>>;
}

/** Lays out the sections in order, each under its row. */
export function withSections(dashboard: DashboardBuilder, sections: readonly DashboardSection[]): DashboardBuilder {
  for (const section of sections) {
    if (section.row !== undefined) dashboard.withRow(new RowBuilder(section.row));
    for (const panel of section.panels()) dashboard.withPanel(panel);
  }
  return dashboard;
}
