import { parseCliArguments, type CliCommand } from './cli-arguments.js';
import { CliUsageError } from './cli-usage.error.js';

const TARGET = 'http://127.0.0.1:8081';

function problemsOf(argv: string[]): readonly string[] {
  try {
    parseCliArguments(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

function runOf(argv: string[]): Extract<CliCommand, { kind: 'run' }> {
  const command = parseCliArguments(argv);
  if (command.kind !== 'run') throw new Error('expected a run');
  return command;
}

describe('parseCliArguments', () => {
  it('reads every flag into validated options', () => {
    const command = runOf([
      ...['--target', TARGET, '--target', 'http://127.0.0.1:8080'],
      ...['--concurrency', '8', '--rate', '12.5', '--duration', '30', '--requests', '500'],
      ...['--mix', 'one=1,error=1', '--weights', '80,10,10', '--timeout', '0.5', '--seed', '7', '--quiet', '--json'],
      ...['--refused-share', '0.05'],
    ]);
    expect(command.quiet).toBe(true);
    expect(command.json).toBe(true);
    expect(command.options).toMatchObject({
      targets: [TARGET, 'http://127.0.0.1:8080'],
      concurrency: 8,
      rate: 12.5,
      durationSeconds: 30,
      requests: 500,
      mix: { one: 1, error: 1 },
      taskWeights: { ok: 80, not_found: 10, server_error: 10 },
      timeoutSeconds: 0.5,
      seed: 7,
      refusedShare: 0.05,
    });
  });

  it('accepts the short form of the brief', () => {
    const command = runOf(['--target', TARGET, '--requests', '100']);
    expect(command).toMatchObject({
      quiet: false,
      json: false,
      options: { requests: 100, concurrency: 4, timeoutSeconds: 1 },
    });
  });

  it('answers --help before checking anything else', () => {
    expect(parseCliArguments(['--help', '--rate', 'nonsense'])).toEqual({ kind: 'help' });
  });

  it.each<[string[], RegExp]>([
    [['--rate', 'fast', '--target', TARGET, '--requests', '1'], /^--rate must be a number, got "fast"$/],
    [
      ['--refused-share', '2', '--target', TARGET, '--requests', '1'],
      /^--refused-share must be a number from 0 up to 1, got 2$/,
    ],
    [['--requests', '1e3', '--target', TARGET], /^--requests must be a whole number, got "1e3"$/],
    [
      ['--concurrency', '0', '--target', TARGET, '--requests', '1'],
      /^--concurrency must be an integer from 1 up to 1000, got 0$/,
    ],
    [['--duration', '90000', '--target', TARGET], /^--duration must be a number above 0 up to 86400/],
    [['--timeout', '0', '--target', TARGET, '--requests', '1'], /^--timeout must be a number above 0/],
    [['--mix', 'one=1,nine=2', '--target', TARGET, '--requests', '1'], /^--mix has an unknown route "nine"/],
    [['--weights', '80,20', '--target', TARGET, '--requests', '1'], /^--weights must be 3 comma-separated/],
    [['--seed=-3', '--target', TARGET, '--requests', '1'], /^--seed must be a whole number, got "-3"$/],
    [['--seed', '-3', '--target', TARGET, '--requests', '1'], /^Option '--seed' argument is ambiguous/],
    [['--requests', '1'], /^--target is required/],
    [['--target', TARGET], /^--requests or --duration must be set/],
    [
      ['--target', TARGET, '--requests', '1', '--rate', '1', '--rate', '2'],
      /^--rate is given 2 times, at most once allowed$/,
    ],
    [['--target', TARGET, '--requests', '1', '--rat', '1'], /Unknown option '--rat'/],
    [['--target', TARGET, '--requests', '1', 'extra'], /Unexpected argument 'extra'/],
    [['--target'], /Option '--target <value>' argument missing/],
  ])('refuses %j, naming the flag', (argv, problem) => {
    expect(problemsOf(argv)).toEqual([expect.stringMatching(problem)]);
  });

  it('lists every problem at once, without a second, confusing one for a malformed flag', () => {
    // --requests is malformed: the library would see no bound, but only the real problem is reported.
    expect(problemsOf(['--target', 'ftp://x', '--requests', 'many', '--concurrency', '0'])).toEqual([
      '--requests must be a whole number, got "many"',
      '--target must be http or https URLs, got "ftp://x"',
      '--concurrency must be an integer from 1 up to 1000, got 0',
    ]);
  });
});
