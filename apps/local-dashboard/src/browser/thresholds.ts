import type { ThresholdStep } from './dashboard-view.js';

/** Grafana's named colours (its classic palette) as CSS; any other value is taken as a CSS colour already. */
const GRAFANA_COLORS: Readonly<Record<string, string>> = {
  green: '#73bf69',
  'dark-green': '#37872d',
  red: '#f2495c',
  'dark-red': '#c4162a',
  orange: '#ff9830',
  'dark-orange': '#fa6400',
  yellow: '#fade2a',
  'dark-yellow': '#e0b400',
  blue: '#5794f2',
  'dark-blue': '#1f60c4',
  purple: '#b877d9',
  'dark-purple': '#8f3bb8',
  text: '#ccccdc',
};

/** The colours series are drawn in, in order: Grafana's classic palette. */
export const SERIES_PALETTE: readonly string[] = [
  '#7eb26d',
  '#eab839',
  '#6ed0e0',
  '#ef843c',
  '#e24d42',
  '#1f78c1',
  '#ba43a9',
  '#705da0',
  '#508642',
  '#cca300',
  '#447ebc',
  '#c15c17',
  '#890f02',
  '#0a437c',
  '#6d1f62',
  '#584477',
];

export function cssColor(name: string): string {
  return GRAFANA_COLORS[name] ?? name;
}

/** The colour of the step a value falls in: the last one whose start it has reached. */
export function thresholdColor(steps: readonly ThresholdStep[], value: number): string | undefined {
  let color: string | undefined;
  for (const step of steps) if (step.value === null || value >= step.value) color = step.color;
  return color === undefined ? undefined : cssColor(color);
}

/** Whether a panel shows thresholds at all: a single base step (Grafana's default "green") shows none. */
export function hasThresholds(steps: readonly ThresholdStep[]): boolean {
  return steps.some((step) => step.value !== null);
}

/** The steps a time-series panel draws as lines (`thresholdsStyle.mode` line or dashed), and how. */
export function thresholdLines(
  steps: readonly ThresholdStep[],
  style: string,
): Array<{ value: number; color: string; dashed: boolean }> {
  if (!/^(line|dashed)/.test(style)) return [];
  return steps.flatMap((step) =>
    step.value === null ? [] : [{ value: step.value, color: cssColor(step.color), dashed: style.startsWith('dashed') }],
  );
}
