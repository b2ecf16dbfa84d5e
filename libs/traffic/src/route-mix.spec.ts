import { TASKS_DEFAULTS } from '@app/tasks';
import { formatRouteMix, parseRouteMix, routeShares } from './route-mix.js';
import { DEFAULT_ROUTE_MIX } from './traffic-limits.js';
import { ROUTE_NAMES } from './traffic-routes.js';

describe('parseRouteMix', () => {
  it('reads the command-line form, spaces allowed, routes left out weighing 0', () => {
    expect(parseRouteMix(' one=1, error = 2.5 ,sample-signals=5')).toEqual({
      ok: true,
      value: { one: 1, error: 2.5, 'sample-signals': 5 },
    });
  });

  it('takes an object as well', () => {
    expect(parseRouteMix({ two: 3, four: 0 })).toEqual({ ok: true, value: { two: 3, four: 0 } });
  });

  it.each([
    ['', /must list at least one route=weight pair/],
    ['one', /entry "one" must be route=weight/],
    ['no-such-route=1', new RegExp(`unknown route "no-such-route" \\(known: ${ROUTE_NAMES.join(', ')}\\)`)],
    ['one=1,one=2', /names the route one more than once/],
    ['one=-1', /weight of one must be a non-negative number, got "-1"/],
    ['one=abc', /weight of one must be a non-negative number, got "abc"/],
    ['one=0,two=0', /at least one route a positive weight/],
  ])('refuses %j', (text, problem) => {
    const result = parseRouteMix(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toContainEqual(expect.stringMatching(problem));
  });

  it('refuses a non-finite weight given as an object', () => {
    expect(parseRouteMix({ one: Number.NaN })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/weight of one/)],
    });
  });

  it('round-trips through its text form', () => {
    const text = formatRouteMix(DEFAULT_ROUTE_MIX);
    expect(text).toMatch(/^one=1,two=1,three=1,four=1,(\w+=1,)*sample-signals=\d+$/);
    expect(parseRouteMix(text)).toEqual({ ok: true, value: DEFAULT_ROUTE_MIX });
  });
});

describe('routeShares', () => {
  it('gives each route of positive weight its fraction of the traffic', () => {
    expect(routeShares({ one: 1, error: 3, two: 0 })).toEqual({ one: 0.25, error: 0.75 });
  });

  // 20 % exactly with the course's five fixed routes; a route added to the table moves it a little.
  it("makes the default mix fail about 20 % of the time, as the course did, with the server's default weights", () => {
    const shares = routeShares(DEFAULT_ROUTE_MIX);
    const [ok, notFound, serverError] = TASKS_DEFAULTS.sampleWeights;
    const sampleFailing = (notFound + serverError) / (ok + notFound + serverError);
    const failing = (shares.error ?? 0) + (shares['sample-signals'] ?? 0) * sampleFailing;
    expect(failing).toBeGreaterThan(0.15);
    expect(failing).toBeLessThanOrEqual(0.2);
  });
});
