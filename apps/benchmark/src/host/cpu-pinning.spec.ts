import { onCpu, parseCpuList } from './cpu-pinning.js';

describe('CPU pinning', () => {
  it('parses the CPU lists taskset prints', () => {
    expect(parseCpuList('0,1')).toEqual([0, 1]);
    expect(parseCpuList(' 0-3,6,8-9\n')).toEqual([0, 1, 2, 3, 6, 8, 9]);
    expect(() => parseCpuList('0,x')).toThrow('not a CPU list');
  });

  it('wraps a command in taskset only when a CPU is given', () => {
    expect(onCpu(0, 'node', ['main.js'])).toEqual(['taskset', ['-c', '0', 'node', 'main.js']]);
    expect(onCpu(undefined, 'node', ['main.js'])).toEqual(['node', ['main.js']]);
  });
});
