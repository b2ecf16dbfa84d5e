import { formatTrafficReport, runTraffic } from '@app/traffic';
import { parseCliArguments } from './cli-arguments.js';
import { CliUsageError } from './cli-usage.error.js';
import { cliUsage } from './cli-usage.js';
import { ProgressPrinter } from './progress-printer.js';

const EXIT_BAD_OPTIONS = 2;
/** 128 + signal number, as shells report a process ended by that signal. */
const EXIT_ON_SIGNAL: Readonly<Partial<Record<NodeJS.Signals, number>>> = { SIGINT: 130, SIGTERM: 143 };

/** The traffic generator CLI; `--help` for usage. Progress on stderr, the summary (table or JSON) on stdout. */
async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`traffic: ${error.problems.join('\ntraffic: ')}\nRun with --help for usage.\n`);
    return EXIT_BAD_OPTIONS;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${cliUsage()}\n`);
    return 0;
  }

  const printer = command.quiet ? undefined : new ProgressPrinter(process.stderr);
  const abort = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy !== undefined) process.exit(EXIT_ON_SIGNAL[signal] ?? 1); // second signal: quit now
    stoppedBy = signal;
    abort.abort();
    const note = `${signal}: stopping, waiting for the requests in flight (again to quit at once)`;
    if (printer) printer.message(note);
    else process.stderr.write(`${note}\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const report = await runTraffic(command.options, {
    onProgress: printer?.print,
    progressIntervalMs: printer?.intervalMs,
    signal: abort.signal,
  });
  printer?.finish();
  process.stdout.write(`${command.json ? JSON.stringify(report, null, 2) : formatTrafficReport(report)}\n`);
  return report.stopReason === 'aborted' && stoppedBy !== undefined ? (EXIT_ON_SIGNAL[stoppedBy] ?? 1) : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): stdout is flushed before the process ends.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `traffic: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
