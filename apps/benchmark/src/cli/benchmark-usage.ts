import { DEFAULT_OUT_DIR } from './benchmark-arguments.js';
import { BENCHMARK_DEFAULTS, BENCHMARK_LIMITS, estimatedSeconds, QUICK_PRESET } from '../benchmark-options.js';
import { SCENARIO_NAMES } from '../variants/benchmark-scenarios.js';
import { VARIANT_NAMES } from '../variants/variant-names.js';

const COMMAND = 'npm run bench --';

/** The `--help` text; defaults and bounds come from the options module, so the text cannot drift. */
export function benchmarkUsage(): string {
  const d = BENCHMARK_DEFAULTS;
  const q = { ...d, ...QUICK_PRESET };
  const range = (option: keyof typeof BENCHMARK_LIMITS) =>
    `${BENCHMARK_LIMITS[option].min} to ${BENCHMARK_LIMITS[option].max}`;
  return `Usage: ${COMMAND} [options]        (runs dist/apps/benchmark/src/main.js; build first)

Measures what each metric path costs a NestJS service: requests/s, latency, server CPU per request,
memory and the cost of one scrape, for each variant against the baseline (same routes, no metrics).
The compiled apps run as their own processes, the server on one CPU and the load generator on
another (taskset); variants are measured in interleaved rounds and reported as medians. A round in
which another process took the server's CPU, or left the server short of load, is run again.
Defaults take about ${Math.round(estimatedSeconds(d) / 60)} minutes; --quick about ${estimatedSeconds(q)} s.

Options:
  --duration S       seconds per measured round, ${range('durationSeconds')} (default ${d.durationSeconds})
  --rounds N         measured rounds per variant and route, ${range('rounds')} (default ${d.rounds})
  --warmup S         unmeasured seconds per variant and route first, ${range('warmupSeconds')} (default ${d.warmupSeconds})
  --connections N    requests kept in flight, ${range('connections')} (default ${d.connections})
  --wrk-rounds N     rounds of wrk after autocannon's, as a cross-check, ${range('wrkRounds')} (default ${d.wrkRounds})
  --retries N        times a round disturbed by another process is run again, ${range('retries')} (default ${d.retries})
  --scrapes N        timed scrapes of /metrics per variant, ${range('scrapes')} (default ${d.scrapes})
  --variants LIST    comma-separated, must include baseline (default ${VARIANT_NAMES.join(',')})
  --scenarios LIST   routes to load, comma-separated (default ${SCENARIO_NAMES.join(',')})
  --quick            short run: ${q.rounds} rounds of ${q.durationSeconds} s, ${q.warmupSeconds} s warm-up, no wrk, no retries
                     (flags given still win)
  --json             print the whole report (every round) as JSON instead of the tables
  --no-scaled-scrapes  skip the scrapes of servers padded to 1,000 and 10,000 series (--quick skips them)
  --profile          instead: profile each variant's CPU on the first scenario (V8's sampling profiler), print
                     where the time goes and write the .cpuprofile files under DIR/profiles
  --out DIR          where to write benchmark.json and ratios.svg, the chart of the ratios (default ${DEFAULT_OUT_DIR})
  --help             print this help

Progress goes to stderr, the report to stdout.
Exit codes: 0 done, 2 bad options, 130 interrupted (143 on SIGTERM), 1 failure (e.g. an app did not start).`;
}
