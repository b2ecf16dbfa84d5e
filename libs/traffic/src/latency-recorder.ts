import { nearestRankPercentile } from './latency-percentiles.js';

export interface LatencySummary {
  /** Responses measured (timeouts and network errors are not: their "latency" is not the server's). */
  readonly count: number;
  readonly minMs: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Keeps every latency sample so percentiles are exact. Memory is bounded by construction: one
 * 8-byte slot per request, and a run never exceeds `capacity` (the request cap, 1,000,000 → 8 MB).
 * The buffer grows by doubling, so a short run stays small.
 */
export class LatencyRecorder {
  private samples = new Float64Array(1024);
  private size = 0;

  constructor(private readonly capacity: number) {}

  get count(): number {
    return this.size;
  }

  record(latencyMs: number): void {
    if (this.size >= this.capacity)
      throw new Error(`more than ${this.capacity} latency samples: the run outgrew its bound`);
    if (this.size === this.samples.length) {
      const grown = new Float64Array(Math.min(this.samples.length * 2, this.capacity));
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size++] = latencyMs;
  }

  /** Percentiles over every sample so far, or undefined when nothing was measured. Sorts a copy. */
  summary(): LatencySummary | undefined {
    if (this.size === 0) return undefined;
    const sorted = this.samples.slice(0, this.size).sort();
    let total = 0;
    for (const sample of sorted) total += sample;
    return {
      count: this.size,
      minMs: sorted[0],
      meanMs: total / this.size,
      p50Ms: nearestRankPercentile(sorted, 50),
      p90Ms: nearestRankPercentile(sorted, 90),
      p99Ms: nearestRankPercentile(sorted, 99),
      maxMs: sorted[this.size - 1],
    };
  }
}
