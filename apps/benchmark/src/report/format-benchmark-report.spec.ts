import { BENCHMARK_DEFAULTS } from '../benchmark-options.js';
import type { BenchmarkReport, ThroughputSummary } from './benchmark-report.js';
import { formatBenchmarkReport } from './format-benchmark-report.js';

const MIB = 1024 * 1024;

function summary(variant: ThroughputSummary['variant'], rate: number, extra: Partial<ThroughputSummary> = {}) {
  return {
    variant,
    requestsPerSecond: { median: rate, min: rate - 100, max: rate + 50 },
    ratio: rate / 6000,
    latencyMs: { p50: 1.234, p99: 9.5 },
    cpuPerRequestUs: 1e6 / rate,
    addedCpuPerRequestUs: 1e6 / rate - 1e6 / 6000,
    serverCpuShare: 0.99,
    maxOtherLoadOnServerCpu: 0.01,
    non2xxShare: 0,
    errors: 0,
    repeatedRounds: 0,
    ...extra,
  } satisfies ThroughputSummary;
}

const REPORT: BenchmarkReport = {
  method: {
    machine: {
      cpuModel: 'Test CPU',
      cpus: 2,
      memoryBytes: 8 * 1024 * MIB,
      kernel: '6.1.0',
      node: 'v20.20.0',
      packages: { autocannon: '9.0.0' },
      wrk: 'wrk debian/4.1.0-3 [epoll] Copyright (C) 2012 Will Glozer',
      loadAverageAtStart: [0.1, 0.1, 0.1],
    },
    pinning: { pinned: true, serverCpu: 0, loadCpu: 1 },
    options: { ...BENCHMARK_DEFAULTS, variants: ['baseline', 'otel'], scenarios: ['one'] },
    variants: [
      { name: 'baseline', app: 'baseline-app', summary: 'no metrics' },
      { name: 'otel', app: 'otel-app', summary: 'restricted', enabledInstrumentations: '' },
    ],
    cpuBusyBeforeStart: { cpu0: 0.01, cpu1: 0.3 },
    startedAt: '2025-01-01T00:00:00.000Z',
    seconds: 200,
  },
  scenarios: [
    {
      scenario: 'one',
      path: '/one',
      summary: 'GET /one',
      variants: [],
      summaries: [
        summary('baseline', 6000, { wrk: { requestsPerSecond: 7000, ratio: 1, latencyMs: { p50: 1, p99: 2 } } }),
        summary('otel', 3000, {
          serverCpuShare: 0.7,
          errors: 3,
          repeatedRounds: 2,
          maxOtherLoadOnServerCpu: 0.2,
          wrk: { requestsPerSecond: 3500, ratio: 0.5, latencyMs: { p50: 2, p99: 4 } },
        }),
      ],
    },
  ],
  memory: [
    {
      variant: 'baseline',
      rssAtStartBytes: 70 * MIB,
      rssAfterLoadBytes: 120 * MIB,
      peakRssBytes: 130 * MIB,
      heapUsedAfterGcBytes: 12 * MIB,
    },
    {
      variant: 'otel',
      rssAtStartBytes: 110 * MIB,
      rssAfterLoadBytes: 150 * MIB,
      peakRssBytes: 200 * MIB,
      heapUsedAfterGcBytes: 27 * MIB,
    },
  ],
  scrape: [
    {
      variant: 'otel',
      url: 'http://x/metrics',
      bytes: 76_800,
      series: 449,
      families: 30,
      scrapes: 20,
      medianMs: 8.5,
      minMs: 8,
      maxMs: 12,
    },
  ],
  scrapeAtScale: [
    {
      variant: 'otel',
      loadTestSeries: 10_000,
      url: 'http://x/metrics',
      bytes: 1_024_000,
      series: 10_449,
      families: 31,
      scrapes: 20,
      medianMs: 40.5,
      minMs: 38,
      maxMs: 52.25,
    },
  ],
};

describe('formatBenchmarkReport', () => {
  const lines = formatBenchmarkReport(REPORT).split('\n');

  it('prints a throughput row per variant: median, spread, ratio, latency, CPU per request, wrk', () => {
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^baseline\s+6000\s+5900–6050\s+1\.00\s+1\.23\s+9\.50\s+166\.7\s+0\.0\s+99 %\s+7000\s+1\.00$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^otel\s+3000\s+2900–3050\s+0\.50\s+1\.23\s+9\.50\s+333\.3\s+\+166\.7\s+70 %\s+3500\s+0\.50$/,
      ),
    );
  });

  it('prints memory in MiB, and the scrape only for variants that serve metrics', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^baseline\s+70\.0\s+120\.0\s+130\.0\s+12\.0\s+—\s+—\s+—$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^otel\s+110\.0\s+150\.0\s+200\.0\s+27\.0\s+8\.50\s+75\.0\s+449$/),
    );
  });

  it('prints the scrapes of the padded servers', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^otel\s+10000\s+10449\s+1000\.0\s+40\.50\s+38\.00–52\.25$/));
  });

  it('states the method, and warns of whatever makes the numbers doubtful', () => {
    expect(lines[0]).toBe('Metric paths benchmark: 2 × Test CPU, Linux 6.1.0, Node v20.20.0');
    expect(lines[1]).toContain('server on CPU 0, load generator on CPU 1');
    const warnings = lines.slice(lines.indexOf('Warnings:') + 1);
    expect(warnings).toEqual([
      '  cpu1 was 30 % busy before the run: the machine was not quiet',
      '  otel on /one: 3 connection errors or timeouts',
      '  otel on /one: 2 round(s) run again, disturbed by other processes',
      '  otel on /one: server CPU 70 %, the server was not the bottleneck',
      "  otel on /one: up to 20 % of the server's CPU went to other processes in a round",
    ]);
  });
});
