import type { BenchmarkOptions } from '../benchmark-options.js';
import type { CpuPinning } from '../host/cpu-pinning.js';
import type { MachineFacts } from '../host/machine-facts.js';
import type { LoadRound } from '../load/load-round.js';
import type { ScrapeCost } from '../scrape/scrape-cost.js';
import type { ScenarioName } from '../variants/benchmark-scenarios.js';
import type { VariantName } from '../variants/variant-names.js';
import type { Spread } from './statistics.js';

/** One round as the client saw it, with what the server spent on it, read from /proc. */
export interface MeasuredRound extends LoadRound {
  /** 1-based, in the order rounds were run. */
  readonly round: number;
  /** User + system CPU time of the server process during the round, in seconds. */
  readonly serverCpuSeconds: number;
  /** Server CPU time per response, in µs: what one request costs, whoever was waiting. */
  readonly serverCpuPerRequestUs: number;
  /** Server CPU time over the round's wall time: 1.00 is one core saturated. */
  readonly serverCpuShare: number;
  /** Busy share of the server's CPU that the server did not use (other processes); pinned runs only. */
  readonly otherLoadOnServerCpu?: number;
  /** 1, or more when disturbed attempts were run again (`--retries`); this is the last attempt. */
  readonly attempts: number;
}

export interface VariantRounds {
  readonly variant: VariantName;
  readonly rounds: readonly MeasuredRound[];
  readonly wrkRounds: readonly MeasuredRound[];
}

/** One variant in one scenario, reduced to what the table shows. */
export interface ThroughputSummary {
  readonly variant: VariantName;
  /** Over the autocannon rounds. */
  readonly requestsPerSecond: Spread;
  /** Median requests/s over the baseline's. */
  readonly ratio: number;
  /** Medians over the rounds of each round's percentile. */
  readonly latencyMs: { readonly p50: number; readonly p99: number };
  readonly cpuPerRequestUs: number;
  /** `cpuPerRequestUs` less the baseline's: the metric path's own cost per request. */
  readonly addedCpuPerRequestUs: number;
  readonly serverCpuShare: number;
  /** The largest share of the server's CPU that another process took during a round. */
  readonly maxOtherLoadOnServerCpu?: number;
  /** Responses other than 2xx, as a share of all. */
  readonly non2xxShare: number;
  /** Connection errors and timeouts over all rounds: should be 0. */
  readonly errors: number;
  /** Attempts run again because something else disturbed them. */
  readonly repeatedRounds: number;
  readonly wrk?: {
    readonly requestsPerSecond: number;
    readonly ratio: number;
    readonly latencyMs: { readonly p50: number; readonly p99: number };
  };
}

export interface ScenarioRun {
  readonly scenario: ScenarioName;
  readonly path: string;
  readonly summary: string;
  readonly variants: readonly VariantRounds[];
  readonly summaries: readonly ThroughputSummary[];
}

export interface MemoryMeasure {
  readonly variant: VariantName;
  /** Resident size once the app answered its first request, before any load. */
  readonly rssAtStartBytes: number;
  /** Resident size after every round of every scenario. */
  readonly rssAfterLoadBytes: number;
  /** Highest resident size over the whole run. */
  readonly peakRssBytes: number;
  /** Heap in use right after a full garbage collection, after the load. */
  readonly heapUsedAfterGcBytes: number;
}

export interface VariantDescription {
  readonly name: VariantName;
  readonly app: string;
  readonly summary: string;
  /** The OTEL_NODE_ENABLED_INSTRUMENTATIONS given, for the OpenTelemetry variants ('' = the app's default). */
  readonly enabledInstrumentations?: string;
}

export interface BenchmarkReport {
  readonly method: {
    readonly machine: MachineFacts;
    readonly pinning: CpuPinning;
    readonly options: BenchmarkOptions;
    readonly variants: readonly VariantDescription[];
    /** Why wrk did not run, when it did not. */
    readonly wrkSkipped?: string;
    /** Busy share of the server's and the load generator's CPU in the second before the run (pinned runs). */
    readonly cpuBusyBeforeStart: Readonly<Record<string, number>>;
    readonly startedAt: string;
    readonly seconds: number;
  };
  readonly scenarios: readonly ScenarioRun[];
  readonly memory: readonly MemoryMeasure[];
  /** Variants that serve metrics only. */
  readonly scrape: ReadonlyArray<{ readonly variant: VariantName } & ScrapeCost>;
  /** The same, on fresh servers padded with `loadTestSeries` extra series (TASKS_LOAD_TEST_SERIES). */
  readonly scrapeAtScale: ReadonlyArray<
    { readonly variant: VariantName; readonly loadTestSeries: number } & ScrapeCost
  >;
}
