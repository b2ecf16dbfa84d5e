import { nearestRankPercentile } from './latency-percentiles.js';

describe('nearestRankPercentile', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('gives the sample at rank ceil(p/100 * n)', () => {
    expect(nearestRankPercentile(oneToHundred, 50)).toBe(50);
    expect(nearestRankPercentile(oneToHundred, 90)).toBe(90);
    expect(nearestRankPercentile(oneToHundred, 99)).toBe(99);
    expect(nearestRankPercentile(oneToHundred, 100)).toBe(100);
    expect(nearestRankPercentile(oneToHundred, 0.5)).toBe(1);
  });

  it('never interpolates: the answer is always a sample', () => {
    const samples = [10, 20, 30, 40];
    expect(nearestRankPercentile(samples, 50)).toBe(20);
    expect(nearestRankPercentile(samples, 51)).toBe(30);
    expect(nearestRankPercentile(samples, 99)).toBe(40);
  });

  it('answers the only sample for any percentile', () => {
    expect(nearestRankPercentile([7], 1)).toBe(7);
    expect(nearestRankPercentile([7], 99)).toBe(7);
  });

  it('refuses no samples and percentiles outside (0, 100]', () => {
    expect(() => nearestRankPercentile([], 50)).toThrow(/no samples/);
    expect(() => nearestRankPercentile([1], 0)).toThrow(/percentile must be in/);
    expect(() => nearestRankPercentile([1], 101)).toThrow(/percentile must be in/);
  });
});
