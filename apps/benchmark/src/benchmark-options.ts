import { SCENARIO_NAMES, type ScenarioName } from './variants/benchmark-scenarios.js';
import { VARIANT_NAMES, type VariantName } from './variants/variant-names.js';

/** One benchmark run: what is measured, and for how long. */
export interface BenchmarkOptions {
  /** Length of one measured round, in seconds (whole: wrk takes whole seconds). */
  readonly durationSeconds: number;
  /** Measured rounds of each variant in each scenario, interleaved across variants. */
  readonly rounds: number;
  /** Unmeasured load before the rounds of each scenario, per variant, in seconds: JIT, caches, pools. */
  readonly warmupSeconds: number;
  /** Requests kept in flight by the load generator. */
  readonly connections: number;
  /** Rounds of wrk after autocannon's, per variant and scenario, as a cross-check; 0 for none. */
  readonly wrkRounds: number;
  /** How many times a round disturbed by other processes is run again (see `isDisturbed`). */
  readonly retries: number;
  /** Timed scrapes of `/metrics` per variant. */
  readonly scrapes: number;
  /** Whether the scrape is also timed on servers padded to about 1,000 and 10,000 series. */
  readonly scaledScrapes: boolean;
  readonly variants: readonly VariantName[];
  readonly scenarios: readonly ScenarioName[];
}

/** About 3 to 4 minutes on a 2-core machine. */
export const BENCHMARK_DEFAULTS: BenchmarkOptions = {
  durationSeconds: 4,
  rounds: 5,
  warmupSeconds: 2,
  connections: 10,
  wrkRounds: 1,
  retries: 2,
  scrapes: 20,
  scaledScrapes: true,
  variants: VARIANT_NAMES,
  scenarios: SCENARIO_NAMES,
};

/** `--quick`: about 30 s, to see that everything runs and roughly where things stand, not to publish. */
export const QUICK_PRESET: Partial<BenchmarkOptions> = {
  durationSeconds: 1,
  rounds: 2,
  warmupSeconds: 1,
  wrkRounds: 0,
  retries: 0,
  scrapes: 5,
  scaledScrapes: false,
};

type NumericOption =
  'durationSeconds' | 'rounds' | 'warmupSeconds' | 'connections' | 'wrkRounds' | 'retries' | 'scrapes';

/** Inclusive bounds of each number: every run stays bounded in time. */
export const BENCHMARK_LIMITS: Readonly<Record<NumericOption, { readonly min: number; readonly max: number }>> = {
  durationSeconds: { min: 1, max: 600 },
  rounds: { min: 1, max: 50 },
  warmupSeconds: { min: 0, max: 600 },
  connections: { min: 1, max: 1_000 },
  wrkRounds: { min: 0, max: 20 },
  retries: { min: 0, max: 10 },
  scrapes: { min: 1, max: 1_000 },
};

/** Time between rounds: resuming a paused server, letting its connections close. */
export const ROUND_SETTLE_SECONDS = 0.2;

/** Start-up of one app, about; memory and scrape measurements add a little more. */
const START_SECONDS = 1.5;

/** A rough length of the whole run, printed at its start. */
export function estimatedSeconds(options: BenchmarkOptions): number {
  const roundSeconds = options.durationSeconds + ROUND_SETTLE_SECONDS;
  const perVariant = options.warmupSeconds + (options.rounds + options.wrkRounds) * roundSeconds;
  const load = options.scenarios.length * options.variants.length * perVariant;
  return Math.round(load + options.variants.length * (START_SECONDS + 0.5));
}
