/**
 * The p-th percentile by the nearest-rank method: the smallest sample such that at least p % of the
 * samples are at or below it. Exact, and always one of the samples (never an interpolation).
 * `sorted` must be sorted ascending and non-empty.
 */
export function nearestRankPercentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error('no samples to take a percentile of');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1];
}
