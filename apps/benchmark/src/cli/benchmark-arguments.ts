import { parseArgs } from 'node:util';
import { BENCHMARK_DEFAULTS, BENCHMARK_LIMITS, type BenchmarkOptions, QUICK_PRESET } from '../benchmark-options.js';
import { SCENARIO_NAMES } from '../variants/benchmark-scenarios.js';
import { REFERENCE_VARIANT, VARIANT_NAMES } from '../variants/variant-names.js';
import { BenchmarkUsageError } from './benchmark-usage.error.js';

export type BenchmarkCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'run';
      readonly options: BenchmarkOptions;
      readonly json: boolean;
      /** Where the JSON report and the chart of the ratios are written. */
      readonly outDir: string;
      /** Profile each variant's CPU time (`--profile`) instead of measuring throughput. */
      readonly profile: boolean;
    };

/** The results' folder, relative to where the benchmark runs (git ignores it). */
export const DEFAULT_OUT_DIR = 'benchmark-results';

/** Every flag is `multiple` so that a flag given twice is an error, not a silent "last one wins". */
const FLAGS = {
  duration: { type: 'string', multiple: true },
  rounds: { type: 'string', multiple: true },
  warmup: { type: 'string', multiple: true },
  connections: { type: 'string', multiple: true },
  'wrk-rounds': { type: 'string', multiple: true },
  retries: { type: 'string', multiple: true },
  scrapes: { type: 'string', multiple: true },
  variants: { type: 'string', multiple: true },
  scenarios: { type: 'string', multiple: true },
  quick: { type: 'boolean', multiple: true },
  json: { type: 'boolean', multiple: true },
  out: { type: 'string', multiple: true },
  'no-scaled-scrapes': { type: 'boolean', multiple: true },
  profile: { type: 'boolean', multiple: true },
  help: { type: 'boolean', multiple: true },
} as const;

type FlagName = keyof typeof FLAGS;

/** The flag of each numeric option. */
const NUMERIC_FLAGS = {
  durationSeconds: 'duration',
  rounds: 'rounds',
  warmupSeconds: 'warmup',
  connections: 'connections',
  wrkRounds: 'wrk-rounds',
  retries: 'retries',
  scrapes: 'scrapes',
} as const satisfies Record<keyof typeof BENCHMARK_LIMITS, FlagName>;

/**
 * Reads the command line into benchmark options, or throws a `BenchmarkUsageError` listing every
 * problem by flag. `--quick` picks short defaults; a flag given with it still wins.
 */
export function parseBenchmarkArguments(argv: readonly string[]): BenchmarkCommand {
  let values: Partial<Record<FlagName, (string | boolean)[]>>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    // parseArgs names the flag: "Unknown option '--round'", "Option '--rounds <value>' argument missing".
    throw new BenchmarkUsageError([(error as Error).message]);
  }
  if (values.help !== undefined) return { kind: 'help' };

  const problems: string[] = [];
  const single = (flag: FlagName): string | undefined => {
    const given = values[flag];
    if (given === undefined) return undefined;
    if (given.length > 1) problems.push(`--${flag} is given ${given.length} times, at most once allowed`);
    return String(given[given.length - 1]);
  };
  const start: BenchmarkOptions = { ...BENCHMARK_DEFAULTS, ...(single('quick') !== undefined ? QUICK_PRESET : {}) };

  const numbers = Object.fromEntries(
    Object.entries(NUMERIC_FLAGS).map(([option, flag]) => {
      const fallback = start[option as keyof typeof NUMERIC_FLAGS];
      const raw = single(flag);
      if (raw === undefined) return [option, fallback];
      const { min, max } = BENCHMARK_LIMITS[option as keyof typeof NUMERIC_FLAGS];
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        problems.push(`--${flag} must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
        return [option, fallback];
      }
      return [option, Number(raw)];
    }),
  ) as Pick<BenchmarkOptions, keyof typeof NUMERIC_FLAGS>;

  const list = <T extends string>(flag: FlagName, known: readonly T[], fallback: readonly T[]): readonly T[] => {
    const raw = single(flag);
    if (raw === undefined) return fallback;
    const names = raw.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !(known as readonly string[]).includes(name));
    if (unknown.length > 0) {
      problems.push(
        `--${flag} has unknown name(s) ${unknown.map((name) => `"${name.slice(0, 40)}"`).join(', ')} (known: ${known.join(', ')})`,
      );
      return fallback;
    }
    if (new Set(names).size !== names.length) problems.push(`--${flag} names a variant or scenario twice`);
    // Kept in the documented order, whatever order they were typed in.
    return known.filter((name) => names.includes(name));
  };
  const variants = list('variants', VARIANT_NAMES, start.variants);
  if (!variants.includes(REFERENCE_VARIANT)) {
    problems.push(`--variants must include ${REFERENCE_VARIANT}: every ratio is taken against it`);
  }
  const scenarios = list('scenarios', SCENARIO_NAMES, start.scenarios);
  const json = single('json') !== undefined;
  const outDir = single('out') ?? DEFAULT_OUT_DIR;
  if (outDir.trim() === '') problems.push('--out must name a folder');

  if (problems.length > 0) throw new BenchmarkUsageError(problems);
  const scaledScrapes = single('no-scaled-scrapes') === undefined && start.scaledScrapes;
  const profile = single('profile') !== undefined;
  return { kind: 'run', options: { ...numbers, scaledScrapes, variants, scenarios }, json, outDir, profile };
}
