import { cssColor, hasThresholds, thresholdColor, thresholdLines } from './thresholds.js';

const BUDGET = [
  { value: null, color: 'green' },
  { value: 0.01, color: 'red' },
];

describe('thresholds', () => {
  it('colours a value by the last step it has reached', () => {
    expect(thresholdColor(BUDGET, 0.002)).toBe(cssColor('green'));
    expect(thresholdColor(BUDGET, 0.01)).toBe(cssColor('red'));
    expect(thresholdColor([], 1)).toBeUndefined();
  });

  it('draws the error budget of a panel whose style is dashed, and nothing when it is off', () => {
    expect(thresholdLines(BUDGET, 'dashed')).toEqual([{ value: 0.01, color: cssColor('red'), dashed: true }]);
    expect(thresholdLines(BUDGET, 'line+area')).toEqual([{ value: 0.01, color: cssColor('red'), dashed: false }]);
    expect(thresholdLines(BUDGET, 'off')).toEqual([]);
  });

  it('sees no threshold in a lone base step', () => {
    expect(hasThresholds([{ value: null, color: 'green' }])).toBe(false);
    expect(hasThresholds(BUDGET)).toBe(true);
  });

  it('passes CSS colours through', () => {
    expect(cssColor('#123456')).toBe('#123456');
  });
});
