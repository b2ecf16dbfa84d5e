import { median, spreadOf } from './statistics.js';

describe('statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNaN();
  });

  it('gives the median with the smallest and largest value', () => {
    expect(spreadOf([9, 7, 8, 12])).toEqual({ median: 8.5, min: 7, max: 12 });
  });
});
