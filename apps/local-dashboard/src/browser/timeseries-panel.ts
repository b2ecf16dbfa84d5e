import type uPlot from 'uplot';
import { alignSeries } from './aligned-data.js';
import type { PanelView } from './dashboard-view.js';
import { formatLegend } from './legend-format.js';
import { errorText, PanelCard } from './panel-card.js';
import { type QueryWindow, queryRange } from './prometheus-api.js';
import { SERIES_PALETTE, thresholdLines } from './thresholds.js';
import { formatValue } from './value-format.js';

/** uPlot's browser build (`/assets/uPlot.iife.min.js`, loaded before this module) defines a global `uPlot`. */
const UPlot = (globalThis as unknown as { uPlot: typeof uPlot }).uPlot;

/**
 * A panel's series beyond this are left out (and the panel says how many): a legend of hundreds of
 * rows is unreadable, and the committed dashboards' largest panel has a few dozen.
 */
export const MAX_SERIES = 60;

/** A Grafana time-series panel: every target's range query, one uPlot chart, legends from legendFormat. */
export class TimeseriesPanel {
  readonly card: PanelCard;
  private chart: uPlot | undefined;
  private labels = '';
  /** The window of the latest refresh: the x axis spans all of it, as Grafana's does, wherever the data starts. */
  private shown: QueryWindow = { start: 0, end: 1, step: 1 };
  private width = 0;
  private readonly truncated: HTMLElement;

  constructor(readonly panel: PanelView) {
    this.card = new PanelCard(panel);
    this.truncated = document.createElement('p');
    this.truncated.className = 'truncated';
    this.truncated.hidden = true;
    this.card.root.append(this.truncated);
    // Only a change of width resizes the chart: its height is the panel's, and the legend below it grows.
    new ResizeObserver(() => {
      if (this.chart !== undefined && this.card.body.clientWidth !== this.width) this.chart.setSize(this.size());
    }).observe(this.card.body);
  }

  async refresh(range: QueryWindow): Promise<void> {
    let series: Array<{ label: string; values: Array<[number, string]> }>;
    try {
      const results = await Promise.all(this.panel.targets.map((target) => queryRange(target.expr, range)));
      series = results
        .flatMap((matrix, index) =>
          matrix.map((one) => ({
            label: formatLegend(this.panel.targets[index].legendFormat, one.metric),
            values: one.values,
          })),
        )
        .sort((a, b) => a.label.localeCompare(b.label));
    } catch (error) {
      this.card.setState('error', errorText(error));
      return;
    }
    if (series.length === 0) {
      this.card.setState('empty', 'No data');
      return;
    }
    const drawn = series.slice(0, MAX_SERIES);
    this.truncated.hidden = drawn.length === series.length;
    this.truncated.textContent = `${series.length - drawn.length} more series not drawn`;
    // The body must be visible before uPlot measures it.
    this.card.setState('data');
    const data = alignSeries(drawn) as uPlot.AlignedData;
    const labels = JSON.stringify(drawn.map((one) => one.label));
    this.shown = range;
    // The same series: new points on the same chart (uPlot re-ranges both axes). Others: a new chart, new legend.
    if (this.chart !== undefined && labels === this.labels) {
      this.chart.setData(data);
      return;
    }
    this.chart?.destroy();
    this.labels = labels;
    this.chart = new UPlot(this.options(drawn.map((one) => one.label)), data, this.card.body);
  }

  private size(): { width: number; height: number } {
    this.width = this.card.body.clientWidth;
    return { width: Math.max(200, this.width), height: this.chartHeight() };
  }

  /** The plot's height: the panel's, less a line for the time axis' labels; the legend grows below it. */
  private chartHeight(): number {
    return Math.max(120, this.card.contentHeight() - 40);
  }

  private options(labels: string[]): uPlot.Options {
    const unit = this.panel.unit;
    const lines = thresholdLines(this.panel.thresholds, this.panel.thresholdsStyle);
    const floor = this.panel.min;
    return {
      ...this.size(),
      series: [
        {},
        ...labels.map((label, index): uPlot.Series => {
          const color = SERIES_PALETTE[index % SERIES_PALETTE.length];
          return {
            label,
            stroke: color,
            fill: `${color}1a`,
            width: 1.5,
            points: { show: false },
            // Under the cursor, the value there; elsewhere the latest, as Grafana's "last" legend column shows it.
            value: (chart, value, seriesIndex, pointIndex) =>
              formatValue(pointIndex === null ? lastValue(chart.data[seriesIndex]) : value, unit),
          };
        }),
      ],
      axes: [
        {
          ...AXIS_COLORS,
          space: 70,
          // Clock times only: uPlot's default puts the date on the first tick, which overlaps the next on a narrow panel.
          values: (_chart, splits, _axis, _space, increment) => splits.map((time) => clockTime(time, increment)),
        },
        {
          ...AXIS_COLORS,
          // As wide as the longest label needs ("0.05 req/s"): about 7 px a character of the 12 px axis font,
          // plus the tick and the gap, which uPlot counts in the axis' size. Its first call, before any
          // tick exists, passes null, whatever its types say.
          size: (_chart, values: string[] | null) =>
            values ? Math.max(...values.map((value) => value.length)) * 7 + 26 : 50,
          values: (_chart, splits) => splits.map((value) => formatValue(value, unit)),
        },
      ],
      scales: {
        x: { time: true, range: () => [this.shown.start, this.shown.end] },
        y: {
          // From the panel's min (0 on rates and ratios) to the data's max, and high enough to show a threshold
          // line, so that the error budget stays in sight while the ratio is far below it.
          // uPlot passes null bounds while there is no data, whatever its types say.
          range: (_chart, dataMin: number | null, dataMax: number | null) => {
            const low = floor ?? Math.min(0, dataMin ?? 0);
            const high = Math.max(dataMax ?? 0, ...lines.map((line) => line.value * 1.2));
            return [low, high > low ? high * 1.05 : low + 1];
          },
        },
      },
      legend: { show: true, live: true },
      cursor: { points: { show: false } },
      hooks: { draw: [(chart) => drawThresholdLines(chart, lines)] },
    };
  }
}

const AXIS_COLORS = { stroke: '#8e8e9e', grid: { stroke: '#2c3235' }, ticks: { stroke: '#2c3235' } } as const;

/** `14:05`, or `14:05:30` when the ticks are less than a minute apart. */
function clockTime(seconds: number, increment: number): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (increment < 60) options.second = '2-digit';
  return new Date(seconds * 1000).toLocaleTimeString([], options);
}

function lastValue(values: ArrayLike<number | null | undefined>): number | null {
  for (let index = values.length - 1; index >= 0; index -= 1) {
    const value = values[index];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/** Grafana's threshold lines (the error budget, dashed), drawn on uPlot's canvas after the series. */
function drawThresholdLines(
  chart: uPlot,
  lines: ReadonlyArray<{ value: number; color: string; dashed: boolean }>,
): void {
  const { ctx, bbox } = chart;
  for (const line of lines) {
    const y = Math.round(chart.valToPos(line.value, 'y', true));
    if (y < bbox.top || y > bbox.top + bbox.height) continue;
    ctx.save();
    ctx.strokeStyle = line.color;
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.setLineDash(line.dashed ? [8 * devicePixelRatio, 6 * devicePixelRatio] : []);
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
    ctx.restore();
  }
}
