import { BenchmarkAbortedError } from './benchmark-aborted.error.js';
import { parseBenchmarkArguments } from './cli/benchmark-arguments.js';
import { BenchmarkUsageError } from './cli/benchmark-usage.error.js';
import { benchmarkUsage } from './cli/benchmark-usage.js';
import { formatBenchmarkReport } from './report/format-benchmark-report.js';
import { formatProfiles } from './profile/format-profiles.js';
import { profileVariants } from './profile/profile-variants.js';
import { writeBenchmarkResults } from './report/write-results.js';
import { runBenchmark } from './run-benchmark.js';

const EXIT_BAD_OPTIONS = 2;
/** 128 + signal number, as shells report a process ended by that signal. */
const EXIT_ON_SIGNAL: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseBenchmarkArguments(argv);
  } catch (error) {
    if (!(error instanceof BenchmarkUsageError)) throw error;
    process.stderr.write(`bench: ${error.problems.join('\nbench: ')}\nRun with --help for usage.\n`);
    return EXIT_BAD_OPTIONS;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${benchmarkUsage()}\n`);
    return 0;
  }

  const abort = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy !== undefined) process.exit(EXIT_ON_SIGNAL[signal] ?? 1); // second signal: quit now
    stoppedBy = signal;
    process.stderr.write(`bench: ${signal}, stopping the servers (again to quit at once)\n`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  if (command.profile) {
    const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
    const profiles = await profileVariants(command.options, command.outDir, progress);
    process.stdout.write(`${formatProfiles(profiles)}\n`);
    return 0;
  }

  try {
    const report = await runBenchmark(command.options, {
      progress: (line) => process.stderr.write(`bench: ${line}\n`),
      signal: abort.signal,
    });
    process.stdout.write(`${command.json ? JSON.stringify(report, null, 2) : formatBenchmarkReport(report)}\n`);
    for (const file of writeBenchmarkResults(report, command.outDir)) process.stderr.write(`bench: wrote ${file}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BenchmarkAbortedError && stoppedBy !== undefined) return EXIT_ON_SIGNAL[stoppedBy] ?? 1;
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): stdout is flushed before the process ends.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
