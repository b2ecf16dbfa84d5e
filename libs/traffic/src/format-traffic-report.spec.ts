import { formatTrafficReport } from './format-traffic-report.js';
import type { TrafficReport } from './traffic-report.js';

const REPORT: TrafficReport = {
  startedAt: '2025-01-01T00:00:00.000Z',
  elapsedSeconds: 2.5,
  stopReason: 'requests',
  seed: 42,
  concurrency: 4,
  targetRate: 50,
  achievedRate: 40,
  sent: 100,
  byTarget: { 'http://127.0.0.1:8080': 50, 'http://127.0.0.1:8081': 50 },
  byRoute: { one: 40, error: 10, 'sample-signals': 50 },
  byStatus: { '200': 70, '404': 10, '500': 15, timeout: 3, error: 2 },
  byRouteAndStatus: {
    one: { '200': 35, timeout: 3, error: 2 },
    error: { '500': 10 },
    'sample-signals': { '200': 35, '404': 10, '500': 5 },
  },
  networkErrors: { ECONNRESET: 2 },
  latency: { count: 95, minMs: 1, meanMs: 20.25, p50Ms: 12.34, p90Ms: 45.6, p99Ms: 120, maxMs: 180.04 },
};

describe('formatTrafficReport', () => {
  const lines = formatTrafficReport(REPORT).split('\n');

  it('opens with why the run stopped, the count, the rates and the seed', () => {
    expect(lines[0]).toBe('Traffic run: request count reached.');
    expect(lines[1]).toBe('100 requests in 2.50 s: 40 req/s (asked 50 req/s), seed 42.');
  });

  it('tabulates routes by status, with timeout and error columns and a total', () => {
    const start = lines.indexOf('route           sent  200  404  500  timeout  error');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 2, start + 7)).toEqual([
      'one               40   35    0    0        3      2',
      'error             10    0    0   10        0      0',
      'sample-signals    50   35   10    5        0      0',
      '--------------  ----  ---  ---  ---  -------  -----',
      'total            100   70   10   15        3      2',
    ]);
  });

  it('shows each target with its share', () => {
    expect(lines).toContain('http://127.0.0.1:8080    50  50.0 %');
  });

  it('shows latency percentiles of the complete responses, and the network errors by code', () => {
    const header = lines.findIndex((line) => line.startsWith('latency (ms)'));
    expect(lines[header]).toMatch(/^latency \(ms\)\s+responses\s+p50\s+p90\s+p99\s+max\s+mean$/);
    expect(lines[header + 2]).toMatch(/^complete responses\s+95\s+12\.3\s+45\.6\s+120\.0\s+180\.0\s+20\.3$/);
    expect(lines[lines.length - 1]).toBe('network errors: ECONNRESET 2');
  });

  it('points at the concurrency when the asked rate was far from reached', () => {
    expect(formatTrafficReport(REPORT)).not.toContain('Below the asked rate');
    expect(formatTrafficReport({ ...REPORT, achievedRate: 30 }).split('\n')[2]).toBe(
      'Below the asked rate: 4 requests in flight at most could not keep up; raise the concurrency.',
    );
  });

  it('says so when no response could be measured, and when no rate was asked', () => {
    const text = formatTrafficReport({ ...REPORT, latency: null, targetRate: null, networkErrors: {} });
    expect(text).toContain('latency: no complete response to measure');
    expect(text).toContain('(no rate limit)');
    expect(text).not.toContain('network errors');
  });
});
