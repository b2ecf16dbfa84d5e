import { ConfigValidationError, EnvReader, type Env } from '@app/config';
import { FIXED_TASKS, TASK_ROUTES } from '@app/metrics';
import { NO_WAIT_TASKS_ENV, readTasksSettings, TASKS_DEFAULTS, type TasksSettings } from './tasks.settings.js';

function settingsFrom(env: Env): TasksSettings {
  const reader = new EnvReader(env);
  const settings = readTasksSettings(reader);
  reader.assertValid();
  return settings;
}

/** The problems reported for `env`; fails the test if the environment is valid. */
function problemsOf(env: Env): readonly string[] {
  try {
    settingsFrom(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe('readTasksSettings', () => {
  it("defaults to the course: 80/10/10, the route table's waits (200/400/600/800 ms), a 5 s cap and no seed", () => {
    expect(settingsFrom({}).routeMaxLatencyMs).toMatchObject({ one: 200, two: 400, three: 600, four: 800, error: 0 });
    expect(settingsFrom({})).toEqual({
      routeMaxLatencyMs: Object.fromEntries(FIXED_TASKS.map((task) => [task, TASK_ROUTES[task].maxLatencyMs])),
      sampleWeights: { ok: 80, not_found: 10, server_error: 10 },
      sampleMaxLatencyMs: 200,
      latencyCapMs: 5_000,
      seed: undefined,
      loadTestSeries: 0,
    });
  });

  it('treats empty variables as unset', () => {
    expect(settingsFrom({ TASKS_WEIGHTS: '', TASKS_SEED: '', TASKS_LATENCY_CAP_MS: ' ' })).toEqual(settingsFrom({}));
  });

  it('reads every variable', () => {
    expect(
      settingsFrom({
        TASKS_LATENCY_CAP_MS: '1000',
        TASKS_ROUTE_MAX_LATENCY_MS: FIXED_TASKS.map((task, index) => `${task}=${(index + 1) * 10}`).join(','),
        TASKS_WEIGHTS: '1, 0.5, 0',
        TASKS_MAX_LATENCY_MS: '1000',
        TASKS_SEED: '42',
        TASKS_LOAD_TEST_SERIES: '1000',
      }),
    ).toEqual({
      routeMaxLatencyMs: Object.fromEntries(FIXED_TASKS.map((task, index) => [task, (index + 1) * 10])),
      sampleWeights: { ok: 1, not_found: 0.5, server_error: 0 },
      sampleMaxLatencyMs: 1000,
      latencyCapMs: 1000,
      seed: 42,
      loadTestSeries: 1000,
    });
  });

  it.each(['-1', '50001', 'lots'])('rejects TASKS_LOAD_TEST_SERIES=%p, naming the variable', (raw) => {
    expect(problemsOf({ TASKS_LOAD_TEST_SERIES: raw })[0]).toMatch(/^TASKS_LOAD_TEST_SERIES /);
  });

  describe('TASKS_WEIGHTS', () => {
    it('accepts zero weights as long as one is positive', () => {
      expect(settingsFrom({ TASKS_WEIGHTS: '0,0,1' }).sampleWeights).toEqual({
        ok: 0,
        not_found: 0,
        server_error: 1,
      });
    });

    it.each(['0,0,0', '0, 0.0, 0'])('rejects %p: the weights must have a positive sum', (raw) => {
      expect(problemsOf({ TASKS_WEIGHTS: raw })).toEqual([
        'TASKS_WEIGHTS must have a positive sum (weights of 200, 404 and 500)',
      ]);
    });

    it.each(['80,20', '80,10,10,0', '80,-10,10', 'ok,not_found,error'])('rejects %p', (raw) => {
      expect(problemsOf({ TASKS_WEIGHTS: raw })).toEqual([
        `TASKS_WEIGHTS must be 3 comma-separated non-negative numbers, got "${raw}"`,
      ]);
    });
  });

  describe('TASKS_ROUTE_MAX_LATENCY_MS', () => {
    it('sets the routes it names, by task, and leaves the others at their default', () => {
      expect(settingsFrom({ TASKS_ROUTE_MAX_LATENCY_MS: 'four=0' }).routeMaxLatencyMs).toEqual({
        ...TASKS_DEFAULTS.routeMaxLatencyMs,
        four: 0,
      });
    });

    it('names the routes it accepts when given another', () => {
      expect(problemsOf({ TASKS_ROUTE_MAX_LATENCY_MS: 'no-such-route=10' })).toEqual([
        `TASKS_ROUTE_MAX_LATENCY_MS must be comma-separated key=number pairs ("no-such-route" is not one of ${FIXED_TASKS.join(', ')}), got "no-such-route=10"`,
      ]);
    });

    it('refuses the positional form it once took, saying why', () => {
      expect(problemsOf({ TASKS_ROUTE_MAX_LATENCY_MS: '0,0,0,0' })[0]).toMatch(/"0" is not key=number/);
    });
  });

  describe('NO_WAIT_TASKS_ENV', () => {
    it('makes every route of the table answer at once', () => {
      const settings = settingsFrom(NO_WAIT_TASKS_ENV);
      expect(Object.keys(settings.routeMaxLatencyMs).sort()).toEqual(
        Object.keys(TASK_ROUTES)
          .filter((task) => TASK_ROUTES[task as keyof typeof TASK_ROUTES].kind === 'fixed')
          .sort(),
      );
      expect(Object.values(settings.routeMaxLatencyMs).every((ms) => ms === 0)).toBe(true);
      expect(settings.sampleMaxLatencyMs).toBe(0);
    });
  });

  describe('latencies and their cap', () => {
    it('accepts waits equal to the cap', () => {
      const settings = settingsFrom({
        TASKS_LATENCY_CAP_MS: '300',
        TASKS_ROUTE_MAX_LATENCY_MS: 'one=300,two=300,three=300,four=300',
        TASKS_MAX_LATENCY_MS: '300',
      });
      expect(settings.latencyCapMs).toBe(300);
    });

    it('rejects a route wait above the cap', () => {
      expect(problemsOf({ TASKS_LATENCY_CAP_MS: '1000', TASKS_ROUTE_MAX_LATENCY_MS: 'one=100,four=1001' })).toEqual([
        'TASKS_ROUTE_MAX_LATENCY_MS must not exceed TASKS_LATENCY_CAP_MS (1000), got four=1001',
      ]);
    });

    it('rejects a sample wait above the cap', () => {
      expect(problemsOf({ TASKS_LATENCY_CAP_MS: '1000', TASKS_MAX_LATENCY_MS: '1001' })).toEqual([
        'TASKS_MAX_LATENCY_MS must not exceed TASKS_LATENCY_CAP_MS (1000), got 1001',
      ]);
    });

    it('holds the default waits to a lowered cap too, rather than silently exceeding it', () => {
      expect(problemsOf({ TASKS_LATENCY_CAP_MS: '100' })).toEqual([
        `TASKS_ROUTE_MAX_LATENCY_MS must not exceed TASKS_LATENCY_CAP_MS (100), got ${FIXED_TASKS.filter(
          (task) => TASK_ROUTES[task].maxLatencyMs > 100,
        )
          .map((task) => `${task}=${TASK_ROUTES[task].maxLatencyMs}`)
          .join(',')}`,
        'TASKS_MAX_LATENCY_MS must not exceed TASKS_LATENCY_CAP_MS (100), got 200',
      ]);
    });

    it.each([
      ['60001', 'TASKS_LATENCY_CAP_MS must be an integer between 0 and 60000, got 60001'],
      ['-1', 'TASKS_LATENCY_CAP_MS must be an integer between 0 and 60000, got -1'],
      ['5s', 'TASKS_LATENCY_CAP_MS must be an integer, got "5s"'],
    ])('rejects the cap %p', (raw, problem) => {
      expect(problemsOf({ TASKS_LATENCY_CAP_MS: raw })).toEqual([problem]);
    });

    it.each([
      ['-5', 'TASKS_MAX_LATENCY_MS must be an integer at least 0, got -5'],
      ['2.5', 'TASKS_MAX_LATENCY_MS must be an integer, got "2.5"'],
    ])('rejects the sample wait %p', (raw, problem) => {
      expect(problemsOf({ TASKS_MAX_LATENCY_MS: raw })).toEqual([problem]);
    });
  });

  describe('TASKS_SEED', () => {
    it.each([
      ['0', 0],
      ['4294967295', 2 ** 32 - 1],
    ])('accepts %p, an end of the 32-bit range', (raw, seed) => {
      expect(settingsFrom({ TASKS_SEED: raw }).seed).toBe(seed);
    });

    it.each([
      ['4294967296', 'TASKS_SEED must be an integer between 0 and 4294967295, got 4294967296'],
      ['-1', 'TASKS_SEED must be an integer between 0 and 4294967295, got -1'],
      ['1.5', 'TASKS_SEED must be an integer, got "1.5"'],
      ['random', 'TASKS_SEED must be an integer, got "random"'],
    ])('rejects %p', (raw, problem) => {
      expect(problemsOf({ TASKS_SEED: raw })).toEqual([problem]);
    });
  });

  it('reports every bad variable at once', () => {
    expect(
      problemsOf({ TASKS_WEIGHTS: '0,0,0', TASKS_SEED: 'x', TASKS_ROUTE_MAX_LATENCY_MS: '1,2,3' }).map(
        (problem) => problem.split(' ')[0],
      ),
    ).toEqual(['TASKS_ROUTE_MAX_LATENCY_MS', 'TASKS_WEIGHTS', 'TASKS_SEED']);
  });
});
