/** Bad command-line input; each problem names its flag. Exit code 2. */
export class BenchmarkUsageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'BenchmarkUsageError';
  }
}
