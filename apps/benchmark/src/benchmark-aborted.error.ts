/** The run was stopped (Ctrl-C, SIGTERM) before its end; the servers it started are stopped too. */
export class BenchmarkAbortedError extends Error {
  constructor() {
    super('benchmark stopped before its end');
    this.name = 'BenchmarkAbortedError';
  }
}
