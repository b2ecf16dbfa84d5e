import { interpolateVariables } from '@app/observability';
import type { DashboardView, PanelView, RangeOption, VariableView } from '../browser/dashboard-view.js';
import { InvalidParameterException, singleValues } from '../http/invalid-parameter.exception.js';
import type { DashboardModel, PanelModel, VariableModel } from './grafana-dashboard.js';

/** The time ranges the page offers, Grafana's quick ranges up to a day. */
export const RANGE_OPTIONS: readonly RangeOption[] = [
  { value: '5m', seconds: 300 },
  { value: '15m', seconds: 900 },
  { value: '30m', seconds: 1800 },
  { value: '1h', seconds: 3600 },
  { value: '3h', seconds: 10_800 },
  { value: '6h', seconds: 21_600 },
  { value: '12h', seconds: 43_200 },
  { value: '24h', seconds: 86_400 },
];

/**
 * `$__rate_interval`. Grafana derives it from the scrape interval (at least four of them); the local
 * stack scrapes every 5 s and its tests every second, so one minute, interpolateVariables' default and
 * what the live-stack test runs the panels with, spans enough samples in both.
 */
export const RATE_INTERVAL = '1m';

/** Points per series and range query: about one per 3 px of a half-width panel, far below Prometheus' 11,000. */
export const POINTS_PER_SERIES = 300;

/** A label value typed in a URL becomes part of a regular expression: long ones serve no route template. */
const MAX_VARIABLE_VALUE_LENGTH = 200;

export interface DashboardSelection {
  readonly range: RangeOption;
  /** Chosen value of each variable that is not "All". */
  readonly variables: Readonly<Record<string, string>>;
}

export const variableParameter = (name: string): string => `var-${name}`;

/**
 * Reads the page's choices from a query string as Grafana spells them (`range=15m`, `var-instrumentation=otel`):
 * an unknown parameter, a repeated one, a range not offered, a value outside a custom variable's list,
 * or a label value with control characters is a 400 naming the parameter.
 */
export function parseSelection(dashboard: DashboardModel, search: URLSearchParams): DashboardSelection {
  const parameters = ['range', ...dashboard.variables.map((variable) => variableParameter(variable.name))];
  const values = singleValues(search, parameters);
  const defaultRange = RANGE_OPTIONS.find((option) => option.seconds === dashboard.defaultRangeSeconds);
  let range = defaultRange ?? RANGE_OPTIONS[2];
  if (values.range !== undefined) {
    const chosen = RANGE_OPTIONS.find((option) => option.value === values.range);
    if (chosen === undefined) {
      throw new InvalidParameterException(
        'range',
        `must be one of ${RANGE_OPTIONS.map((option) => option.value).join(', ')}, got "${values.range.slice(0, 20)}"`,
      );
    }
    range = chosen;
  }
  const variables: Record<string, string> = {};
  for (const variable of dashboard.variables) {
    const parameter = variableParameter(variable.name);
    const value = values[parameter];
    if (value === undefined) continue;
    assertVariableValue(variable, parameter, value);
    variables[variable.name] = value;
  }
  return { range, variables };
}

function assertVariableValue(variable: VariableModel, parameter: string, value: string): void {
  if (variable.kind === 'custom') {
    if (!variable.options.includes(value)) {
      throw new InvalidParameterException(
        parameter,
        `must be one of ${variable.options.join(', ')} or left out for all`,
      );
    }
    return;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (value === '' || value.length > MAX_VARIABLE_VALUE_LENGTH || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InvalidParameterException(
      parameter,
      `must be a label value of 1 to ${MAX_VARIABLE_VALUE_LENGTH} printable characters, or left out for all`,
    );
  }
}

/**
 * A chosen value as Grafana writes it into `label=~"$name"`: its regular-expression characters escaped
 * (so `/a.b` matches only itself), then escaped again for PromQL's double-quoted string, so that no value,
 * a quote or a backslash included, can end the string and change the query.
 */
export function promqlRegexLiteral(value: string): string {
  return value
    .replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
}

/** The dashboard for one selection: every query ready for Prometheus, through interpolateVariables. */
export function buildDashboardView(
  dashboard: DashboardModel,
  selection: DashboardSelection,
  refreshSeconds: number,
): DashboardView {
  const escaped = Object.fromEntries(
    Object.entries(selection.variables).map(([name, value]) => [name, promqlRegexLiteral(value)]),
  );
  const interpolate = (expr: string): string =>
    interpolateVariables(expr, {
      variables: escaped,
      rateInterval: RATE_INTERVAL,
      rangeSeconds: selection.range.seconds,
    });
  return {
    uid: dashboard.uid,
    title: dashboard.title,
    refreshSeconds,
    range: selection.range,
    ranges: RANGE_OPTIONS,
    stepSeconds: Math.max(1, Math.ceil(selection.range.seconds / POINTS_PER_SERIES)),
    variables: dashboard.variables.map((variable) => variableView(variable, selection, interpolate)),
    sections: dashboard.sections.map((section) => ({
      title: section.title,
      panels: section.panels.map((panel) => panelView(panel, interpolate)),
    })),
    notDrawn: dashboard.notDrawn.map(({ title, type }) => ({ title, type })),
  };
}

function panelView(panel: PanelModel, interpolate: (expr: string) => string): PanelView {
  return { ...panel, targets: panel.targets.map((target) => ({ ...target, expr: interpolate(target.expr) })) };
}

function variableView(
  variable: VariableModel,
  selection: DashboardSelection,
  interpolate: (expr: string) => string,
): VariableView {
  const common = { name: variable.name, label: variable.label, selected: selection.variables[variable.name] };
  if (variable.kind === 'custom') return { ...common, options: variable.options };
  // Grafana's label_values() as PromQL that the proxy's instant query can answer: one series per value.
  return {
    ...common,
    optionsQuery: {
      expr: interpolate(`group by (${variable.labelName}) (${variable.selector})`),
      label: variable.labelName,
    },
  };
}
