import { CrashHistory, type RestartPolicy } from './restart-policy.js';

const POLICY: RestartPolicy = { initialDelayMs: 100, maxDelayMs: 1_000, maxCrashesInWindow: 5, windowMs: 60_000 };

describe('CrashHistory', () => {
  it('restarts after a delay that doubles with each recent crash, up to the maximum', () => {
    const history = new CrashHistory(POLICY);
    const delays = [0, 1, 2, 3, 4].map((second) => history.recordCrash(second * 1_000));
    expect(delays).toEqual([
      { action: 'restart', delayMs: 100, recentCrashes: 1 },
      { action: 'restart', delayMs: 200, recentCrashes: 2 },
      { action: 'restart', delayMs: 400, recentCrashes: 3 },
      { action: 'restart', delayMs: 800, recentCrashes: 4 },
      { action: 'restart', delayMs: 1_000, recentCrashes: 5 },
    ]);
  });

  it('gives up on the crash past the limit within the window: a crash loop', () => {
    const history = new CrashHistory(POLICY);
    for (let crash = 0; crash < POLICY.maxCrashesInWindow; crash += 1) history.recordCrash(crash);
    expect(history.recordCrash(10)).toEqual({ action: 'give-up', recentCrashes: 6 });
  });

  it('forgets crashes older than the window: a worker that ran long enough starts again from the first delay', () => {
    const history = new CrashHistory(POLICY);
    for (let crash = 0; crash < POLICY.maxCrashesInWindow; crash += 1) history.recordCrash(crash);
    expect(history.recordCrash(POLICY.windowMs + 10)).toEqual({ action: 'restart', delayMs: 100, recentCrashes: 1 });
  });

  it('keeps the crashes still inside the window', () => {
    const history = new CrashHistory(POLICY);
    history.recordCrash(0);
    history.recordCrash(30_000);
    expect(history.recordCrash(70_000)).toEqual({ action: 'restart', delayMs: 200, recentCrashes: 2 });
  });
});
