import type { StackSnapshot } from './stack-snapshot.js';

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** The demo's live screen: plain text, readable in any terminal and in a CI log. */
export function formatStackSnapshot(snapshot: StackSnapshot, urls: Record<string, string>): string {
  const lines: string[] = [];
  lines.push(`Local monitoring stack — ${snapshot.takenAt.toLocaleTimeString()} (Ctrl-C stops everything)`);
  lines.push('');
  lines.push('Requests (Prometheus recording rules over 5 min windows: they ramp up during the first 5 minutes)');
  if (snapshot.paths.length === 0) {
    lines.push('  no data yet: the first rates appear about 10 s after traffic starts');
  }
  for (const path of snapshot.paths) {
    const codes = Object.entries(path.codeRatios)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, ratio]) => `${code} ${percent(ratio)}`)
      .join('  ');
    lines.push(`  ${path.path.padEnd(12)} ${path.requestsPerSecond.toFixed(1).padStart(7)} req/s   ${codes}`);
    for (const error of path.errorRates) {
      lines.push(`  ${''.padEnd(12)}   ${error.code} on ${error.route.padEnd(16)} ${error.perSecond.toFixed(2)}/s`);
    }
  }
  lines.push('');
  const receiver = snapshot.firingAtReceiver === undefined ? 'unreachable' : `${snapshot.firingAtReceiver} firing`;
  lines.push(`Alerts firing in Prometheus: ${snapshot.firingInPrometheus.length}   at the alert receiver: ${receiver}`);
  for (const alert of snapshot.firingInPrometheus) {
    const scope = alert.service ? ` (${alert.service})` : '';
    lines.push(`  [${alert.severity || 'none'}] ${alert.alertname}${scope}: ${alert.summary}`);
  }
  lines.push('');
  lines.push('Open:');
  for (const [name, url] of Object.entries(urls)) lines.push(`  ${name.padEnd(20)} ${url}`);
  return lines.join('\n');
}
