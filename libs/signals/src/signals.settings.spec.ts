import { ConfigValidationError, EnvReader, type Env } from '@app/config';
import { FIXED_SIGNALS, SIGNAL_ROUTES } from '@app/metrics';
import {
  NO_WAIT_SIGNALS_ENV,
  readSignalsSettings,
  SIGNALS_DEFAULTS,
  type SignalsSettings,
} from './signals.settings.js';

function settingsFrom(env: Env): SignalsSettings {
  const reader = new EnvReader(env);
  const settings = readSignalsSettings(reader);
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

describe('readSignalsSettings', () => {
  it("defaults to the course: 80/10/10, the route table's waits (200/400/600/800 ms), a 5 s cap and no seed", () => {
    expect(settingsFrom({}).routeMaxLatencyMs).toMatchObject({ one: 200, two: 400, three: 600, four: 800, error: 0 });
    expect(settingsFrom({})).toEqual({
      routeMaxLatencyMs: Object.fromEntries(
        FIXED_SIGNALS.map((signal) => [signal, SIGNAL_ROUTES[signal].maxLatencyMs]),
      ),
      sampleWeights: { ok: 80, not_found: 10, server_error: 10 },
      sampleMaxLatencyMs: 200,
      latencyCapMs: 5_000,
      seed: undefined,
    });
  });

  it('treats empty variables as unset', () => {
    expect(settingsFrom({ SIGNALS_WEIGHTS: '', SIGNALS_SEED: '', SIGNALS_LATENCY_CAP_MS: ' ' })).toEqual(
      settingsFrom({}),
    );
  });

  it('reads every variable', () => {
    expect(
      settingsFrom({
        SIGNALS_LATENCY_CAP_MS: '1000',
        SIGNALS_ROUTE_MAX_LATENCY_MS: FIXED_SIGNALS.map((signal, index) => `${signal}=${(index + 1) * 10}`).join(','),
        SIGNALS_WEIGHTS: '1, 0.5, 0',
        SIGNALS_MAX_LATENCY_MS: '1000',
        SIGNALS_SEED: '42',
      }),
    ).toEqual({
      routeMaxLatencyMs: Object.fromEntries(FIXED_SIGNALS.map((signal, index) => [signal, (index + 1) * 10])),
      sampleWeights: { ok: 1, not_found: 0.5, server_error: 0 },
      sampleMaxLatencyMs: 1000,
      latencyCapMs: 1000,
      seed: 42,
    });
  });

  describe('SIGNALS_WEIGHTS', () => {
    it('accepts zero weights as long as one is positive', () => {
      expect(settingsFrom({ SIGNALS_WEIGHTS: '0,0,1' }).sampleWeights).toEqual({
        ok: 0,
        not_found: 0,
        server_error: 1,
      });
    });

    it.each(['0,0,0', '0, 0.0, 0'])('rejects %p: the weights must have a positive sum', (raw) => {
      expect(problemsOf({ SIGNALS_WEIGHTS: raw })).toEqual([
        'SIGNALS_WEIGHTS must have a positive sum (weights of 200, 404 and 500)',
      ]);
    });

    it.each(['80,20', '80,10,10,0', '80,-10,10', 'ok,not_found,error'])('rejects %p', (raw) => {
      expect(problemsOf({ SIGNALS_WEIGHTS: raw })).toEqual([
        `SIGNALS_WEIGHTS must be 3 comma-separated non-negative numbers, got "${raw}"`,
      ]);
    });
  });

  describe('SIGNALS_ROUTE_MAX_LATENCY_MS', () => {
    it('sets the routes it names, by signal, and leaves the others at their default', () => {
      expect(settingsFrom({ SIGNALS_ROUTE_MAX_LATENCY_MS: 'four=0' }).routeMaxLatencyMs).toEqual({
        ...SIGNALS_DEFAULTS.routeMaxLatencyMs,
        four: 0,
      });
    });

    it('names the routes it accepts when given another', () => {
      expect(problemsOf({ SIGNALS_ROUTE_MAX_LATENCY_MS: 'no-such-route=10' })).toEqual([
        `SIGNALS_ROUTE_MAX_LATENCY_MS must be comma-separated key=number pairs ("no-such-route" is not one of ${FIXED_SIGNALS.join(', ')}), got "no-such-route=10"`,
      ]);
    });

    it('refuses the positional form it once took, saying why', () => {
      expect(problemsOf({ SIGNALS_ROUTE_MAX_LATENCY_MS: '0,0,0,0' })[0]).toMatch(/"0" is not key=number/);
    });
  });

  describe('NO_WAIT_SIGNALS_ENV', () => {
    it('makes every route of the table answer at once', () => {
      const settings = settingsFrom(NO_WAIT_SIGNALS_ENV);
      expect(Object.keys(settings.routeMaxLatencyMs).sort()).toEqual(
        Object.keys(SIGNAL_ROUTES)
          .filter((signal) => SIGNAL_ROUTES[signal as keyof typeof SIGNAL_ROUTES].kind === 'fixed')
          .sort(),
      );
      expect(Object.values(settings.routeMaxLatencyMs).every((ms) => ms === 0)).toBe(true);
      expect(settings.sampleMaxLatencyMs).toBe(0);
    });
  });

  describe('latencies and their cap', () => {
    it('accepts waits equal to the cap', () => {
      const settings = settingsFrom({
        SIGNALS_LATENCY_CAP_MS: '300',
        SIGNALS_ROUTE_MAX_LATENCY_MS: 'one=300,two=300,three=300,four=300',
        SIGNALS_MAX_LATENCY_MS: '300',
      });
      expect(settings.latencyCapMs).toBe(300);
    });

    it('rejects a route wait above the cap', () => {
      expect(problemsOf({ SIGNALS_LATENCY_CAP_MS: '1000', SIGNALS_ROUTE_MAX_LATENCY_MS: 'one=100,four=1001' })).toEqual(
        ['SIGNALS_ROUTE_MAX_LATENCY_MS must not exceed SIGNALS_LATENCY_CAP_MS (1000), got four=1001'],
      );
    });

    it('rejects a sample wait above the cap', () => {
      expect(problemsOf({ SIGNALS_LATENCY_CAP_MS: '1000', SIGNALS_MAX_LATENCY_MS: '1001' })).toEqual([
        'SIGNALS_MAX_LATENCY_MS must not exceed SIGNALS_LATENCY_CAP_MS (1000), got 1001',
      ]);
    });

    it('holds the default waits to a lowered cap too, rather than silently exceeding it', () => {
      expect(problemsOf({ SIGNALS_LATENCY_CAP_MS: '100' })).toEqual([
        `SIGNALS_ROUTE_MAX_LATENCY_MS must not exceed SIGNALS_LATENCY_CAP_MS (100), got ${FIXED_SIGNALS.filter(
          (signal) => SIGNAL_ROUTES[signal].maxLatencyMs > 100,
        )
          .map((signal) => `${signal}=${SIGNAL_ROUTES[signal].maxLatencyMs}`)
          .join(',')}`,
        'SIGNALS_MAX_LATENCY_MS must not exceed SIGNALS_LATENCY_CAP_MS (100), got 200',
      ]);
    });

    it.each([
      ['60001', 'SIGNALS_LATENCY_CAP_MS must be an integer between 0 and 60000, got 60001'],
      ['-1', 'SIGNALS_LATENCY_CAP_MS must be an integer between 0 and 60000, got -1'],
      ['5s', 'SIGNALS_LATENCY_CAP_MS must be an integer, got "5s"'],
    ])('rejects the cap %p', (raw, problem) => {
      expect(problemsOf({ SIGNALS_LATENCY_CAP_MS: raw })).toEqual([problem]);
    });

    it.each([
      ['-5', 'SIGNALS_MAX_LATENCY_MS must be an integer at least 0, got -5'],
      ['2.5', 'SIGNALS_MAX_LATENCY_MS must be an integer, got "2.5"'],
    ])('rejects the sample wait %p', (raw, problem) => {
      expect(problemsOf({ SIGNALS_MAX_LATENCY_MS: raw })).toEqual([problem]);
    });
  });

  describe('SIGNALS_SEED', () => {
    it.each([
      ['0', 0],
      ['4294967295', 2 ** 32 - 1],
    ])('accepts %p, an end of the 32-bit range', (raw, seed) => {
      expect(settingsFrom({ SIGNALS_SEED: raw }).seed).toBe(seed);
    });

    it.each([
      ['4294967296', 'SIGNALS_SEED must be an integer between 0 and 4294967295, got 4294967296'],
      ['-1', 'SIGNALS_SEED must be an integer between 0 and 4294967295, got -1'],
      ['1.5', 'SIGNALS_SEED must be an integer, got "1.5"'],
      ['random', 'SIGNALS_SEED must be an integer, got "random"'],
    ])('rejects %p', (raw, problem) => {
      expect(problemsOf({ SIGNALS_SEED: raw })).toEqual([problem]);
    });
  });

  it('reports every bad variable at once', () => {
    expect(
      problemsOf({ SIGNALS_WEIGHTS: '0,0,0', SIGNALS_SEED: 'x', SIGNALS_ROUTE_MAX_LATENCY_MS: '1,2,3' }).map(
        (problem) => problem.split(' ')[0],
      ),
    ).toEqual(['SIGNALS_ROUTE_MAX_LATENCY_MS', 'SIGNALS_WEIGHTS', 'SIGNALS_SEED']);
  });
});
