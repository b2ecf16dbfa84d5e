import { parseWrkOutput } from './wrk-output.js';

/** Printed by Debian's wrk 4.1.0 against the baseline app. */
const CLEAN_RUN = `Running 3s test @ http://127.0.0.1:18082/one
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.06ms   10.04ms  89.40ms   93.93%
    Req/Sec     2.61k     1.03k    5.33k    73.33%
  Latency Distribution
     50%  940.00us
     75%    6.61ms
     90%   11.94ms
     99%   62.14ms
  7872 requests in 3.05s, 2.09MB read
Requests/sec:   2579.50
Transfer/sec:    702.81KB
`;

describe('parseWrkOutput', () => {
  it('reads the counts, the rate and the latency percentiles, converting units to ms', () => {
    expect(parseWrkOutput(CLEAN_RUN)).toEqual({
      requests: 7872,
      seconds: 3.05,
      requestsPerSecond: 2579.5,
      latencyMs: { p50: 0.94, p99: 62.14 },
      non2xx: 0,
      errors: 0,
    });
  });

  it('reads non-2xx answers and socket errors when wrk reports them', () => {
    const withErrors = CLEAN_RUN.replace(
      'Requests/sec',
      '  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 812\nRequests/sec',
    ).replace('99%   62.14ms', '99%    1.02s');
    expect(parseWrkOutput(withErrors)).toMatchObject({ non2xx: 812, errors: 5, latencyMs: { p99: 1020 } });
  });

  it('names what is missing when wrk printed something else', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(
      "wrk's output has no request count line",
    );
  });
});
