import { formatAge, formatInstant } from './time-format.js';

describe('time formats', () => {
  it('shows instants in UTC to the second', () => {
    expect(formatInstant('2026-01-15T10:00:00.123Z')).toBe('2026-01-15 10:00:00 UTC');
  });

  it.each([
    ['2026-01-15T10:29:15Z', '45 s'],
    ['2026-01-15T10:18:00Z', '12 min'],
    ['2026-01-15T07:30:00Z', '3 h'],
    ['2026-01-15T07:25:00Z', '3 h 5 min'],
    ['2026-01-13T06:30:00Z', '2 d 4 h'],
    ['2026-01-15T10:31:00Z', '0 s'],
  ])('shows the age of %s as %s', (iso, age) => {
    expect(formatAge(iso, new Date('2026-01-15T10:30:00Z'))).toBe(age);
  });
});
