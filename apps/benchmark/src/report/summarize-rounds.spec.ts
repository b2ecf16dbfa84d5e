import type { LoadGeneratorName } from '../load/load-round.js';
import type { MeasuredRound } from './benchmark-report.js';
import { summarizeScenario } from './summarize-rounds.js';

/** A round of `rate` req/s for 2 s, the server spending `cpuUs` µs per request. */
function round(rate: number, cpuUs: number, generator: LoadGeneratorName = 'autocannon'): MeasuredRound {
  const requests = rate * 2;
  return {
    generator,
    round: 1,
    requests,
    seconds: 2,
    requestsPerSecond: rate,
    latencyMs: { p50: 1000 / rate, p99: 5000 / rate },
    non2xx: requests / 10,
    errors: 0,
    serverCpuSeconds: (requests * cpuUs) / 1e6,
    serverCpuPerRequestUs: cpuUs,
    serverCpuShare: (rate * cpuUs) / 1e6,
    otherLoadOnServerCpu: 0.01,
    attempts: generator === 'wrk' ? 2 : 1,
  };
}

describe('summarizeScenario', () => {
  const [baseline, otel] = summarizeScenario([
    {
      variant: 'baseline',
      rounds: [round(10_000, 100), round(9_000, 110), round(11_000, 90)],
      wrkRounds: [round(12_000, 80, 'wrk')],
    },
    {
      variant: 'otel',
      rounds: [round(5_000, 200), round(4_000, 250), round(5_500, 180)],
      wrkRounds: [round(6_000, 160, 'wrk')],
    },
  ]);

  it('gives the baseline a ratio of 1 and no added cost', () => {
    expect(baseline).toMatchObject({ variant: 'baseline', ratio: 1, addedCpuPerRequestUs: 0 });
    expect(baseline.wrk?.ratio).toBe(1);
  });

  it('relates medians to the baseline: throughput ratio, µs added per request', () => {
    expect(otel.requestsPerSecond).toEqual({ median: 5_000, min: 4_000, max: 5_500 });
    expect(otel.ratio).toBe(0.5);
    expect(otel.cpuPerRequestUs).toBe(200);
    expect(otel.addedCpuPerRequestUs).toBe(100);
    expect(otel.latencyMs).toEqual({ p50: 0.2, p99: 1 });
    expect(otel.wrk).toEqual({
      requestsPerSecond: 6_000,
      ratio: 0.5,
      latencyMs: { p50: 1000 / 6000, p99: 5000 / 6000 },
    });
    expect(otel.non2xxShare).toBeCloseTo(0.1);
    expect(otel.maxOtherLoadOnServerCpu).toBe(0.01);
    expect(otel.repeatedRounds).toBe(1);
  });

  it('needs the baseline', () => {
    expect(() => summarizeScenario([{ variant: 'otel', rounds: [round(1, 1)], wrkRounds: [] }])).toThrow('baseline');
  });
});
