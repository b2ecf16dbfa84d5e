/**
 * What the page's script receives from `GET /api/dashboard`: the panels of the Grafana dashboard with
 * their queries already interpolated for the chosen variables and time range. Types only, shared by
 * the server (which builds it) and the browser code (which draws it).
 */

/** The panel types the page draws; the others are listed by title as not drawn. */
export type DrawnPanelType = 'timeseries' | 'stat' | 'table' | 'bargauge';

/** A Grafana threshold step: from `value` up (null: from minus infinity), in a Grafana colour name. */
export interface ThresholdStep {
  readonly value: number | null;
  readonly color: string;
}

export interface TargetView {
  readonly refId: string;
  /** PromQL with every template variable replaced: ready for Prometheus. */
  readonly expr: string;
  /** Grafana's legend template, `{{label}}` placeholders included; empty when the panel sets none. */
  readonly legendFormat: string;
  /** An instant query (`/api/v1/query`) rather than a range query (`/api/v1/query_range`). */
  readonly instant: boolean;
}

export interface PanelView {
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly type: DrawnPanelType;
  /** Grafana unit id (`reqps`, `percentunit`, `s`, `bytes`, ...). */
  readonly unit: string;
  readonly min: number | null;
  /** Width in Grafana's 24-column grid, and height in its rows (about 30 px each). */
  readonly width: number;
  readonly height: number;
  readonly thresholds: readonly ThresholdStep[];
  /** Grafana's `thresholdsStyle.mode`: `off`, `line`, `dashed`, ... */
  readonly thresholdsStyle: string;
  readonly targets: readonly TargetView[];
  /** Columns a table panel leaves out (its `organize` transformation's `excludeByName`). */
  readonly hiddenColumns: readonly string[];
}

export interface SectionView {
  /** The Grafana row's title; undefined for the panels above the first row. */
  readonly title?: string;
  readonly panels: readonly PanelView[];
}

export interface VariableView {
  readonly name: string;
  readonly label: string;
  /** The value chosen, or undefined for "All". */
  readonly selected?: string;
  /** A custom variable's values. */
  readonly options?: readonly string[];
  /** A query variable's values: the `label` of every series this instant query returns. */
  readonly optionsQuery?: { readonly expr: string; readonly label: string };
}

export interface RangeOption {
  /** As in the page's URL, `range=15m`. */
  readonly value: string;
  readonly seconds: number;
}

export interface DashboardView {
  readonly uid: string;
  readonly title: string;
  readonly refreshSeconds: number;
  readonly range: RangeOption;
  readonly ranges: readonly RangeOption[];
  /** The step of every range query, chosen so that a series has a bounded number of points. */
  readonly stepSeconds: number;
  readonly variables: readonly VariableView[];
  readonly sections: readonly SectionView[];
  readonly notDrawn: ReadonlyArray<{ readonly title: string; readonly type: string }>;
}
