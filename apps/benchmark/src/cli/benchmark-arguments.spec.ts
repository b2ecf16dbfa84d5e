import { BENCHMARK_DEFAULTS, QUICK_PRESET } from '../benchmark-options.js';
import { parseBenchmarkArguments } from './benchmark-arguments.js';
import { BenchmarkUsageError } from './benchmark-usage.error.js';

function problemsOf(argv: string[]): readonly string[] {
  try {
    parseBenchmarkArguments(argv);
  } catch (error) {
    if (error instanceof BenchmarkUsageError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseBenchmarkArguments', () => {
  it('runs with the defaults when given nothing', () => {
    expect(parseBenchmarkArguments([])).toEqual({
      kind: 'run',
      options: BENCHMARK_DEFAULTS,
      json: false,
      outDir: 'benchmark-results',
      profile: false,
    });
  });

  it('takes --quick as short defaults, which explicit flags still override', () => {
    const command = parseBenchmarkArguments(['--quick', '--rounds', '3', '--json']);
    expect(command).toEqual({
      kind: 'run',
      options: { ...BENCHMARK_DEFAULTS, ...QUICK_PRESET, rounds: 3 },
      json: true,
      outDir: 'benchmark-results',
      profile: false,
    });
    expect(parseBenchmarkArguments(['--out', '/tmp/run-7'])).toMatchObject({ outDir: '/tmp/run-7' });
  });

  it('reads the lists, kept in their documented order', () => {
    const command = parseBenchmarkArguments(['--variants', 'otel, baseline', '--scenarios', 'sample-signals']);
    expect(command).toMatchObject({ options: { variants: ['baseline', 'otel'], scenarios: ['sample-signals'] } });
  });

  it('names every bad flag at once', () => {
    expect(problemsOf(['--duration', '0', '--connections', 'many', '--variants', 'otel,zipkin'])).toEqual([
      '--duration must be a whole number from 1 to 600, got "0"',
      '--connections must be a whole number from 1 to 1000, got "many"',
      '--variants has unknown name(s) "zipkin" (known: baseline, prom-client, otel, otel-http-instrumentation, otel-auto-defaults)',
    ]);
  });

  it('refuses variants without the baseline, a flag given twice, and unknown flags', () => {
    expect(problemsOf(['--variants', 'otel,prom-client'])).toEqual([
      '--variants must include baseline: every ratio is taken against it',
    ]);
    expect(problemsOf(['--rounds', '2', '--rounds', '3'])).toEqual(['--rounds is given 2 times, at most once allowed']);
    expect(problemsOf(['--round', '2'])[0]).toContain("'--round'");
  });

  it('asks for help', () => {
    expect(parseBenchmarkArguments(['--rounds', '2', '--help'])).toEqual({ kind: 'help' });
  });
});
