import { renderTextTable, type TextColumn } from '@app/traffic';
import { UNDISTURBED_ROUND } from '../measure-round.js';
import { BENCHMARK_SCENARIOS } from '../variants/benchmark-scenarios.js';
import type { BenchmarkReport, ScenarioRun, ThroughputSummary } from './benchmark-report.js';

const MIB = 1024 * 1024;
const DASH = '—';

const { maxOtherLoad, minServerCpuShare } = UNDISTURBED_ROUND;

const integer = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : DASH);
const fixed = (value: number | undefined, digits: number) =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : DASH;
const signed = (value: number) => (Math.abs(value) < 0.05 ? '0.0' : `${value > 0 ? '+' : ''}${value.toFixed(1)}`);
const percent = (share: number) => `${Math.round(share * 100)} %`;
const mebibytes = (bytes: number) => (bytes / MIB).toFixed(1);

const THROUGHPUT_COLUMNS: readonly TextColumn[] = [
  { header: 'variant', align: 'left' },
  { header: 'req/s', align: 'right' },
  { header: 'min–max', align: 'right' },
  { header: 'vs baseline', align: 'right' },
  { header: 'p50 ms', align: 'right' },
  { header: 'p99 ms', align: 'right' },
  { header: 'CPU µs/req', align: 'right' },
  { header: 'added µs/req', align: 'right' },
  { header: 'server CPU', align: 'right' },
  { header: 'wrk req/s', align: 'right' },
  { header: 'wrk vs baseline', align: 'right' },
];

function throughputRow(summary: ThroughputSummary): string[] {
  const { requestsPerSecond: rate, wrk } = summary;
  return [
    summary.variant,
    integer(rate.median),
    `${integer(rate.min)}–${integer(rate.max)}`,
    fixed(summary.ratio, 2),
    fixed(summary.latencyMs.p50, 2),
    fixed(summary.latencyMs.p99, 2),
    fixed(summary.cpuPerRequestUs, 1),
    signed(summary.addedCpuPerRequestUs),
    percent(summary.serverCpuShare),
    wrk === undefined ? DASH : integer(wrk.requestsPerSecond),
    wrk === undefined ? DASH : fixed(wrk.ratio, 2),
  ];
}

function formatScenario(run: ScenarioRun): string {
  return [`${run.path}: ${run.summary}`, renderTextTable(THROUGHPUT_COLUMNS, run.summaries.map(throughputRow))].join(
    '\n',
  );
}

const RESOURCE_COLUMNS: readonly TextColumn[] = [
  { header: 'variant', align: 'left' },
  { header: 'RSS start MiB', align: 'right' },
  { header: 'RSS after load MiB', align: 'right' },
  { header: 'peak RSS MiB', align: 'right' },
  { header: 'heap after GC MiB', align: 'right' },
  { header: '/metrics ms', align: 'right' },
  { header: '/metrics KiB', align: 'right' },
  { header: 'series', align: 'right' },
];

function formatResources(report: BenchmarkReport): string {
  const rows = report.memory.map((memory) => {
    const scrape = report.scrape.find((cost) => cost.variant === memory.variant);
    return [
      memory.variant,
      mebibytes(memory.rssAtStartBytes),
      mebibytes(memory.rssAfterLoadBytes),
      mebibytes(memory.peakRssBytes),
      mebibytes(memory.heapUsedAfterGcBytes),
      scrape === undefined ? DASH : fixed(scrape.medianMs, 2),
      scrape === undefined ? DASH : (scrape.bytes / 1024).toFixed(1),
      scrape === undefined ? DASH : String(scrape.series),
    ];
  });
  return [
    'Memory after the load, and one scrape of /metrics with every series filled (median of the timed scrapes)',
    renderTextTable(RESOURCE_COLUMNS, rows),
  ].join('\n');
}

const SCALE_COLUMNS: readonly TextColumn[] = [
  { header: 'variant', align: 'left' },
  { header: 'extra series', align: 'right' },
  { header: 'series', align: 'right' },
  { header: '/metrics KiB', align: 'right' },
  { header: 'median ms', align: 'right' },
  { header: 'min–max ms', align: 'right' },
];

function formatScrapeAtScale(report: BenchmarkReport): string[] {
  if (report.scrapeAtScale.length === 0) return [];
  const rows = report.scrapeAtScale.map((cost) => [
    cost.variant,
    String(cost.loadTestSeries),
    String(cost.series),
    (cost.bytes / 1024).toFixed(1),
    fixed(cost.medianMs, 2),
    `${fixed(cost.minMs, 2)}–${fixed(cost.maxMs, 2)}`,
  ]);
  return [
    [
      'Scrapes of larger services: the same apps padded with extra series (TASKS_LOAD_TEST_SERIES), fresh servers',
      renderTextTable(SCALE_COLUMNS, rows),
    ].join('\n'),
  ];
}

function formatMethod(report: BenchmarkReport): string {
  const { machine, pinning, options } = report.method;
  const placement = pinning.pinned
    ? `server on CPU ${pinning.serverCpu}, load generator on CPU ${pinning.loadCpu} (taskset); other servers paused`
    : `not pinned (${pinning.reason}): server and load generator share the CPUs`;
  const wrk =
    report.method.wrkSkipped ??
    `then ${options.wrkRounds} round(s) of ${machine.wrk?.split(' ').slice(0, 2).join(' ') ?? 'wrk'}`;
  return [
    `Metric paths benchmark: ${machine.cpus} × ${machine.cpuModel}, Linux ${machine.kernel}, Node ${machine.node}`,
    placement,
    `${options.rounds} rounds × ${options.durationSeconds} s per variant and route, interleaved, after ${options.warmupSeconds} s of warm-up;` +
      ` ${options.connections} connections; autocannon ${machine.packages.autocannon}; ${wrk}`,
    `server CPU: the server process's CPU time over the round's; CPU µs/req: that time per response (/proc)`,
  ].join('\n');
}

function formatNotes(report: BenchmarkReport): string[] {
  const notes: string[] = [];
  for (const [cpu, share] of Object.entries(report.method.cpuBusyBeforeStart)) {
    if (share > maxOtherLoad) notes.push(`${cpu} was ${percent(share)} busy before the run: the machine was not quiet`);
  }
  for (const run of report.scenarios) {
    for (const summary of run.summaries) {
      const where = `${summary.variant} on ${run.path}`;
      if (summary.errors > 0) notes.push(`${where}: ${summary.errors} connection errors or timeouts`);
      if (summary.repeatedRounds > 0) {
        notes.push(`${where}: ${summary.repeatedRounds} round(s) run again, disturbed by other processes`);
      }
      // A handler that waits by design leaves the server idle between requests: not a disturbance.
      const waits = 'waits' in BENCHMARK_SCENARIOS[run.scenario];
      if (summary.serverCpuShare < minServerCpuShare && !waits) {
        notes.push(`${where}: server CPU ${percent(summary.serverCpuShare)}, the server was not the bottleneck`);
      }
      if ((summary.maxOtherLoadOnServerCpu ?? 0) > maxOtherLoad) {
        notes.push(
          `${where}: up to ${percent(summary.maxOtherLoadOnServerCpu ?? 0)} of the server's CPU went to other processes in a round`,
        );
      }
    }
  }
  return notes;
}

/** The report as plain-text tables: method, one table per route, memory and scrape, legend, warnings. */
export function formatBenchmarkReport(report: BenchmarkReport): string {
  const legend = report.method.variants.map((variant) => `  ${variant.name}: ${variant.summary}`);
  const notes = formatNotes(report);
  return [
    formatMethod(report),
    ...report.scenarios.map(formatScenario),
    formatResources(report),
    ...formatScrapeAtScale(report),
    ['Variants:', ...legend].join('\n'),
    ...(notes.length > 0 ? [['Warnings:', ...notes.map((note) => `  ${note}`)].join('\n')] : []),
  ].join('\n\n');
}
