/**
 * The names a PromQL expression refers to, read from its syntax tree as Prometheus' own grammar builds it
 * (`@prometheus-io/lezer-promql`, the parser of Prometheus' web UI, from the Prometheus repository). The checks
 * that every series a rule or panel reads exists stand on this: a query that does not parse is an error here, not a
 * query whose names are silently guessed at.
 */
import { parser } from '@prometheus-io/lezer-promql';

// prettier-ignore
/** Functions and aggregations the rules may call. */
// prettier-ignore
export const PROMQL_FUNCTIONS = new Set([
  'abs', 'absent', 'absent_over_time', 'avg', 'avg_over_time', 'bottomk', 'ceil', 'changes', 'clamp', 'clamp_max',
  'clamp_min', 'count', 'count_over_time', 'count_values', 'delta', 'deriv', 'floor', 'group', 'histogram_count', 'histogram_quantile',
  'idelta', 'increase', 'irate', 'label_join', 'label_replace', 'last_over_time', 'max', 'max_over_time', 'min',
  'min_over_time', 'predict_linear', 'present_over_time', 'quantile', 'quantile_over_time', 'rate', 'resets', 'round', 'scalar', 'sort',
  'sort_desc', 'stddev', 'sum', 'sum_over_time', 'time', 'timestamp', 'topk', 'vector',
]);

export interface PromqlNames {
  /** Metric names of the selectors, recorded series included. */
  metrics: string[];
  /** Functions and aggregations called. */
  functions: string[];
  /** Every value `job` is matched against (`job="a"`, and each alternative of `job=~"a|b"`). */
  jobs: string[];
  /** Each selector: its metric name and the jobs it matches (none: any job). */
  selectors: Array<{ metric: string; jobs: string[] }>;
}

/** The value of a PromQL string literal: double-quoted strings take Go's escapes, as JSON's; the others none. */
function stringValue(literal: string): string {
  return literal.startsWith('"') ? (JSON.parse(literal) as string) : literal.slice(1, -1);
}

/** Parses `expr` and lists what it reads; throws on a syntax error, with where it is. */
export function promqlNames(expr: string): PromqlNames {
  const tree = parser.parse(expr);
  const text = (node: { from: number; to: number }) => expr.slice(node.from, node.to);
  const metrics = new Set<string>();
  const functions = new Set<string>();
  const jobs = new Set<string>();
  const selectors: PromqlNames['selectors'] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError)
        throw new Error(`not valid PromQL at offset ${node.from}: ${expr.slice(node.from, node.from + 40)}`);
      if (node.name === 'FunctionIdentifier' || node.name === 'AggregateOp') functions.add(text(node));
      if (node.name !== 'VectorSelector') return;
      const name = node.node.getChild('Identifier');
      const selected: string[] = [];
      for (const matcher of node.node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
        const label = matcher.getChild('LabelName');
        const operator = matcher.getChild('MatchOp')?.firstChild?.name;
        const value = matcher.getChild('StringLiteral');
        if (!label || !value || text(label) !== 'job') continue;
        if (operator === 'EqlSingle') selected.push(stringValue(text(value)));
        if (operator === 'EqlRegex') selected.push(...stringValue(text(value)).split('|'));
      }
      for (const job of selected) jobs.add(job);
      if (name) {
        metrics.add(text(name));
        selectors.push({ metric: text(name), jobs: selected });
      }
    },
  });
  return { metrics: [...metrics], functions: [...functions], jobs: [...jobs], selectors };
}

/**
 * A series as promtool's input series and Prometheus' exposition write it, `name{a="b", c="d"}`, read as the
 * selector it also is: its name and its labels. Throws unless it is exactly one selector of equality matchers.
 */
export function parseSeries(series: string): { name: string; labels: Map<string, string> } {
  const tree = parser.parse(series);
  const selector = tree.topNode.firstChild;
  const text = (node: { from: number; to: number }) => series.slice(node.from, node.to);
  let invalid = selector?.name !== 'VectorSelector';
  tree.iterate({ enter: (node) => void (invalid ||= node.type.isError) });
  const name = selector?.getChild('Identifier');
  if (invalid || !selector || !name) throw new Error(`not a series: ${series}`);
  const labels = new Map<string, string>();
  for (const matcher of selector.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
    const [label, value] = [matcher.getChild('LabelName'), matcher.getChild('StringLiteral')];
    if (!label || !value || matcher.getChild('MatchOp')?.firstChild?.name !== 'EqlSingle')
      throw new Error(`not a series (only label="value" matchers): ${series}`);
    labels.set(text(label), stringValue(text(value)));
  }
  return { name: text(name), labels };
}
