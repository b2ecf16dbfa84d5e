import { LatencyRecorder } from './latency-recorder.js';

describe('LatencyRecorder', () => {
  it('summarizes nothing as undefined', () => {
    expect(new LatencyRecorder(10).summary()).toBeUndefined();
  });

  it('gives exact percentiles over samples recorded in any order, past its first buffer', () => {
    const recorder = new LatencyRecorder(10_000);
    // 1..5000 shuffled deterministically: every 7th value first, and so on.
    for (let start = 0; start < 7; start++)
      for (let value = start + 1; value <= 5000; value += 7) recorder.record(value);
    expect(recorder.summary()).toEqual({
      count: 5000,
      minMs: 1,
      meanMs: 2500.5,
      p50Ms: 2500,
      p90Ms: 4500,
      p99Ms: 4950,
      maxMs: 5000,
    });
  });

  it('refuses to grow past its capacity (the run bound), so memory stays bounded', () => {
    const recorder = new LatencyRecorder(2);
    recorder.record(1);
    recorder.record(2);
    expect(() => recorder.record(3)).toThrow(/more than 2 latency samples/);
  });
});
