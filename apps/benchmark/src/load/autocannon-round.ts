import autocannon from 'autocannon';
import type { LoadRound, LoadSpec } from './load-round.js';
import { latencyPercentiles } from './sorted-latencies.js';

/**
 * One round of autocannon, run in this process (pinned to the load CPU). Every response is counted
 * here, with its exact response time: autocannon's own latency histogram keeps whole milliseconds
 * and 2xx answers only, too coarse for sub-millisecond answers and blind to the sample route's 404/500.
 */
export function runAutocannonRound(spec: LoadSpec): Promise<LoadRound> {
  const latencies: number[] = [];
  let non2xx = 0;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        pipelining: 1,
        timeout: 10,
        // The run ends on the first sample after the duration: short samples keep rounds to length.
        sampleInt: 100,
      },
      (error, result) => {
        spec.signal?.removeEventListener('abort', stop);
        if (error !== null) {
          reject(error);
          return;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({
          generator: 'autocannon',
          requests: latencies.length,
          seconds,
          requestsPerSecond: latencies.length / seconds,
          latencyMs: latencyPercentiles(latencies),
          non2xx,
          errors: result.errors,
        });
      },
    );
    const stop = () => instance.stop();
    spec.signal?.addEventListener('abort', stop, { once: true });
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      latencies.push(responseTimeMs);
      if (statusCode < 200 || statusCode > 299) non2xx++;
    });
  });
}
