/**
 * A series' name from the panel's `legendFormat`, as Grafana writes it: each `{{label}}` replaced by the
 * series' value of that label (nothing when it has none). Without a legend format, Grafana's own
 * default: the metric name and its labels, `name{a="1", b="2"}`.
 */
export function formatLegend(legendFormat: string, labels: Readonly<Record<string, string>>): string {
  if (legendFormat.trim() !== '' && legendFormat !== '__auto') {
    return legendFormat
      .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => labels[name] ?? '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  }
  const { __name__: name = '', ...rest } = labels;
  const pairs = Object.keys(rest)
    .sort()
    .map((key) => `${key}="${rest[key]}"`);
  if (pairs.length === 0) return name || 'Value';
  return `${name}{${pairs.join(', ')}}`;
}
