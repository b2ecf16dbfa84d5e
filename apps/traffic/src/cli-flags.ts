import type { OptionNamer, TrafficOptionName } from '@app/traffic';

/** The flag of each library option, so that a validation error names what the user typed. */
export const FLAG_OF_OPTION: Readonly<Record<TrafficOptionName, string>> = {
  targets: '--target',
  concurrency: '--concurrency',
  rate: '--rate',
  durationSeconds: '--duration',
  requests: '--requests',
  mix: '--mix',
  taskWeights: '--weights',
  timeoutSeconds: '--timeout',
  seed: '--seed',
  refusedShare: '--refused-share',
};

export const flagOf: OptionNamer = (option) => FLAG_OF_OPTION[option];
