/**
 * The metric names a PromQL expression reads, found without a full parser: enough for the queries the
 * generator writes (selectors, aggregations, functions, binary operators, Grafana variables). Strings,
 * label matchers, range windows and grouping label lists are blanked first; what remains that looks
 * like a name and is neither a function or aggregation operator, a keyword, a number nor a Grafana variable
 * (`$…`) is a metric name.
 */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

export function metricNamesIn(expr: string): string[] {
  const blanked = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '$1()');
  const names = new Set<string>();
  // A name followed by `(`, or by `by (` / `without (` (an aggregation operator), is a function.
  for (const match of blanked.matchAll(/(?<![\w.:$])([a-zA-Z_:][\w:]*)(\s*\(|\s+(?:by|without)\s*\()?/g)) {
    const [, name, call] = match;
    if (call || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}
