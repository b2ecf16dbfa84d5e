import { outcomeOrder } from './build-traffic-report.js';
import { ERROR_KEY, TIMEOUT_KEY } from './request-outcome.js';
import type { StopReason, TrafficReport } from './traffic-report.js';
import { renderTextTable, type TextRow } from './text-table.js';

const STOP_REASONS: Readonly<Record<StopReason, string>> = {
  requests: 'request count reached',
  duration: 'duration elapsed',
  aborted: 'aborted before its end',
};

/** The human summary of a run: a header line, then requests by route and status, by target, and latency. */
export function formatTrafficReport(report: TrafficReport): string {
  const pace = report.targetRate === null ? 'no rate limit' : `asked ${formatNumber(report.targetRate)} req/s`;
  const header = [
    `Traffic run: ${STOP_REASONS[report.stopReason]}.`,
    `${report.sent} requests in ${report.elapsedSeconds.toFixed(2)} s: ${formatNumber(report.achievedRate)} req/s (${pace}), seed ${report.seed}.`,
  ];
  if (report.targetRate !== null && report.stopReason !== 'aborted' && report.achievedRate < 0.8 * report.targetRate) {
    // The usual cause: every worker waits on a slow response. Saying so saves a puzzled rerun.
    header.push(
      `Below the asked rate: ${report.concurrency} requests in flight at most could not keep up; raise the concurrency.`,
    );
  }
  return [
    ...header,
    '',
    routeTable(report),
    '',
    targetTable(report),
    '',
    latencyTable(report),
    ...networkErrorLines(report),
  ].join('\n');
}

function routeTable(report: TrafficReport): string {
  // Every status seen, always with timeout and error: a 0 there is worth reading too.
  const outcomes = outcomeOrder([...new Set([...Object.keys(report.byStatus), TIMEOUT_KEY, ERROR_KEY])]);
  const row = (name: string, sent: number, counts: Readonly<Record<string, number>>): string[] => [
    name,
    String(sent),
    ...outcomes.map((outcome) => String(counts[outcome] ?? 0)),
  ];
  const rows: TextRow[] = Object.entries(report.byRouteAndStatus).map(([route, counts]) =>
    row(route, report.byRoute[route] ?? 0, counts),
  );
  rows.push('rule', row('total', report.sent, report.byStatus));
  return renderTextTable(
    [
      { header: 'route', align: 'left' },
      { header: 'sent', align: 'right' },
      ...outcomes.map((outcome) => ({ header: outcome, align: 'right' as const })),
    ],
    rows,
  );
}

function targetTable(report: TrafficReport): string {
  const rows = Object.entries(report.byTarget).map(([target, sent]): string[] => [
    target,
    String(sent),
    report.sent > 0 ? `${((100 * sent) / report.sent).toFixed(1)} %` : '-',
  ]);
  return renderTextTable(
    [
      { header: 'target', align: 'left' },
      { header: 'sent', align: 'right' },
      { header: 'share', align: 'right' },
    ],
    rows,
  );
}

function latencyTable(report: TrafficReport): string {
  const latency = report.latency;
  if (latency === null) return 'latency: no complete response to measure';
  const ms = (value: number) => value.toFixed(1);
  return renderTextTable(
    ['latency (ms)', 'responses', 'p50', 'p90', 'p99', 'max', 'mean'].map((header, index) => ({
      header,
      align: index === 0 ? ('left' as const) : ('right' as const),
    })),
    [
      [
        'complete responses',
        String(latency.count),
        ms(latency.p50Ms),
        ms(latency.p90Ms),
        ms(latency.p99Ms),
        ms(latency.maxMs),
        ms(latency.meanMs),
      ],
    ],
  );
}

function networkErrorLines(report: TrafficReport): string[] {
  const entries = Object.entries(report.networkErrors);
  if (entries.length === 0) return [];
  return ['', `network errors: ${entries.map(([code, count]) => `${code} ${count}`).join(', ')}`];
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
