import { nearestRankPercentile } from '@app/traffic';

/** p50 and p99 of response times in ms, by the nearest-rank method (always an observed value). */
export function latencyPercentiles(latenciesMs: readonly number[]): { p50: number; p99: number } {
  if (latenciesMs.length === 0) return { p50: Number.NaN, p99: Number.NaN };
  const sorted = Float64Array.from(latenciesMs).sort();
  return { p50: nearestRankPercentile(sorted, 50), p99: nearestRankPercentile(sorted, 99) };
}
