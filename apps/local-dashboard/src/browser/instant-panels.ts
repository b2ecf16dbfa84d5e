import type { PanelView } from './dashboard-view.js';
import { formatLegend } from './legend-format.js';
import { element, errorText, PanelCard } from './panel-card.js';
import { queryInstant, type VectorSample } from './prometheus-api.js';
import { hasThresholds, thresholdColor } from './thresholds.js';
import { formatValue } from './value-format.js';

/** Rows a table or a bar gauge lists at most; the panel says how many more there were. */
export const MAX_ROWS = 100;

interface LabelledSample {
  readonly label: string;
  readonly metric: Record<string, string>;
  readonly value: number;
}

/**
 * The panels that show values now rather than over time (stat, table, bar gauge): each target's instant
 * query (`/api/v1/query`), then one way of drawing the samples.
 */
abstract class InstantPanel {
  readonly card: PanelCard;

  constructor(readonly panel: PanelView) {
    this.card = new PanelCard(panel);
  }

  async refresh(): Promise<void> {
    let samples: LabelledSample[];
    try {
      const results = await Promise.all(this.panel.targets.map((target) => queryInstant(target.expr)));
      samples = results.flatMap((vector: VectorSample[], index) =>
        vector.map((sample) => ({
          label: formatLegend(this.panel.targets[index].legendFormat, sample.metric),
          metric: sample.metric,
          value: Number(sample.value[1]),
        })),
      );
    } catch (error) {
      this.card.setState('error', errorText(error));
      return;
    }
    if (samples.length === 0) {
      this.card.setState('empty', 'No data');
      return;
    }
    this.card.body.replaceChildren(...this.draw(samples));
    this.card.setState('data');
  }

  protected abstract draw(samples: readonly LabelledSample[]): HTMLElement[];

  protected truncation(total: number): HTMLElement[] {
    if (total <= MAX_ROWS) return [];
    const note = element('p', 'truncated');
    note.textContent = `${total - MAX_ROWS} more not shown`;
    return [note];
  }
}

/** Grafana's stat: the current value of each series, large, coloured by the thresholds when it has some. */
export class StatPanel extends InstantPanel {
  protected draw(samples: readonly LabelledSample[]): HTMLElement[] {
    const list = element('div', 'stat-values');
    const coloured = hasThresholds(this.panel.thresholds);
    for (const sample of [...samples].sort((a, b) => a.label.localeCompare(b.label)).slice(0, MAX_ROWS)) {
      const item = element('div', 'stat-value');
      const value = element('span', 'value');
      value.textContent = formatValue(sample.value, this.panel.unit);
      const color = coloured ? thresholdColor(this.panel.thresholds, sample.value) : undefined;
      if (color !== undefined) value.style.color = color;
      const legend = element('span', 'legend');
      legend.textContent = sample.label;
      item.append(value, legend);
      list.append(item);
    }
    return [list, ...this.truncation(samples.length)];
  }
}

/**
 * Grafana's table of an instant query: a row per series, a column per label, less the columns the
 * panel's `organize` transformation hides (for the firing alerts: Time, Value, __name__, alertstate).
 */
export class TablePanel extends InstantPanel {
  protected draw(samples: readonly LabelledSample[]): HTMLElement[] {
    const hidden = new Set(this.panel.hiddenColumns);
    const labels = [...new Set(samples.flatMap((sample) => Object.keys(sample.metric)))]
      .filter((name) => !hidden.has(name))
      .sort((a, b) => columnOrder(a) - columnOrder(b) || a.localeCompare(b));
    const showValue = !hidden.has('Value');
    const rows = [...samples]
      .sort(
        (a, b) =>
          labels
            .map((name) => (a.metric[name] ?? '').localeCompare(b.metric[name] ?? ''))
            .find((order) => order !== 0) ?? 0,
      )
      .slice(0, MAX_ROWS);
    const table = element('table', 'panel-table');
    const head = table.createTHead().insertRow();
    for (const name of [...labels, ...(showValue ? ['Value'] : [])]) {
      const cell = element('th');
      cell.textContent = name;
      head.append(cell);
    }
    const body = table.createTBody();
    for (const sample of rows) {
      const row = body.insertRow();
      for (const name of labels) row.insertCell().textContent = sample.metric[name] ?? '';
      if (showValue) row.insertCell().textContent = formatValue(sample.value, this.panel.unit);
    }
    const scroll = element('div', 'table-scroll');
    scroll.append(table);
    return [scroll, ...this.truncation(samples.length)];
  }
}

/** The alert's name first, as Grafana's alert list shows it; the other labels in alphabetical order. */
function columnOrder(label: string): number {
  return label === 'alertname' ? 0 : 1;
}

/** Grafana's bar gauge: one bar per series, longest first, all on the scale of the largest. */
export class BarGaugePanel extends InstantPanel {
  protected draw(samples: readonly LabelledSample[]): HTMLElement[] {
    const sorted = [...samples].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)).slice(0, MAX_ROWS);
    const max = Math.max(...sorted.map((sample) => (Number.isFinite(sample.value) ? sample.value : 0)), 0);
    const bars = element('div', 'bars');
    for (const sample of sorted) {
      const legend = element('span', 'legend');
      legend.textContent = sample.label;
      legend.title = sample.label;
      const meter = element('meter');
      meter.min = 0;
      meter.max = max > 0 ? max : 1;
      meter.value = Number.isFinite(sample.value) ? sample.value : 0;
      const value = element('span', 'value');
      value.textContent = formatValue(sample.value, this.panel.unit);
      bars.append(legend, meter, value);
    }
    return [bars, ...this.truncation(samples.length)];
  }
}
