import { isDisturbed } from './measure-round.js';

describe('isDisturbed', () => {
  it('flags a round where another process took the server CPU, or the server was short of load', () => {
    expect(isDisturbed({ otherLoadOnServerCpu: 0.01, serverCpuShare: 0.99 })).toBe(false);
    expect(isDisturbed({ otherLoadOnServerCpu: 0.2, serverCpuShare: 0.8 })).toBe(true);
    expect(isDisturbed({ otherLoadOnServerCpu: 0, serverCpuShare: 0.6 })).toBe(true);
  });

  it('expects no busy server from a handler that waits by design: only another process disturbs it', () => {
    expect(isDisturbed({ otherLoadOnServerCpu: 0, serverCpuShare: 0.3 }, false)).toBe(false);
    expect(isDisturbed({ otherLoadOnServerCpu: 0.2, serverCpuShare: 0.3 }, false)).toBe(true);
  });

  it('judges nothing when the server was not pinned (its CPU unknown)', () => {
    expect(isDisturbed({ otherLoadOnServerCpu: undefined, serverCpuShare: 0.4 })).toBe(false);
  });
});
