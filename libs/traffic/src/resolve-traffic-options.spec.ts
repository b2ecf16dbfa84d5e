import { resolveTrafficOptions } from './resolve-traffic-options.js';
import type { TrafficConfig } from './traffic-config.js';
import { DEFAULT_ROUTE_MIX, TRAFFIC_LIMITS } from './traffic-limits.js';
import { TrafficOptionsError } from './traffic-options.error.js';

const TARGET = 'http://127.0.0.1:8080';

/** The problems a config is refused with, each naming its option by its config key. */
function problemsOf(config: TrafficConfig): string[] {
  try {
    resolveTrafficOptions(config);
  } catch (error) {
    if (error instanceof TrafficOptionsError) return error.describe((option) => option);
    throw error;
  }
  throw new Error('expected the config to be refused');
}

describe('resolveTrafficOptions', () => {
  it('applies the defaults of the course: 4 workers, 1 s timeout, the default mix, no rate limit', () => {
    const options = resolveTrafficOptions({ targets: [TARGET], requests: 10 });
    expect(options).toMatchObject({
      targets: [TARGET],
      concurrency: 4,
      rate: undefined,
      requests: 10,
      durationSeconds: undefined,
      maxRequests: 10,
      maxDurationSeconds: TRAFFIC_LIMITS.maxDurationSeconds,
      mix: DEFAULT_ROUTE_MIX,
      taskWeights: undefined,
      timeoutSeconds: 1,
      refusedShare: 0,
    });
    expect(Number.isInteger(options.seed)).toBe(true);
  });

  it('keeps every value given, and normalizes the targets', () => {
    const options = resolveTrafficOptions({
      targets: ['http://127.0.0.1:8080/', 'https://example.test/base/'],
      concurrency: 8,
      rate: 12.5,
      durationSeconds: 30,
      mix: 'one=2,error=1',
      taskWeights: '80,10,10',
      timeoutSeconds: 0.5,
      seed: 42,
      refusedShare: 0.02,
    });
    expect(options).toMatchObject({
      targets: ['http://127.0.0.1:8080', 'https://example.test/base'],
      concurrency: 8,
      rate: 12.5,
      durationSeconds: 30,
      maxDurationSeconds: 30,
      maxRequests: TRAFFIC_LIMITS.maxRequests,
      mix: { one: 2, error: 1 },
      taskWeights: { ok: 80, not_found: 10, server_error: 10 },
      timeoutSeconds: 0.5,
      seed: 42,
      refusedShare: 0.02,
    });
  });

  it('is bounded even when only one bound is given: the other takes its hard cap', () => {
    expect(resolveTrafficOptions({ targets: [TARGET], durationSeconds: 5 }).maxRequests).toBe(1_000_000);
    expect(resolveTrafficOptions({ targets: [TARGET], requests: 5 }).maxDurationSeconds).toBe(86_400);
  });

  it('refuses a run without any bound, naming both options', () => {
    expect(problemsOf({ targets: [TARGET] })).toEqual([
      expect.stringMatching(/^requests or durationSeconds must be set/),
    ]);
  });

  it('names options the way the caller knows them', () => {
    try {
      resolveTrafficOptions({ targets: [TARGET] });
    } catch (error) {
      expect((error as TrafficOptionsError).describe((option) => `--${option.toUpperCase()}`)).toEqual([
        expect.stringMatching(/^--REQUESTS or --DURATIONSECONDS must be set/),
      ]);
    }
    expect.assertions(1);
  });

  it.each<[string, TrafficConfig, RegExp]>([
    ['no target', { requests: 1 }, /^targets is required/],
    ['an empty target list', { targets: [], requests: 1 }, /^targets is required/],
    ['a relative URL', { targets: ['localhost:8080/x'], requests: 1 }, /^targets must be http or https URLs/],
    ['not a URL', { targets: ['not a url'], requests: 1 }, /^targets must be absolute http\(s\) URLs, got "not a url"/],
    ['a query string', { targets: [`${TARGET}?a=1`], requests: 1 }, /^targets must be base URLs without query/],
    ['credentials', { targets: ['http://u:p@127.0.0.1:1'], requests: 1 }, /^targets must not carry credentials/],
    ['a duplicate', { targets: [TARGET, `${TARGET}/`], requests: 1 }, /^targets lists http:\/\/127.0.0.1:8080 twice/],
    [
      '0 concurrency',
      { targets: [TARGET], requests: 1, concurrency: 0 },
      /^concurrency must be an integer from 1 up to 1000, got 0/,
    ],
    ['fractional concurrency', { targets: [TARGET], requests: 1, concurrency: 1.5 }, /^concurrency must be an integer/],
    ['a zero rate', { targets: [TARGET], requests: 1, rate: 0 }, /^rate must be a number above 0 up to 100000, got 0/],
    ['an infinite rate', { targets: [TARGET], requests: 1, rate: Infinity }, /^rate must be a number/],
    [
      'too many requests',
      { targets: [TARGET], requests: 1_000_001 },
      /^requests must be an integer from 1 up to 1000000/,
    ],
    ['0 requests', { targets: [TARGET], requests: 0 }, /^requests must be an integer from 1/],
    [
      'more than 24 h',
      { targets: [TARGET], durationSeconds: 86_401 },
      /^durationSeconds must be a number above 0 up to 86400/,
    ],
    ['a negative duration', { targets: [TARGET], durationSeconds: -1 }, /^durationSeconds must be a number above 0/],
    [
      'a zero timeout',
      { targets: [TARGET], requests: 1, timeoutSeconds: 0 },
      /^timeoutSeconds must be a number above 0 up to 60/,
    ],
    [
      'a negative seed',
      { targets: [TARGET], requests: 1, seed: -1 },
      /^seed must be an integer from 0 up to 4294967295/,
    ],
    [
      'a share of refused requests above 1',
      { targets: [TARGET], requests: 1, refusedShare: 1.5 },
      /^refusedShare must be a number from 0 up to 1, got 1.5/,
    ],
    ['a bad mix', { targets: [TARGET], requests: 1, mix: 'nine=1' }, /^mix has an unknown route "nine"/],
    ['bad weights', { targets: [TARGET], requests: 1, taskWeights: '0,0,0' }, /^taskWeights must have a positive sum/],
  ])('refuses %s, naming the option', (_case, config, problem) => {
    expect(problemsOf(config)).toEqual([expect.stringMatching(problem)]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ targets: ['ftp://x'], concurrency: 0, rate: -1, mix: 'one=-1', timeoutSeconds: 99 });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'targets',
      'concurrency',
      'rate',
      'requests',
      'timeoutSeconds',
      'mix',
    ]);
  });

  it('draws a seed when none is given, so that two runs differ but each can be replayed', () => {
    const seeds = new Set(
      Array.from({ length: 5 }, () => resolveTrafficOptions({ targets: [TARGET], requests: 1 }).seed),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });
});
