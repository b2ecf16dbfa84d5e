import { resolveTrafficOptions, TrafficOptionsError, type TrafficConfig, type TrafficOptions } from '@app/traffic';
import { parseArgs } from 'node:util';
import { FLAG_OF_OPTION, flagOf } from './cli-flags.js';
import { CliUsageError } from './cli-usage.error.js';

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: TrafficOptions; readonly quiet: boolean; readonly json: boolean };

/** Every flag is declared `multiple` so that a flag given twice is an error, not a silent "last one wins". */
const FLAGS = {
  target: { type: 'string', multiple: true },
  concurrency: { type: 'string', multiple: true },
  rate: { type: 'string', multiple: true },
  duration: { type: 'string', multiple: true },
  requests: { type: 'string', multiple: true },
  mix: { type: 'string', multiple: true },
  weights: { type: 'string', multiple: true },
  timeout: { type: 'string', multiple: true },
  seed: { type: 'string', multiple: true },
  'refused-share': { type: 'string', multiple: true },
  quiet: { type: 'boolean', multiple: true },
  json: { type: 'boolean', multiple: true },
  help: { type: 'boolean', multiple: true },
} as const;

type FlagName = keyof typeof FLAGS;

/**
 * Reads the command line into validated traffic options, or throws a `CliUsageError` listing every
 * problem by flag. This file checks the shape of each value (a number where one is due, a flag given
 * once); ranges and cross-option rules are the library's, so a config built in code obeys the same.
 */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  let values: Partial<Record<FlagName, (string | boolean)[]>>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    // parseArgs names the flag: "Unknown option '--rat'", "Option '--rate <value>' argument missing".
    throw new CliUsageError([(error as Error).message]);
  }
  if (values.help !== undefined) return { kind: 'help' };

  const problems: string[] = [];
  /** Flags whose value was malformed: the library's view of them (as unset) would only confuse. */
  const malformed = new Set<string>();
  const single = (flag: FlagName): string | undefined => {
    const given = values[flag];
    if (given === undefined) return undefined;
    if (given.length > 1) {
      problems.push(`--${flag} is given ${given.length} times, at most once allowed`);
      malformed.add(`--${flag}`);
    }
    return String(given[given.length - 1]);
  };
  const number = (flag: FlagName, integer = false): number | undefined => {
    const raw = single(flag);
    if (raw === undefined) return undefined;
    if (!(integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(raw)) {
      problems.push(`--${flag} must be ${integer ? 'a whole number' : 'a number'}, got "${raw.slice(0, 40)}"`);
      malformed.add(`--${flag}`);
      return undefined;
    }
    return Number(raw);
  };

  const config: TrafficConfig = {
    targets: values.target?.map(String),
    concurrency: number('concurrency', true),
    rate: number('rate'),
    durationSeconds: number('duration'),
    requests: number('requests', true),
    mix: single('mix'),
    taskWeights: single('weights'),
    timeoutSeconds: number('timeout'),
    seed: number('seed', true),
    refusedShare: number('refused-share'),
  };
  const quiet = single('quiet') !== undefined;
  const json = single('json') !== undefined;
  try {
    const options = resolveTrafficOptions(config);
    if (problems.length > 0) throw new CliUsageError(problems);
    return { kind: 'run', options, quiet, json };
  } catch (error) {
    if (!(error instanceof TrafficOptionsError)) throw error;
    const more = error.problems.filter((problem) => !malformed.has(FLAG_OF_OPTION[problem.option]));
    throw new CliUsageError([...problems, ...more.map((problem) => problem.describe(flagOf))]);
  }
}
