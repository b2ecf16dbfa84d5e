import { REFUSED_PARAMETER, RequestPlanner } from './request-planner.js';
import { resolveTrafficOptions } from './resolve-traffic-options.js';

describe('RequestPlanner', () => {
  const options = resolveTrafficOptions({
    targets: ['http://a.test:1', 'http://b.test:2/prefix', 'http://c.test:3'],
    requests: 10,
    mix: 'one=1,sample-signals=1',
    taskWeights: '1,2,3',
    seed: 5,
  });

  it('hands out exactly the requested count, then nothing', () => {
    const planner = new RequestPlanner(options);
    const taken = Array.from({ length: 15 }, () => planner.take()).filter((request) => request !== undefined);
    expect(taken).toHaveLength(10);
    expect(taken.map((request) => request.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(planner.exhausted).toBe(true);
  });

  it('lets the targets take turns', () => {
    const planner = new RequestPlanner(options);
    const targets = Array.from({ length: 6 }, () => planner.take()?.target);
    expect(targets).toEqual([
      'http://a.test:1',
      'http://b.test:2/prefix',
      'http://c.test:3',
      'http://a.test:1',
      'http://b.test:2/prefix',
      'http://c.test:3',
    ]);
  });

  it('builds each URL from the target, the route path and, for /sample-signals only, the weights', () => {
    const planner = new RequestPlanner(options);
    const urls = new Set(Array.from({ length: 10 }, () => planner.take()?.url));
    expect(urls).toContain('http://b.test:2/prefix/one');
    expect(urls).toContain('http://a.test:1/sample-signals?weight_ok=1&weight_not_found=2&weight_server_error=3');
    for (const url of urls)
      expect(url).toMatch(/\/(one|sample-signals\?weight_ok=1&weight_not_found=2&weight_server_error=3)$/);
  });

  it('plans the same routes for the same seed', () => {
    const routes = (planner: RequestPlanner) => Array.from({ length: 10 }, () => planner.take()?.route);
    expect(routes(new RequestPlanner(options))).toEqual(routes(new RequestPlanner(options)));
  });

  describe('with a share of refused requests', () => {
    const planned = (refusedShare: number, requests = 2_000) => {
      const planner = new RequestPlanner({ ...options, maxRequests: requests, refusedShare });
      return Array.from({ length: requests }, () => planner.take()).filter((request) => request !== undefined);
    };

    it('sends none by default', () => {
      expect(planned(0).filter((request) => request.refused || request.url.includes(REFUSED_PARAMETER))).toEqual([]);
    });

    it('adds a parameter the route refuses to about that share, after the weights of /sample-signals', () => {
      const refused = planned(0.25).filter((request) => request.refused);
      // 500 expected out of 2,000; a seeded draw, so the bound is for any seed at about 4 standard deviations.
      expect(refused.length).toBeGreaterThan(420);
      expect(refused.length).toBeLessThan(580);
      for (const { url } of refused) {
        expect(url).toMatch(
          new RegExp(
            `/(one\\?|sample-signals\\?weight_ok=1&weight_not_found=2&weight_server_error=3&)${REFUSED_PARAMETER}$`,
          ),
        );
      }
    });

    it('keeps the sequence of routes the seed gives without them', () => {
      expect(planned(0.25).map((request) => request.route)).toEqual(planned(0).map((request) => request.route));
    });
  });
});
