/**
 * The part of autocannon's programmatic API the benchmark uses (the package ships no types).
 * See its README, "Programmatic API".
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      pipelining?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Milliseconds between two throughput samples; the run ends on the first sample after `duration`. */
      sampleInt?: number;
    }

    interface Result {
      errors: number;
      timeouts: number;
      non2xx: number;
      /** Seconds, rounded to 10 ms. */
      duration: number;
    }

    /** Emits `response` (client, statusCode, resBytes, responseTime in ms) for every response. */
    interface Instance extends EventEmitter {
      stop(): void;
    }
  }

  function autocannon(
    options: autocannon.Options,
    callback: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance;

  export = autocannon;
}
