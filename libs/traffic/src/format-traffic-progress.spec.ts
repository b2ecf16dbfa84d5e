import { formatTrafficProgress } from './format-traffic-progress.js';

describe('formatTrafficProgress', () => {
  it('shows time, sent against the plan, in flight, rate and status classes in a fixed order', () => {
    expect(
      formatTrafficProgress({
        elapsedSeconds: 12.04,
        sent: 320,
        inFlight: 4,
        plannedRequests: 1000,
        plannedSeconds: 60,
        byStatusClass: { error: 1, '5xx': 30, '2xx': 250, '4xx': 35, timeout: 0 },
        recentRate: 25.55,
      }),
    ).toBe('12.0/60 s  sent 320/1000  in flight 4  25.6 req/s  2xx 250  4xx 35  5xx 30  error 1');
  });

  it('leaves out the plan when there is none', () => {
    expect(
      formatTrafficProgress({
        elapsedSeconds: 1,
        sent: 3,
        inFlight: 0,
        plannedRequests: undefined,
        plannedSeconds: undefined,
        byStatusClass: {},
        recentRate: 3,
      }),
    ).toBe('1.0 s  sent 3  in flight 0  3.0 req/s');
  });
});
