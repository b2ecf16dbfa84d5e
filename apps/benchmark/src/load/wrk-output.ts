import type { LoadRound } from './load-round.js';

/**
 * What the benchmark reads from wrk's report (`wrk --latency`): a round as wrk measured it. Its `non2xx` is wrk's
 * "Non-2xx or 3xx responses" (statuses of 400 and above); its `errors` are connect, read and write errors and
 * timeouts.
 */
export type WrkOutput = Omit<LoadRound, 'generator'>;

/** wrk's time units, as its `format_time_us` prints them, in milliseconds (µs divided: 0.94, not 0.9400000000000001). */
const MILLISECONDS_PER_UNIT: Readonly<Partial<Record<string, number>>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

function toMilliseconds(value: string, unit: string): number {
  if (unit === 'us') return Number(value) / 1_000;
  const factor = MILLISECONDS_PER_UNIT[unit];
  if (factor === undefined) throw new Error(`unknown wrk time unit "${unit}"`);
  return Number(value) * factor;
}

/**
 * Parses the report that `wrk --latency` prints, e.g.
 * `  50%    2.94ms` … `  99%   62.14ms`, `  7872 requests in 3.05s, 2.09MB read`, `Requests/sec:   2579.50`.
 * @throws naming the line it could not find, with the output, when wrk printed something else.
 */
export function parseWrkOutput(output: string): WrkOutput {
  const find = (what: string, pattern: RegExp): RegExpExecArray => {
    const match = pattern.exec(output);
    if (match === null) throw new Error(`wrk's output has no ${what}:\n${output}`);
    return match;
  };
  const percentile = (p: number) => {
    const [, value, unit] = find(`${p}% latency line`, new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm'));
    return toMilliseconds(value, unit);
  };
  const [, requests, duration, durationUnit] = find(
    'request count line',
    /^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h),/m,
  );
  const [, requestsPerSecond] = find('Requests/sec line', /^Requests\/sec:\s+([\d.]+)\s*$/m);
  const non2xx = /^\s*Non-2xx or 3xx responses:\s+(\d+)\s*$/m.exec(output);
  const socketErrors = /^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)\s*$/m.exec(output);
  return {
    requests: Number(requests),
    seconds: toMilliseconds(duration, durationUnit) / 1_000,
    requestsPerSecond: Number(requestsPerSecond),
    latencyMs: { p50: percentile(50), p99: percentile(99) },
    non2xx: non2xx === null ? 0 : Number(non2xx[1]),
    errors: socketErrors === null ? 0 : socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0),
  };
}
