import { indent } from './rule-builders.js';

/** PromQL pieces the rule files compose, indented as one would write them by hand. */
export const sumBy = (labels: string, expr: string): string => `sum by (${labels}) (\n${indent(expr)}\n)`;

/**
 * Observations per second of a histogram stored either way: a classic histogram's `_count` (scraped), or a native
 * histogram's count (pushed as OTLP). Only one of the two has series, so the `or` adds nothing to the other.
 */
export const histogramCountRate = (histogram: string, matchers: string, window: string): string =>
  `rate(${histogram}_count{${matchers}}[${window}]) or histogram_count(rate(${histogram}{${matchers}}[${window}]))`;

/** A histogram's buckets per second, stored either way: its classic `_bucket` series (`le`), or its native histogram. */
export const histogramRate = (histogram: string, matchers: string, window: string): string =>
  `rate(${histogram}_bucket{${matchers}}[${window}]) or rate(${histogram}{${matchers}}[${window}])`;
