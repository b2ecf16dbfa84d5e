/** What one load generator is asked to do: keep `connections` requests in flight for a while. */
export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Stops the round early (Ctrl-C). */
  readonly signal?: AbortSignal;
}

export type LoadGeneratorName = 'autocannon' | 'wrk';

/** What a load generator measured in one round, from the client's side. */
export interface LoadRound {
  readonly generator: LoadGeneratorName;
  /** Responses received, whatever their status. */
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Response time percentiles, in milliseconds. */
  readonly latencyMs: { readonly p50: number; readonly p99: number };
  /** Responses of a status outside 2xx (the sample route answers 404 and 500 on purpose). */
  readonly non2xx: number;
  /** Connection errors and timeouts: any at all means the round did not measure what it should. */
  readonly errors: number;
}

export type LoadGenerator = (spec: LoadSpec) => Promise<LoadRound>;
