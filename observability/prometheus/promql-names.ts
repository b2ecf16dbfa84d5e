/**
 * The names a PromQL expression refers to, read well enough to check the rule files (which use a known subset
 * of PromQL) against the catalogue. Not a PromQL parser: Prometheus 2.42 offers none outside the server, and
 * promtool already checks the syntax. An unknown function name is reported rather than guessed at, so that a
 * new construct in a rule makes the check fail loudly instead of passing silently.
 */

/** Functions and aggregations the rules may call. */
// prettier-ignore
export const PROMQL_FUNCTIONS = new Set([
  'abs', 'absent', 'absent_over_time', 'avg', 'avg_over_time', 'bottomk', 'ceil', 'changes', 'clamp', 'clamp_max',
  'clamp_min', 'count', 'count_over_time', 'count_values', 'delta', 'deriv', 'floor', 'group', 'histogram_quantile',
  'idelta', 'increase', 'irate', 'label_join', 'label_replace', 'last_over_time', 'max', 'max_over_time', 'min',
  'min_over_time', 'predict_linear', 'present_over_time', 'quantile', 'quantile_over_time', 'rate', 'resets', 'round', 'scalar', 'sort',
  'sort_desc', 'stddev', 'sum', 'sum_over_time', 'time', 'timestamp', 'topk', 'vector',
]);

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'inf',
  'nan',
]);

export interface PromqlNames {
  /** Metric names of the selectors, recorded series included. */
  metrics: string[];
  /** Functions and aggregations called. */
  functions: string[];
  /** Every value `job` is matched against (`job="a"`, and each alternative of `job=~"a|b"`). */
  jobs: string[];
  /** Each selector with braces: its metric name and the jobs it matches (none: any job). */
  selectors: Array<{ metric: string; jobs: string[] }>;
}

function jobsMatched(text: string): string[] {
  return [...text.matchAll(/\bjob\s*(=~?)\s*"([^"]*)"/g)].flatMap(([, operator, value]) =>
    operator === '=~' ? value.split('|') : [value],
  );
}

export function promqlNames(expr: string): PromqlNames {
  const uncommented = expr.replace(/#[^\n]*/g, ' '); // comments first: they may hold quotes ("histogram's")
  const selectors = [...uncommented.matchAll(/(?<![\w.:])([A-Za-z_:][\w:]*)\s*\{([^}]*)\}/g)].map(
    ([, metric, matchers]) => ({
      metric,
      jobs: jobsMatched(matchers),
    }),
  );
  const stripped = uncommented
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ') // string literals
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // range and subquery durations
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' '); // label lists
  const metrics = new Set<string>();
  const functions = new Set<string>();
  for (const match of stripped.matchAll(/(?<![\w.:])[A-Za-z_:][\w:]*/g)) {
    const name = match[0];
    if (KEYWORDS.has(name.toLowerCase())) continue;
    const isCall = /^\s*\(/.test(stripped.slice((match.index ?? 0) + name.length));
    (isCall ? functions : metrics).add(name);
  }
  return { metrics: [...metrics], functions: [...functions], jobs: [...new Set(jobsMatched(uncommented))], selectors };
}
