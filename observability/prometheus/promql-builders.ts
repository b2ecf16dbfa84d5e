import { asScrapedOtelLabels } from './otlp-naming.js';
import { indent } from './rule-builders.js';

/** PromQL pieces the rule files compose, indented as one would write them by hand. */
export const labelReplace = (expr: string, dst: string, replacement: string, src: string, regex: string): string =>
  `label_replace(\n${indent(expr)},\n  "${dst}", "${replacement}", "${src}", "${regex}"\n)`;

export const sumBy = (labels: string, expr: string): string => `sum by (${labels}) (\n${indent(expr)}\n)`;

/**
 * Pushed OpenTelemetry series aggregated by `labels` (and their job), then given the scraped series' service
 * labels, so that they join the other paths' results in one schema.
 */
export const pushedAsScraped = (labels: readonly string[], expr: string): string =>
  asScrapedOtelLabels(sumBy(['job', ...labels].join(', '), expr));
