import type { DrawnPanelType, PanelView, SectionView, TargetView, ThresholdStep } from '../browser/dashboard-view.js';

/**
 * What the page needs from a Grafana dashboard's JSON (as `npm run dashboards` writes it), read once at
 * start-up: the panels with their queries still holding Grafana's variables, grouped under their rows,
 * and the template variables. Nothing of a panel is restated here: a panel changed in the generator
 * changes on the page after `npm run dashboards` and a restart.
 */

/**
 * A panel as the dashboard holds it: the same fields the page draws from, its targets' `expr` still holding
 * Grafana's variables (`$instrumentation`, `$__rate_interval`); the view builder interpolates them.
 */
export type TargetModel = TargetView;
export type PanelModel = PanelView;
export type SectionModel = SectionView;

/** A variable whose values are listed in the dashboard (`type: custom`). */
export interface CustomVariableModel {
  readonly kind: 'custom';
  readonly name: string;
  readonly label: string;
  readonly options: readonly string[];
}

/** A variable whose values are a label's values in Prometheus (`label_values(selector, label)`). */
export interface LabelValuesVariableModel {
  readonly kind: 'label_values';
  readonly name: string;
  readonly label: string;
  /** The series selector, still holding other variables; `{label!=""}` when the query names none. */
  readonly selector: string;
  readonly labelName: string;
}

export type VariableModel = CustomVariableModel | LabelValuesVariableModel;

export interface DashboardModel {
  readonly uid: string;
  readonly title: string;
  /** The time range the dashboard opens on (`time.from: now-30m`), in seconds. */
  readonly defaultRangeSeconds: number;
  readonly variables: readonly VariableModel[];
  readonly sections: readonly SectionModel[];
  /** Panels of a type or data source the page cannot draw (a heatmap, ...), to say so rather than leave them out silently. */
  readonly notDrawn: ReadonlyArray<{ readonly id: number; readonly title: string; readonly type: string }>;
}

/** The JSON is not a dashboard the page can use; the message says where. */
export class DashboardFormatError extends Error {
  override name = 'DashboardFormatError';
}

const DRAWN_TYPES: readonly string[] = ['timeseries', 'stat', 'table', 'bargauge'] satisfies DrawnPanelType[];
const GRID_COLUMNS = 24;
const DEFAULT_RANGE_SECONDS = 30 * 60;
const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function extractDashboard(json: unknown): DashboardModel {
  if (!isObject(json)) throw new DashboardFormatError('the file holds no JSON object');
  if (!Array.isArray(json.panels)) throw new DashboardFormatError('"panels" is not a list');
  const sections: Array<{ title?: string; panels: PanelModel[] }> = [{ panels: [] }];
  const notDrawn: Array<{ id: number; title: string; type: string }> = [];

  const add = (raw: unknown, index: string): void => {
    if (!isObject(raw)) throw new DashboardFormatError(`panel ${index} is not an object`);
    const type = text(raw.type);
    if (type === 'row') {
      sections.push({ title: text(raw.title), panels: [] });
      // A collapsed row carries its panels inside it; an open row is followed by them.
      list(raw.panels).forEach((nested, nestedIndex) => add(nested, `${index}.${nestedIndex}`));
      return;
    }
    const panel = drawnPanel(raw, index);
    if (panel === undefined) notDrawn.push({ id: Number(raw.id ?? 0), title: text(raw.title), type });
    else sections[sections.length - 1].panels.push(panel);
  };
  json.panels.forEach((raw, index) => add(raw, String(index)));

  const drawn = sections.filter((section) => section.panels.length > 0);
  if (drawn.length === 0) throw new DashboardFormatError('no panel of a type the page draws (timeseries, stat, ...)');
  return {
    uid: text(json.uid),
    title: text(json.title) || 'Dashboard',
    defaultRangeSeconds: rangeOf(json.time),
    variables: list(isObject(json.templating) ? json.templating.list : []).flatMap(variableOf),
    sections: drawn,
    notDrawn,
  };
}

/** The panel as the page draws it, or undefined when the page cannot draw it (type or data source). */
function drawnPanel(raw: Json, index: string): PanelModel | undefined {
  const type = text(raw.type);
  if (!DRAWN_TYPES.includes(type) || !isPrometheus(raw.datasource)) return undefined;
  // Panels of another data source (Alertmanager, say) can sit beside Prometheus ones: the page draws only the latter.
  if (!list(raw.targets).every((target) => !isObject(target) || isPrometheus(target.datasource))) return undefined;
  const where = `panel ${index} ("${text(raw.title)}")`;
  if (typeof raw.id !== 'number') throw new DashboardFormatError(`${where} has no numeric id`);
  const targets = list(raw.targets).map((target, targetIndex): TargetModel => {
    if (!isObject(target) || typeof target.expr !== 'string' || target.expr.trim() === '') {
      throw new DashboardFormatError(`${where}, target ${targetIndex}, has no PromQL "expr"`);
    }
    return {
      refId: text(target.refId) || String.fromCharCode(65 + targetIndex),
      expr: target.expr,
      legendFormat: text(target.legendFormat),
      instant: target.instant === true,
    };
  });
  if (targets.length === 0) throw new DashboardFormatError(`${where} has no query`);
  const defaults = isObject(raw.fieldConfig) && isObject(raw.fieldConfig.defaults) ? raw.fieldConfig.defaults : {};
  const custom = isObject(defaults.custom) ? defaults.custom : {};
  const gridPos = isObject(raw.gridPos) ? raw.gridPos : {};
  return {
    id: raw.id,
    title: text(raw.title),
    description: text(raw.description),
    type: type as DrawnPanelType,
    unit: text(defaults.unit) || 'short',
    min: typeof defaults.min === 'number' ? defaults.min : null,
    width: clamp(gridPos.w, 1, GRID_COLUMNS, 12),
    height: clamp(gridPos.h, 3, 40, 8),
    thresholds: thresholdsOf(defaults.thresholds),
    thresholdsStyle: isObject(custom.thresholdsStyle) ? text(custom.thresholdsStyle.mode) || 'off' : 'off',
    targets,
    hiddenColumns: hiddenColumnsOf(raw.transformations),
  };
}

/** Prometheus, or unset (Grafana's default data source, which the provisioning makes Prometheus). */
function isPrometheus(datasource: unknown): boolean {
  return datasource === undefined || datasource === null || (isObject(datasource) && datasource.type === 'prometheus');
}

function thresholdsOf(raw: unknown): ThresholdStep[] {
  if (!isObject(raw)) return [];
  return list(raw.steps).flatMap((step) =>
    isObject(step) && typeof step.color === 'string'
      ? [{ value: typeof step.value === 'number' ? step.value : null, color: step.color }]
      : [],
  );
}

function hiddenColumnsOf(transformations: unknown): string[] {
  return list(transformations).flatMap((transformation) => {
    if (!isObject(transformation) || transformation.id !== 'organize' || !isObject(transformation.options)) return [];
    const excluded = transformation.options.excludeByName;
    return isObject(excluded) ? Object.keys(excluded).filter((name) => excluded[name] === true) : [];
  });
}

function variableOf(raw: unknown): VariableModel[] {
  if (!isObject(raw) || typeof raw.name !== 'string' || !/^\w+$/.test(raw.name)) return [];
  const name = raw.name;
  const label = text(raw.label) || name;
  if (raw.type === 'custom') {
    const options = text(raw.query)
      .split(',')
      .map((option) => option.trim())
      .filter((option) => option !== '');
    return [{ kind: 'custom', name, label, options }];
  }
  if (raw.type === 'query') {
    const query = isObject(raw.query) ? text(raw.query.query) : text(raw.query);
    const match = /^\s*label_values\(\s*(?:(.+?)\s*,\s*)?(\w+)\s*\)\s*$/s.exec(query);
    if (match === null) return [];
    // The series selector is an optional group: missing in `label_values(label)`.
    const selector = match.at(1);
    const labelName = match[2];
    return [{ kind: 'label_values', name, label, selector: selector ?? `{${labelName}!=""}`, labelName }];
  }
  // Other kinds (interval, textbox, data source) are left to interpolateVariables' default: "All".
  return [];
}

/** `now-30m` to 1800; anything this page cannot read (absolute times) opens on Grafana's usual 30 minutes. */
function rangeOf(time: unknown): number {
  const from = isObject(time) ? text(time.from) : '';
  const match = /^now-(\d+)([smhdw])$/.exec(from);
  return match === null ? DEFAULT_RANGE_SECONDS : Number(match[1]) * DURATION_UNITS[match[2]];
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, Math.round(value)))
    : fallback;
}
