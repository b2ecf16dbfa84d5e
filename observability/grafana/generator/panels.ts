/**
 * The panel kinds the dashboards use, each wired to the provisioned Prometheus data source and given a
 * unit: a number without a unit is a guess for the reader (seconds or milliseconds? per second or per
 * minute?). Sizes are in Grafana grid units (24 columns wide); the builder lays panels out in order.
 */
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import {
  BarGaugeDisplayMode,
  BigValueColorMode,
  BigValueGraphMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VizLegendOptionsBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { ThresholdsConfigBuilder, ThresholdsMode } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  CellValuesBuilder,
  PanelBuilder as HeatmapPanelBuilder,
  YAxisConfigBuilder,
} from '@grafana/grafana-foundation-sdk/heatmap';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TextPanelBuilder, TextMode } from '@grafana/grafana-foundation-sdk/text';
import { PanelBuilder as TimeSeriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { PROMETHEUS_DATASOURCE } from './grafana-datasources.js';

export interface PanelQuery {
  readonly expr: string;
  /** Legend template, e.g. `{{instrumentation}} {{route}}`. */
  readonly legend: string;
}

export interface PanelSpec {
  readonly title: string;
  /** Shown under the (i) of the panel: what it shows and which series it reads. */
  readonly description: string;
  /** A Grafana unit id: `reqps`, `s`, `percentunit`, `bytes`, `short`, … */
  readonly unit: string;
  readonly queries: readonly PanelQuery[];
  readonly width: number;
  readonly height: number;
}

/** A threshold that turns the panel red at and above `value`: drawn as a dashed line on time series. */
export interface RedAbove {
  readonly redAbove?: number;
}

function thresholds(redAbove: number | undefined): ThresholdsConfigBuilder {
  const steps = [{ value: null, color: 'green' }];
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps(redAbove === undefined ? steps : [...steps, { value: redAbove, color: 'red' }]);
}

function target(query: PanelQuery, index: number, format = PromQueryFormat.TimeSeries, instant = false) {
  const builder = new DataqueryBuilder()
    .datasource(PROMETHEUS_DATASOURCE)
    .refId(String.fromCharCode('A'.charCodeAt(0) + index))
    .expr(query.expr)
    .legendFormat(query.legend)
    .format(format);
  return instant ? builder.instant() : builder.range();
}

/**
 * What every panel kind's builder has, each its own class in the SDK with no common base: the structural type
 * lets one function set what every querying panel shares.
 */
interface QueryPanelBuilder<B> {
  title(title: string): B;
  description(description: string): B;
  datasource(datasource: typeof PROMETHEUS_DATASOURCE): B;
  unit(unit: string): B;
  span(width: number): B;
  height(height: number): B;
  withTarget(target: DataqueryBuilder): B;
}

/** Title, description, the Prometheus data source, unit and size: what every querying panel is given. */
function queryPanel<B extends QueryPanelBuilder<B>>(builder: B, spec: PanelSpec): B {
  return builder
    .title(spec.title)
    .description(spec.description)
    .datasource(PROMETHEUS_DATASOURCE)
    .unit(spec.unit)
    .span(spec.width)
    .height(spec.height);
}

/** The queries as targets A, B, C…, in order. */
function withTargets<B extends QueryPanelBuilder<B>>(
  panel: B,
  queries: readonly PanelQuery[],
  format = PromQueryFormat.TimeSeries,
  instant = false,
): B {
  queries.forEach((query, index) => panel.withTarget(target(query, index, format, instant)));
  return panel;
}

const tableLegend = () =>
  new VizLegendOptionsBuilder()
    .showLegend(true)
    .displayMode(LegendDisplayMode.Table)
    .placement(LegendPlacement.Bottom)
    .calcs(['mean', 'max', 'lastNotNull']);

export function timeSeriesPanel(
  spec: PanelSpec & RedAbove & { readonly stacked?: boolean; readonly min?: number },
): TimeSeriesPanelBuilder {
  const panel = queryPanel(new TimeSeriesPanelBuilder(), spec)
    .legend(tableLegend())
    .fillOpacity(spec.stacked ? 60 : 10)
    .lineWidth(1)
    .thresholds(thresholds(spec.redAbove))
    .thresholdsStyle(
      new GraphThresholdsStyleConfigBuilder().mode(
        spec.redAbove === undefined ? GraphThresholdsStyleMode.Off : GraphThresholdsStyleMode.Dashed,
      ),
    );
  if (spec.min !== undefined) panel.min(spec.min);
  if (spec.stacked) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  return withTargets(panel, spec.queries);
}

/** One big number per series, with its recent history as a sparkline. */
export function statPanel(spec: PanelSpec & RedAbove): StatPanelBuilder {
  const panel = queryPanel(new StatPanelBuilder(), spec)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .graphMode(BigValueGraphMode.Area)
    .colorMode(spec.redAbove === undefined ? BigValueColorMode.None : BigValueColorMode.Value)
    .thresholds(thresholds(spec.redAbove));
  return withTargets(panel, spec.queries);
}

/** Horizontal bars of instant values, largest first: for counts over the dashboard's time range. */
export function barGaugePanel(spec: PanelSpec): BarGaugePanelBuilder {
  const panel = queryPanel(new BarGaugePanelBuilder(), spec)
    .min(0)
    .orientation(VizOrientation.Horizontal)
    .displayMode(BarGaugeDisplayMode.Gradient)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .thresholds(thresholds(undefined));
  return withTargets(panel, spec.queries, PromQueryFormat.TimeSeries, true);
}

/**
 * Prometheus histogram buckets as a heatmap: the query must return per-second bucket counts `by (le)`,
 * which Grafana de-accumulates itself (format "heatmap"). `unit` is the cells' (requests per second),
 * `bucketUnit` the y axis' (the histogram's unit).
 */
export function heatmapPanel(spec: PanelSpec & { readonly bucketUnit: string }): HeatmapPanelBuilder {
  const panel = queryPanel(new HeatmapPanelBuilder(), spec)
    .calculate(false)
    .yAxis(new YAxisConfigBuilder().unit(spec.bucketUnit))
    .cellValues(new CellValuesBuilder().unit(spec.unit));
  return withTargets(panel, spec.queries, PromQueryFormat.Heatmap);
}

/** Instant query as a table, one row per series, labels as columns. */
export function tablePanel(spec: PanelSpec & { readonly hiddenColumns: readonly string[] }): TablePanelBuilder {
  const panel = queryPanel(new TablePanelBuilder(), spec).withTransformation({
    id: 'organize',
    options: { excludeByName: Object.fromEntries(spec.hiddenColumns.map((column) => [column, true])) },
  });
  return withTargets(panel, spec.queries, PromQueryFormat.Table, true);
}

/** Prose for the reader; it queries nothing, so it has no unit. */
export function markdownPanel(spec: {
  readonly title: string;
  readonly content: string;
  readonly width: number;
  readonly height: number;
}): TextPanelBuilder {
  return new TextPanelBuilder()
    .title(spec.title)
    .mode(TextMode.Markdown)
    .content(spec.content)
    .span(spec.width)
    .height(spec.height);
}

/** Half the dashboard's width (Grafana's grid is 24 columns), 8 rows high: two such panels make a row. */
export const HALF_WIDTH = { width: 12, height: 8 } as const;

/** Durations, on an axis that starts at 0 s: a latency axis that starts higher exaggerates every change. */
export const SECONDS_FROM_ZERO = { unit: 's', min: 0 } as const;
