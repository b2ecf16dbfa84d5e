import { indent } from './rule-builders.js';

/** PromQL pieces the rule files compose, indented as one would write them by hand. */
export const labelReplace = (expr: string, dst: string, replacement: string, src: string, regex: string): string =>
  `label_replace(\n${indent(expr)},\n  "${dst}", "${replacement}", "${src}", "${regex}"\n)`;

export const sumBy = (labels: string, expr: string): string => `sum by (${labels}) (\n${indent(expr)}\n)`;
