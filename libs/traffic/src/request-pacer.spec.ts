import { RequestPacer } from './request-pacer.js';

describe('RequestPacer', () => {
  it('hands out start times 1/rate apart, starting now', () => {
    const pacer = new RequestPacer(4);
    expect([0, 0, 0, 0].map(() => pacer.reserve(1000))).toEqual([1000, 1250, 1500, 1750]);
  });

  it('keeps to the schedule when callers come back late by less than the catch-up window (timer jitter)', () => {
    const pacer = new RequestPacer(10, 100);
    expect(pacer.reserve(0)).toBe(0);
    expect(pacer.reserve(5)).toBe(100); // early: waits for its slot
    expect(pacer.reserve(180)).toBe(200); // jitter on the caller's side does not push the schedule
    expect(pacer.reserve(350)).toBe(300); // 50 ms late: started at once, slot kept, the average rate holds
    expect(pacer.reserve(350)).toBe(400);
  });

  it('does not burst after a stall longer than the catch-up window', () => {
    const pacer = new RequestPacer(100, 100); // 10 ms apart
    pacer.reserve(0);
    // Every worker was stuck for 5 s: only 100 ms worth of slots (10 requests) may be made up.
    const slots = Array.from({ length: 12 }, () => pacer.reserve(5000));
    expect(slots.filter((slot) => slot <= 5000)).toHaveLength(11);
    expect(slots[0]).toBe(4900);
    expect(slots[11]).toBe(5010);
  });

  it('keeps an exact average rate over a long run', () => {
    const pacer = new RequestPacer(333);
    let last = 0;
    for (let i = 0; i < 1000; i++) last = pacer.reserve(0);
    expect(999 / (last / 1000)).toBeCloseTo(333, 6);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new RequestPacer(0)).toThrow(/rate must be positive/);
  });
});
