import { formatValue } from './value-format.js';

describe('formatValue', () => {
  it.each([
    [0.0123, 'percentunit', '1.23%'],
    [0.25, 'percentunit', '25%'],
    [0, 'percentunit', '0%'],
    [12.345, 'reqps', '12.3 req/s'],
    [1530, 'reqps', '1.53 K req/s'],
    [0.5, 'ops', '0.5 ops/s'],
    [0.0004, 's', '400 µs'],
    [0.123, 's', '123 ms'],
    [2.5, 's', '2.5 s'],
    [90, 's', '1.5 min'],
    [250, 'ms', '250 ms'],
    [13_900_000, 'bytes', '13.3 MiB'],
    [512, 'bytes', '512 B'],
    [42, 'short', '42'],
    [12_000, 'short', '12 K'],
    [3, 'none', '3'],
    [7, 'widgets', '7 widgets'],
  ])('writes %p in %s as %p', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('writes what is not a number the way Prometheus does', () => {
    expect(formatValue(Number.NaN, 's')).toBe('NaN');
    expect(formatValue(Number.POSITIVE_INFINITY, 's')).toBe('+Inf');
    expect(formatValue(null, 's')).toBe('—');
  });
});
