import type { TrafficOptionName } from './traffic-config.js';

/** Renders an option's name as its user knows it: the config key in code, the flag on the command line. */
export type OptionNamer = (option: TrafficOptionName) => string;

export interface TrafficOptionProblem {
  /** The option at fault (the first one named, when a problem involves several). */
  readonly option: TrafficOptionName;
  /** The problem as a sentence naming the option(s) through `nameOf`. */
  describe(nameOf: OptionNamer): string;
}

/** Thrown by `resolveTrafficOptions` with every problem found, each naming its option. */
export class TrafficOptionsError extends Error {
  constructor(readonly problems: readonly TrafficOptionProblem[]) {
    super(
      `Invalid traffic options:\n${problems.map((problem) => `  - ${problem.describe((option) => option)}`).join('\n')}`,
    );
    this.name = 'TrafficOptionsError';
  }

  /** Each problem as a line, naming options with `nameOf`. */
  describe(nameOf: OptionNamer): string[] {
    return this.problems.map((problem) => problem.describe(nameOf));
  }
}
